package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// newCaseModel asks who is at the keyboard and a name for the case.
type newCaseModel struct {
	step int
	user string
	form *qform
}

func newNewCaseModel(m *Model) newCaseModel {
	n := newCaseModel{}
	n.ask(m)
	return n
}

func (n *newCaseModel) init() tea.Cmd { return nil }

func (n *newCaseModel) ask(m *Model) {
	w := m.c.width - 4
	if n.step == 0 {
		q := wizard.QuestionFor(entitlements.User)
		n.form = newQForm(m.c, q.Prompt("carer"), "This only changes the wording of the questions.", q.Options, false, n.user, w, m.bodyHeight())
		return
	}
	n.form = newQForm(m.c, "A short name for this case", "For example the carer's name and town. It is only for finding the case again; you can leave it empty.", nil, true, "", w, m.bodyHeight())
}

func (n *newCaseModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch {
		case k.String() == "esc":
			if n.step == 1 {
				n.step = 0
				n.ask(m)
				return nil
			}
			m.scr = scrCases
			return m.refreshList()
		case k.String() == "enter":
			if n.step == 0 {
				n.user = n.form.current()
				n.step = 1
				n.ask(m)
				return nil
			}
			return m.createCase(n.user, n.form.current())
		case key.Matches(k, m.c.keys.Help) && !n.form.typed:
			m.c.help.ShowAll = !m.c.help.ShowAll
			return nil
		}
	}
	return n.form.update(msg)
}

func (m *Model) createCase(user, label string) tea.Cmd {
	var a entitlements.Answers
	if user == "adviser" || user == "carer" {
		_ = a.Set(entitlements.User, user)
	}
	label = entitlements.CleanText(label)
	if r := []rune(label); len(r) > 120 {
		label = string(r[:120])
	}
	c := storage.Case{ID: storage.NewID(), Label: label, Household: mustJSON(a)}
	cs, err := newCaseState(c, m.c.today)
	if err != nil {
		return m.setStatus(err.Error(), true)
	}
	m.cs = cs
	m.notes.load(m)
	m.lettersCursor = 0
	m.lt.detailsChanged = false
	m.res = resultsModel{}
	m.iv = interviewModel{}
	return tea.Batch(m.markDirty(), m.iv.start(m))
}

func (n *newCaseModel) view(m *Model) string {
	return n.form.view()
}
