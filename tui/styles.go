package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// styles is every look the interface uses, built once for a colour setting and background.
//
// Every coloured text is at least 4.5:1 against common dark and light terminal backgrounds
// (WCAG AA; contrast_test.go measures each one). Colour only ever repeats what the text
// already says: a status has its word and symbol, the chosen option its "> ", the focused
// pane its heavy border.
type styles struct {
	noColor bool

	App       lipgloss.Style
	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Bold      lipgloss.Style
	Selected  lipgloss.Style
	Pane      lipgloss.Style
	PaneFocus lipgloss.Style
	Heading   lipgloss.Style
	Error     lipgloss.Style
	Notice    lipgloss.Style
	Changed   lipgloss.Style
	Status    map[string]lipgloss.Style
	Warn      lipgloss.Style
	// Input is the look of a box to type in, TextArea of a notes or letter editor.
	Input    textinput.Styles
	TextArea textarea.Styles
	// Help is the look of the line of keys at the foot of the screen.
	Help help.Styles
}

// palette is each colour for a light and a dark background.
var palette = struct {
	accent, subtle, border, error, good, maybe, warn [2]string
}{
	accent: [2]string{"#5A3FC0", "#B8A4FF"},
	subtle: [2]string{"#595959", "#B0B0B0"},
	border: [2]string{"#767676", "#808080"},
	error:  [2]string{"#B00020", "#FF9494"},
	good:   [2]string{"#1B6E3A", "#7BD88F"},
	maybe:  [2]string{"#1F5FA8", "#8AB4F8"},
	warn:   [2]string{"#8A4B00", "#FFB86C"},
}

func newStyles(noColor, dark bool) *styles {
	s := &styles{noColor: noColor}
	ld := lipgloss.LightDark(dark)
	col := func(c [2]string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(c[0]), lipgloss.Color(c[1]))
	}
	accent, subtle, border := col(palette.accent), col(palette.subtle), col(palette.border)
	plain := lipgloss.NewStyle()
	s.App = plain
	s.Title = plain.Bold(true).Foreground(accent)
	s.Subtle = plain.Foreground(subtle)
	s.Bold = plain.Bold(true)
	s.Selected = plain.Bold(true).Foreground(accent)
	s.Pane = plain.Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	// The pane in use has a heavy border, so it is told apart without colour.
	s.PaneFocus = s.Pane.BorderStyle(lipgloss.ThickBorder()).BorderForeground(accent)
	if noColor {
		s.Pane = s.Pane.BorderStyle(lipgloss.NormalBorder())
	}
	s.Heading = plain.Bold(true).Underline(true)
	s.Error = plain.Bold(true).Foreground(col(palette.error))
	s.Notice = plain.Foreground(col(palette.good))
	s.Changed = plain.Bold(true).Foreground(col(palette.warn))
	s.Warn = plain.Bold(true).Foreground(col(palette.warn))
	s.Status = map[string]lipgloss.Style{
		"eligible":        plain.Foreground(col(palette.good)),
		"may_be_eligible": plain.Foreground(col(palette.maybe)),
		"check":           plain.Foreground(col(palette.warn)),
		"not_eligible":    plain.Foreground(subtle),
	}

	// Text typed is in the terminal's own colour; what is suggested after it is underlined.
	in := textinput.StyleState{Text: plain, Placeholder: s.Subtle, Suggestion: s.Subtle.Underline(true), Prompt: plain.Foreground(accent)}
	s.Input = textinput.DefaultStyles(dark)
	s.Input.Focused, s.Input.Blurred = in, in
	s.Input.Cursor.Color = accent
	area := textarea.StyleState{Base: plain, Text: plain, LineNumber: s.Subtle, CursorLineNumber: s.Subtle,
		CursorLine: plain, EndOfBuffer: plain, Placeholder: s.Subtle, Prompt: plain.Foreground(accent), Selection: plain.Reverse(true)}
	s.TextArea = textarea.DefaultStyles(dark)
	s.TextArea.Focused, s.TextArea.Blurred = area, area
	s.TextArea.Cursor.Color = accent
	if noColor {
		s.Input.Cursor.Color, s.TextArea.Cursor.Color = nil, nil
	}

	key, desc := plain.Bold(true), s.Subtle
	s.Help = help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: desc, Ellipsis: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc}
	return s
}
