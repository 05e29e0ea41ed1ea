package tui

import (
	"image/color"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// styles is every look the interface uses, built once for a colour setting and background.
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
	// Input is the look of a box to type in.
	Input textinput.Styles
}

func newStyles(noColor, dark bool) *styles {
	s := &styles{noColor: noColor}
	ld := lipgloss.LightDark(dark)
	col := func(light, darkc string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkc))
	}
	accent := col("#5A3FC0", "#B8A4FF")
	subtle := col("#666666", "#9A9A9A")
	border := col("#8C8C8C", "#5C5C5C")
	s.App = lipgloss.NewStyle()
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	if noColor {
		s.Selected = lipgloss.NewStyle().Bold(true)
	}
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.PaneFocus = s.Pane.BorderForeground(accent)
	if noColor {
		s.Pane = s.Pane.BorderStyle(lipgloss.NormalBorder())
		s.PaneFocus = s.PaneFocus.BorderStyle(lipgloss.ThickBorder())
	}
	s.Heading = lipgloss.NewStyle().Bold(true).Underline(true)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(col("#B00020", "#FF6B6B"))
	s.Notice = lipgloss.NewStyle().Foreground(col("#1B6E3A", "#7BD88F"))
	s.Changed = lipgloss.NewStyle().Bold(true).Foreground(col("#8A4B00", "#FFB86C"))
	s.Warn = lipgloss.NewStyle().Bold(true).Foreground(col("#8A4B00", "#FFB86C"))
	s.Status = map[string]lipgloss.Style{
		"eligible":        lipgloss.NewStyle().Foreground(col("#1B6E3A", "#7BD88F")),
		"may_be_eligible": lipgloss.NewStyle().Foreground(col("#1F5FA8", "#8AB4F8")),
		"check":           lipgloss.NewStyle().Foreground(col("#8A4B00", "#FFB86C")),
		"not_eligible":    lipgloss.NewStyle().Foreground(subtle),
	}
	s.Input = textinput.DefaultStyles(dark)
	if noColor {
		plain := lipgloss.NewStyle()
		in := textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain.Underline(true), Prompt: plain}
		s.Input.Focused, s.Input.Blurred = in, in
		s.Input.Cursor.Color = nil
	}
	// A steady cursor: a blinking one redraws the screen twice a second for nothing.
	s.Input.Cursor.Blink = false
	return s
}
