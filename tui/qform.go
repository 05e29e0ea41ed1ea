package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// qform is a one-question form: a choice list, or a box to type in.
type qform struct {
	title, desc string
	options     []wizard.Option
	typed       bool
	// suggestions complete what is typed (council names). They are a fixed list the text box
	// matches by itself, so nothing reads the typed value off the update loop.
	suggestions []string
	value       string
	width       int
	height      int
	err         string
	form        *huh.Form
}

func newQForm(c *common, title, desc string, options []wizard.Option, typed bool, initial string, width, height int) *qform {
	q := &qform{title: title, desc: desc, options: options, typed: typed, value: initial, width: width, height: height}
	q.rebuild(c)
	return q
}

// themes are built once per look; the form asks for its theme on every draw.
var themes = map[[2]bool]*huh.Styles{}

func (q *qform) theme(c *common) huh.Theme {
	k := [2]bool{c.noColor, c.dark}
	if themes[k] == nil {
		themes[k] = buildTheme(c)
	}
	st := themes[k]
	return huh.ThemeFunc(func(bool) *huh.Styles { return st })
}

func buildTheme(c *common) *huh.Styles {
	if c.noColor {
		return (func(bool) *huh.Styles {
			s := huh.ThemeBase(false)
			plain := lipgloss.NewStyle()
			s.Focused.Title = plain.Bold(true)
			s.Focused.Description = plain
			s.Focused.SelectSelector = plain.SetString("> ")
			s.Focused.SelectedOption = plain.Bold(true)
			s.Focused.UnselectedOption = plain
			s.Focused.Base = plain
			s.Focused.ErrorIndicator = plain.SetString(" *")
			s.Focused.ErrorMessage = plain.Bold(true)
			s.Focused.TextInput.Prompt = plain
			s.Focused.TextInput.Text = plain
			s.Focused.TextInput.Placeholder = plain
			s.Focused.TextInput.Cursor = plain
			s.Blurred = s.Focused
			s.Form.Base = plain
			s.Group.Base = plain
			return s
		})(false)
	}
	s := huh.ThemeCharm(c.dark)
	s.Focused.Base = lipgloss.NewStyle()
	s.Focused.SelectSelector = s.Focused.SelectSelector.SetString("> ")
	s.Blurred = s.Focused
	return s
}

// rebuild makes the form again (after a resize or a change of colours), keeping the answer.
func (q *qform) rebuild(c *common) {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithDisabled())
	km.Select.Filter = key.NewBinding(key.WithDisabled())
	km.Select.Submit = key.NewBinding(key.WithDisabled())
	km.Select.Next = key.NewBinding(key.WithDisabled())
	km.Select.Prev = key.NewBinding(key.WithDisabled())
	km.Input.Next = key.NewBinding(key.WithDisabled())
	km.Input.Prev = key.NewBinding(key.WithDisabled())
	km.Input.Submit = key.NewBinding(key.WithDisabled())
	var field huh.Field
	th := q.theme(c)
	if q.typed {
		in := huh.NewInput()
		in.WithTheme(th)
		in = in.Title(q.title).Description(q.desc).Value(&q.value).CharLimit(200)
		if len(q.suggestions) > 0 {
			in = in.Suggestions(q.suggestions)
		}
		// The group measures its height when it is made: give the field its real width
		// first, or a title or help that wraps pushes the box to type in out of sight.
		field = in.WithWidth(q.formWidth())
	} else {
		opts := make([]huh.Option[string], len(q.options))
		for i, o := range q.options {
			opts[i] = huh.NewOption(o.Label, o.Value)
		}
		titleLines := strings.Count(wrapText(q.title, q.width), "\n") + 1
		if q.desc != "" {
			titleLines += strings.Count(wrapText(q.desc, q.width), "\n") + 1
		}
		h := min(len(opts), max(q.height-titleLines-1, 3))
		sel := huh.NewSelect[string]()
		sel.WithTheme(th)
		field = sel.Title(q.title).Description(q.desc).Options(opts...).Value(&q.value).Height(h + titleLines)
	}
	q.form = huh.NewForm(huh.NewGroup(field)).WithShowHelp(false).WithShowErrors(false).
		WithTheme(th).WithKeyMap(km).WithWidth(q.formWidth())
	q.form.Init()
}

// formWidth is one cell narrower than the room given: the form's wrapping can leave a comma
// or full stop one cell past its width, which the pane would then break onto a line of its own.
func (q *qform) formWidth() int { return max(q.width-1, 20) }

func (q *qform) resize(c *common, width int) {
	if width != q.width {
		q.width = width
		q.rebuild(c)
	}
}

func (q *qform) update(msg tea.Msg) tea.Cmd {
	q.err = ""
	f, cmd := q.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		q.form = ff
	}
	return cmd
}

// current is the chosen option's value, or the typed text (cleaned).
// For a council, the completion shown after the typed letters is what enter means: typing
// "Bol" shows "Bolton", so the answer is Bolton, not the unknown "Bol".
func (q *qform) current() string {
	v := strings.TrimSpace(entitlements.CleanText(q.value))
	if len(q.suggestions) == 0 || v == "" {
		return v
	}
	if _, known := entitlements.FindCouncil(v); known {
		return v
	}
	for _, s := range q.suggestions {
		if strings.HasPrefix(strings.ToLower(s), strings.ToLower(v)) {
			return s
		}
	}
	return v
}

func (q *qform) view() string {
	v := q.form.View()
	if q.err != "" {
		v += "\n" + q.err
	}
	return v
}
