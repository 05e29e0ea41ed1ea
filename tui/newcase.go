package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// newCaseScreen asks who is at the keyboard and a name for the case.
type newCaseScreen struct {
	c    *common
	step int
	user string
	form *qform
}

func newNewCaseScreen(c *common) *newCaseScreen {
	n := &newCaseScreen{c: c}
	n.ask()
	return n
}

func (n *newCaseScreen) crumb() string { return "New case" }

func (n *newCaseScreen) ask() {
	w := n.c.width - 4
	if n.step == 0 {
		q := wizard.QuestionFor(entitlements.User)
		n.form = newQForm(n.c, q.Prompt("carer"), "This only changes the wording of the questions.", q.Options, false, n.user, w, n.c.bodyHeight())
		return
	}
	n.form = newQForm(n.c, "A short name for this case", "For example the carer's name and town. It is only for finding the case again; you can leave it empty.", nil, true, "", w, n.c.bodyHeight())
}

func (n *newCaseScreen) restyle() { n.form.rebuild(n.c) }

func (n *newCaseScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch {
		case k.String() == "esc":
			if n.step == 1 {
				n.step = 0
				n.ask()
				return nil
			}
			return tea.Sequence(n.c.pop(), n.c.send(searchMsg{}))
		case k.String() == "enter":
			if n.step == 0 {
				n.user = n.form.current()
				n.step = 1
				n.ask()
				return nil
			}
			return n.c.send(createCaseMsg{user: n.user, label: n.form.current()})
		case key.Matches(k, n.c.keys.Help) && !n.form.typed:
			n.c.help.ShowAll = !n.c.help.ShowAll
			return nil
		}
	}
	return n.form.update(msg)
}

func (n *newCaseScreen) view() string { return n.form.view() }

func (n *newCaseScreen) keys() helpKeys {
	k := n.c.keys
	return helpKeys{short: []key.Binding{kb("enter", "next"), kb("esc", "back"), k.QuickExit}}
}
