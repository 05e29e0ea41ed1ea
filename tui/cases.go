package tui

import (
	"encoding/json"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// caseState is the case in front, with its assessment kept up to date as answers change.
type caseState struct {
	c      storage.Case
	w      *wizard.Wizard
	res    *entitlements.Result
	rep    entitlements.Report
	counts map[entitlements.Status]int
}

func newCaseState(c storage.Case, today entitlements.Date) (*caseState, error) {
	var a entitlements.Answers
	if err := json.Unmarshal(c.MergedAnswers(0), &a); err != nil {
		return nil, err
	}
	asOf := today
	if c.AsOf != "" {
		if d, err := entitlements.ParseDate(c.AsOf); err == nil {
			asOf = d
		}
	}
	cs := &caseState{c: c, w: wizard.New(a, asOf)}
	var skipped []entitlements.Key
	for _, name := range c.Skipped(0) {
		if k, ok := entitlements.KeyNamed(name); ok {
			skipped = append(skipped, k)
		}
	}
	cs.w.Restore(skipped)
	cs.refresh()
	return cs, nil
}

// refresh takes the wizard's assessment and writes it out once, so views only draw it.
func (cs *caseState) refresh() {
	cs.res = cs.w.Result()
	cs.rep = cs.res.Report()
	cs.counts = map[entitlements.Status]int{}
	for _, o := range cs.rep.Outcomes {
		if o.Kind == entitlements.Entitlement || o.Status != entitlements.NotEligible {
			cs.counts[o.Status]++
		}
	}
}

func (cs *caseState) user() string {
	a := cs.w.Answers()
	if a.Value(entitlements.User) == "adviser" {
		return "adviser"
	}
	return "carer"
}

func (cs *caseState) label() string {
	if l := entitlements.CleanText(cs.c.Label); l != "" {
		return l
	}
	return "New case"
}

// snapshot is the case as it should be saved now.
func (cs *caseState) snapshot() storage.Case {
	c := cs.c
	_ = c.SetMergedAnswers(0, mustJSON(cs.w.Answers())) // child 0 always exists
	var skipped []string
	for _, k := range cs.w.SkippedKeys() {
		skipped = append(skipped, k.String())
	}
	c.SetSkipped(0, skipped)
	c.Notes = append([]storage.Note(nil), cs.c.Notes...)
	// Requests and details are copied deeply: the save runs alongside the screen.
	c.Requests = make([]storage.Request, len(cs.c.Requests))
	for i, r := range cs.c.Requests {
		r.Versions = append([]storage.LetterVersion(nil), r.Versions...)
		r.FollowUps = append([]storage.LetterVersion(nil), r.FollowUps...)
		c.Requests[i] = r
	}
	if b, err := json.Marshal(cs.c.Details); err == nil {
		var d entitlements.Details
		if json.Unmarshal(b, &d) == nil {
			c.Details = d
		}
	}
	return c
}

// casesModel is the start screen: the saved cases, newest first, and a search box.
type casesModel struct {
	search  textinput.Model
	cases   []storage.Summary
	cursor  int
	confirm bool // asking whether to delete the selected case
	loaded  bool
	err     string
}

func newCasesModel() casesModel {
	ti := textinput.New()
	ti.Prompt = "Search: "
	ti.Placeholder = "type a name, council or label"
	ti.CharLimit = 100
	ti.SetWidth(50)
	ti.Focus()
	return casesModel{search: ti}
}

func (l *casesModel) query() string {
	return strings.TrimSpace(entitlements.CleanText(l.search.Value()))
}

func (l *casesModel) setCases(msg listedMsg) {
	if msg.query != l.query() {
		return // an older search
	}
	l.loaded = true
	if msg.err != nil {
		l.err = msg.err.Error()
		return
	}
	l.err = ""
	l.cases = msg.cases
	if l.cursor >= len(l.cases) {
		l.cursor = max(len(l.cases)-1, 0)
	}
}

func (l *casesModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	keys := m.c.keys
	if ok && l.confirm {
		switch k.String() {
		case "y", "Y":
			l.confirm = false
			if l.cursor < len(l.cases) {
				return deleteCase(m.store, l.cases[l.cursor].ID)
			}
		case "n", "N", "esc":
			l.confirm = false
		}
		return nil
	}
	if ok {
		switch {
		case key.Matches(k, keys.Up):
			if k.String() == "up" || l.search.Value() == "" {
				l.cursor = max(l.cursor-1, 0)
				return nil
			}
		case key.Matches(k, keys.Down):
			if k.String() == "down" || l.search.Value() == "" {
				l.cursor = min(l.cursor+1, max(len(l.cases)-1, 0))
				return nil
			}
		case k.String() == "pgdown":
			l.cursor = min(l.cursor+10, max(len(l.cases)-1, 0))
			return nil
		case k.String() == "pgup":
			l.cursor = max(l.cursor-10, 0)
			return nil
		case k.String() == "enter":
			if l.cursor < len(l.cases) {
				return loadCase(m.store, l.cases[l.cursor].ID)
			}
			return m.startNewCase()
		case key.Matches(k, keys.New):
			return m.startNewCase()
		case key.Matches(k, keys.Delete):
			if l.cursor < len(l.cases) {
				l.confirm = true
			}
			return nil
		case key.Matches(k, keys.Guest):
			if m.c.guest {
				return nil
			}
			return m.startGuest()
		case k.String() == "esc":
			if l.search.Value() != "" {
				l.search.SetValue("")
				l.cursor = 0
				return m.refreshList()
			}
			return m.quit()
		case k.String() == "?" && l.search.Value() == "":
			m.c.help.ShowAll = !m.c.help.ShowAll
			return nil
		}
	}
	before := l.search.Value()
	var cmd tea.Cmd
	l.search, cmd = l.search.Update(msg)
	if l.search.Value() != before {
		l.cursor = 0
		return tea.Batch(cmd, m.refreshList())
	}
	return cmd
}

func (m *Model) startGuest() tea.Cmd {
	old := m.store
	m.store = storage.NewMemory()
	m.c.guest = true
	if m.opts.LockAfter <= 0 {
		m.lockAfter = 5 * 60 * 1e9
	}
	m.list.cases = nil
	m.list.cursor = 0
	var closeOld tea.Cmd
	if old != nil {
		closeOld = func() tea.Msg { _ = old.Close(); return nil }
	}
	return tea.Batch(closeOld, m.refreshList(), m.setStatus("Guest session: nothing you type will be kept.", false))
}

func (l *casesModel) view(m *Model) string {
	w := m.c.width
	st := m.c.st
	var b strings.Builder
	b.WriteString(l.search.View() + "\n\n")
	h := m.bodyHeight() - 4
	if m.netWarn != "" {
		b.WriteString(st.Error.Render(clip("! "+m.netWarn, w-2)) + "\n")
		h--
	}
	switch {
	case l.err != "":
		b.WriteString(st.Error.Render(wrapText(l.err, w-2)))
		return b.String()
	case !l.loaded:
		b.WriteString("Loading…")
		return b.String()
	case len(l.cases) == 0 && l.query() != "":
		b.WriteString("No case matches that search. Press esc to clear it.")
		return b.String()
	case len(l.cases) == 0:
		b.WriteString("No cases yet. Press ctrl+n (or enter) to start one.\n")
		if m.c.guest {
			b.WriteString(st.Subtle.Render(wrapText("This is a guest session: nothing is kept after you close kincare.", w-2)))
		}
		return b.String()
	}
	start := 0
	if l.cursor >= h {
		start = l.cursor - h + 1
	}
	for i := start; i < len(l.cases) && i < start+h; i++ {
		c := l.cases[i]
		label := entitlements.CleanText(c.Label)
		if label == "" {
			label = "Untitled case"
		}
		extra := []string{}
		for _, s := range []string{c.CarerName, c.ChildName, c.Council} {
			if s = entitlements.CleanText(s); s != "" {
				extra = append(extra, s)
			}
		}
		when := c.Updated.Local().Format("2 Jan 2006")
		flag := ""
		if c.Overdue > 0 {
			flag = fmt.Sprintf(" ! %d overdue", c.Overdue)
			if c.Overdue == 1 {
				flag = " ! reply overdue"
			}
		}
		right := when + flag
		avail := w - 2 - len(right) - 2
		line := label
		if len(extra) > 0 {
			line += " · " + strings.Join(extra, " · ")
		}
		line = clip(line, avail)
		pad := avail - lipglossWidth(line)
		row := m.c.cursor(i == l.cursor) + line + strings.Repeat(" ", max(pad, 0)) + "  " + right
		if i == l.cursor {
			row = st.Selected.Render(row)
		}
		if c.Overdue > 0 && i != l.cursor {
			row = m.c.cursor(false) + line + strings.Repeat(" ", max(pad, 0)) + "  " + when + st.Warn.Render(flag)
		}
		b.WriteString(row + "\n")
	}
	if l.confirm && l.cursor < len(l.cases) {
		name := entitlements.CleanText(l.cases[l.cursor].Label)
		if name == "" {
			name = "this case"
		}
		return fitLines(b.String(), m.bodyHeight()-2) + "\n" + st.Error.Render(clip("Delete this case for good? It cannot be undone. y / n  ("+name+")", w))
	}
	return b.String()
}

func (l *casesModel) keys(m *Model) helpKeys {
	k := m.c.keys
	if l.confirm {
		return helpKeys{short: []key.Binding{kb("y", "delete"), kb("n", "keep"), k.QuickExit}}
	}
	short := []key.Binding{kb("type", "search"), kb("enter", "open"), k.New, k.Delete}
	if !m.c.guest {
		short = append(short, k.Guest)
	}
	short = append(short, kb("esc", "quit"), k.QuickExit)
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, kb("enter", "open")}, {k.New, k.Delete, k.Guest}, {kb("esc", "clear search / quit"), k.QuickExit}}}
}

func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("Could not open the case: "+msg.err.Error(), true)
	}
	cs, err := newCaseState(msg.c, m.c.today)
	if err != nil {
		return m.setStatus("Could not read the answers in this case: "+err.Error(), true)
	}
	m.cs = cs
	m.notes.load(m)
	m.lettersCursor = 0
	m.lt.detailsChanged = false
	back := m.lockedScr
	m.lockedScr = 0
	switch back {
	case scrResults, scrOutcome:
		m.scr = scrResults
		m.res = resultsModel{}
		return nil
	case scrNotes:
		m.scr = scrNotes
		return m.notes.focus()
	}
	if cs.w.Done() && len(cs.w.Answers().Known()) > 1 {
		m.res = resultsModel{}
		m.scr = scrResults
		return nil
	}
	return m.iv.start(m)
}

func (m *Model) startNewCase() tea.Cmd {
	m.newCase = newNewCaseModel(m)
	m.scr = scrNewCase
	return m.newCase.init()
}
