package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// Dialogs are small screens that ask one thing at the foot of the screen below them, and
// hand the answer back to it with a message as they close.

// confirmDialog asks a yes or no question.
type confirmDialog struct {
	c               *common
	question        string
	yesHelp, noHelp string
	yes             tea.Msg // handed to the screen below on yes
}

func newConfirm(c *common, question, yesHelp, noHelp string, yes tea.Msg) *confirmDialog {
	return &confirmDialog{c: c, question: question, yesHelp: yesHelp, noHelp: noHelp, yes: yes}
}

func (d *confirmDialog) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "y", "Y":
			return d.c.popWith(d.yes)
		case "n", "N", "esc":
			return d.c.pop()
		}
	}
	return nil
}

func (d *confirmDialog) footer(width int) string {
	return d.c.st.Error.Render(clip(d.question, width))
}
func (d *confirmDialog) view() string  { return d.footer(d.c.width) }
func (d *confirmDialog) crumb() string { return "" }
func (d *confirmDialog) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("y", d.yesHelp), kb("n", d.noHelp), d.c.keys.QuickExit}}
}

// choiceDialog picks one of a few items on one line, by arrows or by a key of its own.
type choiceDialog struct {
	c      *common
	lead   string
	items  []string
	sep    string
	hot    map[string]int // keys that choose an item at once
	cur    int
	choose func(i int) tea.Msg
}

func (d *choiceDialog) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch s := k.String(); s {
	case "up", "left", "k":
		d.cur = max(d.cur-1, 0)
	case "down", "right", "j":
		d.cur = min(d.cur+1, len(d.items)-1)
	case "enter":
		return d.c.popWith(d.choose(d.cur))
	case "esc":
		return d.c.pop()
	default:
		if i, ok := d.hot[s]; ok {
			d.cur = i
			return d.c.popWith(d.choose(i))
		}
	}
	return nil
}

func (d *choiceDialog) footer(int) string {
	parts := make([]string, len(d.items))
	for i, it := range d.items {
		parts[i] = it
		if i == d.cur {
			parts[i] = d.c.st.Selected.Render("[" + it + "]")
		}
	}
	return d.lead + strings.Join(parts, d.sep)
}
func (d *choiceDialog) view() string  { return d.footer(d.c.width) }
func (d *choiceDialog) crumb() string { return "" }
func (d *choiceDialog) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("←/→ ↑/↓", "choose"), kb("enter", "ok"), kb("esc", "cancel"), d.c.keys.QuickExit}}
}

// dateDialog asks for a date on or before today, as people write dates.
type dateDialog struct {
	c       *common
	in      textinput.Model
	err     string
	purpose string
}

// dateChosenMsg is a date given in a date dialog, for its purpose.
type dateChosenMsg struct{ purpose, iso string }

func newDateDialog(c *common, purpose, prompt string, initial entitlements.Date) *dateDialog {
	in := textinput.New()
	in.CharLimit = 500
	in.SetStyles(c.inputStyles())
	in.Prompt = prompt
	in.SetWidth(max(c.width-lipglossWidth(prompt)-2, 10))
	in.SetValue(ukDate(initial))
	in.CursorEnd()
	return &dateDialog{c: c, in: in, purpose: purpose}
}

func ukDate(d entitlements.Date) string { return d.Time().Format("02/01/2006") }

func (d *dateDialog) start() tea.Cmd { return d.in.Focus() }
func (d *dateDialog) restyle()       { d.in.SetStyles(d.c.inputStyles()) }

func (d *dateDialog) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			return d.c.pop()
		case "enter":
			iso, err := wizard.ParseDateInput(d.in.Value())
			if err != nil {
				d.err = "That date was not understood. Try a form like 02/03/2026 or 2 March 2026."
				return nil
			}
			if day, _ := entitlements.ParseDate(iso); day.After(d.c.today) {
				d.err = "That date is in the future."
				return nil
			}
			return d.c.popWith(dateChosenMsg{purpose: d.purpose, iso: iso})
		}
	}
	var cmd tea.Cmd
	d.in, cmd = d.in.Update(msg)
	return cmd
}

func (d *dateDialog) footer(width int) string {
	if d.err != "" {
		return d.c.st.Error.Render(clip(d.err, width))
	}
	return d.in.View()
}
func (d *dateDialog) view() string  { return d.footer(d.c.width) }
func (d *dateDialog) crumb() string { return "" }
func (d *dateDialog) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("enter", "ok"), kb("esc", "cancel"), d.c.keys.QuickExit}}
}

// textDialog asks for a short line of text, such as a child's name.
type textDialog struct {
	c      *common
	in     textinput.Model
	answer func(text string) tea.Msg
}

func newTextDialog(c *common, prompt string, answer func(string) tea.Msg) *textDialog {
	in := textinput.New()
	in.CharLimit = entitlements.MaxChildName
	in.SetStyles(c.inputStyles())
	in.Prompt = prompt
	in.SetWidth(max(c.width-lipglossWidth(prompt)-2, 10))
	return &textDialog{c: c, in: in, answer: answer}
}

func (d *textDialog) start() tea.Cmd { return d.in.Focus() }
func (d *textDialog) restyle()       { d.in.SetStyles(d.c.inputStyles()) }

func (d *textDialog) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			return d.c.pop()
		case "enter":
			return d.c.popWith(d.answer(entitlements.CleanText(d.in.Value())))
		}
	}
	var cmd tea.Cmd
	d.in, cmd = d.in.Update(msg)
	return cmd
}

func (d *textDialog) footer(int) string { return d.in.View() }
func (d *textDialog) view() string      { return d.footer(d.c.width) }
func (d *textDialog) crumb() string     { return "" }
func (d *textDialog) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("enter", "ok"), kb("esc", "cancel"), d.c.keys.QuickExit}}
}

// changeDialog asks for the number of the answer to change, from the answers so far. Once the
// digits typed can only mean one answer it goes at once, so c, the number and (at most) enter
// reopen any answer in three keys.
type changeDialog struct {
	*textDialog
	n int // how many answers there are
}

func newChangeDialog(c *common, n int) *changeDialog {
	d := &changeDialog{n: n}
	d.textDialog = newTextDialog(c, "Change answer number (1 to "+itoa(n)+"): ", func(s string) tea.Msg {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			v = 0
		}
		return changeAnswerMsg{v}
	})
	d.in.CharLimit = len(itoa(n))
	return d
}

func (d *changeDialog) update(msg tea.Msg) tea.Cmd {
	cmd := d.textDialog.update(msg)
	if _, ok := msg.(tea.KeyPressMsg); !ok {
		return cmd
	}
	if v, err := strconv.Atoi(d.in.Value()); err == nil && v >= 1 && v*10 > d.n {
		return d.c.popWith(changeAnswerMsg{v})
	}
	return cmd
}
