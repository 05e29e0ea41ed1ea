package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// resultsScreen lists the outcomes by group; enter opens one.
type resultsScreen struct {
	c       *common
	cs      *caseState
	cursor  int
	showAll bool // show the not-eligible outcomes too
}

type resultRow struct {
	heading string
	outcome *entitlements.Outcome
	folded  int // a "n not eligible" line
}

func newResultsScreen(c *common, cs *caseState) *resultsScreen {
	return &resultsScreen{c: c, cs: cs}
}

func (r *resultsScreen) crumb() string { return r.cs.label() + " · What the family can get" }

func (r *resultsScreen) rows() []resultRow {
	var rows []resultRow
	rep := &r.cs.rep
	for _, g := range entitlements.Groups {
		ranked := entitlements.Ranked(*rep, g)
		if len(ranked) == 0 {
			continue
		}
		var shown []entitlements.Outcome
		hidden := 0
		for _, o := range ranked {
			if o.Status == entitlements.NotEligible && !r.showAll {
				hidden++
				continue
			}
			shown = append(shown, o)
		}
		if len(shown) == 0 && hidden > 0 && g == entitlements.OutsideEnglandG {
			continue
		}
		rows = append(rows, resultRow{heading: entitlements.GroupWords(g)})
		for i := range shown {
			rows = append(rows, resultRow{outcome: &shown[i]})
		}
		if hidden > 0 {
			rows = append(rows, resultRow{folded: hidden})
		}
	}
	return rows
}

func selectable(rows []resultRow) []int {
	var idx []int
	for i, row := range rows {
		if row.outcome != nil {
			idx = append(idx, i)
		}
	}
	return idx
}

// resultsKeys are the results list's own keys.
var resultsKeys = struct{ PageDown, PageUp, First, Last, Open, Back, Details key.Binding }{
	PageDown: key.NewBinding(key.WithKeys("pgdown", "space")),
	PageUp:   key.NewBinding(key.WithKeys("pgup", "b")),
	First:    key.NewBinding(key.WithKeys("home", "g")),
	Last:     key.NewBinding(key.WithKeys("end", "G")),
	Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
	Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "questions")),
	Details:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "details")),
}

func (r *resultsScreen) update(msg tea.Msg) tea.Cmd {
	if c, ok := msg.(changeAnswerMsg); ok {
		return r.changeAnswer(c)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys, rk := r.c.keys, resultsKeys
	rows := r.rows()
	sel := selectable(rows)
	switch {
	case key.Matches(k, keys.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(k, keys.Down):
		r.cursor = min(r.cursor+1, max(len(sel)-1, 0))
	case key.Matches(k, rk.PageDown):
		r.cursor = min(r.cursor+10, max(len(sel)-1, 0))
	case key.Matches(k, rk.PageUp):
		r.cursor = max(r.cursor-10, 0)
	case key.Matches(k, rk.First):
		r.cursor = 0
	case key.Matches(k, rk.Last):
		r.cursor = max(len(sel)-1, 0)
	case key.Matches(k, rk.Open):
		if r.cursor < len(sel) {
			return r.c.push(newOutcomeScreen(r.c, r.cs, rows[sel[r.cursor]].outcome.ID))
		}
	case key.Matches(k, keys.More):
		id := ""
		if r.cursor < len(sel) {
			id = rows[sel[r.cursor]].outcome.ID
		}
		r.showAll = !r.showAll
		r.cursor = 0
		rows = r.rows()
		for i, j := range selectable(rows) {
			if rows[j].outcome.ID == id {
				r.cursor = i
			}
		}
	case key.Matches(k, keys.ReadOut):
		return r.c.push(newReadoutScreen(r.c, r.cs))
	case key.Matches(k, keys.Questions) || key.Matches(k, rk.Back):
		return r.c.popWith(restartMsg{})
	case key.Matches(k, keys.Notes):
		return r.c.push(newNotesScreen(r.c, r.cs))
	case key.Matches(k, keys.Letters):
		return r.c.push(newLettersScreen(r.c, r.cs))
	case key.Matches(k, rk.Details):
		return r.c.push(newDetailsScreen(r.c, r.cs))
	case key.Matches(k, keys.Change) && len(r.cs.answered) > 0:
		return r.c.push(newChangeDialog(r.c, len(r.cs.answered)))
	case key.Matches(k, keys.Help):
		r.c.help.ShowAll = !r.c.help.ShowAll
	}
	return nil
}

// changeAnswer goes back to the questions with an answer reopened.
func (r *resultsScreen) changeAnswer(msg changeAnswerMsg) tea.Cmd { return r.c.popWith(msg) }

// viewWith draws the results with a dialog's line at the foot.
func (r *resultsScreen) viewWith(d dialog) string {
	return fitLines(r.view(), r.c.bodyHeight()-1) + "\n" + d.footer(r.c.width)
}

func (r *resultsScreen) view() string {
	st := r.c.st
	w := r.c.width
	h := r.c.bodyHeight()
	var lines []string
	// The money first, then what the family's situation is called and means, whole: it is
	// recomputed after every change, so it never says what an earlier answer meant.
	if m := moneyLine(r.cs.rep.Money); m != "" {
		for _, l := range strings.Split(wrapText(m, w-1), "\n") {
			lines = append(lines, st.Bold.Render(l))
		}
	}
	for _, l := range strings.Split(wrapText(entitlements.SituationWords(r.cs.rep), w-1), "\n") {
		lines = append(lines, st.Bold.Render(l))
	}
	lines = append(lines, "")
	body, curLine := r.listLines()
	room := h - len(lines)
	start := 0
	if curLine >= room {
		start = curLine - room + 2
	}
	if start > 0 && start < len(body) {
		body = body[start:]
		if room > 3 {
			body[0] = st.Subtle.Render("  More above: ↑")
		}
	}
	// Say when the list goes on below the window, so nobody thinks it ends there.
	if room > 3 && len(body) > room {
		body = append(body[:room-1], st.Subtle.Render("  More below: ↓"))
	}
	return strings.Join(append(lines, body...), "\n")
}

// moneyLine is what the family can claim a year, in round pounds: "About £9,280 a year now".
func moneyLine(m entitlements.MoneySummary) string {
	round := func(p int64) string { return entitlements.MoneyWords((p + 500) / 1000 * 1000) }
	switch {
	case m.EligiblePerYear > 0 && m.MayPerYear > 0:
		return "About " + round(m.EligiblePerYear) + " a year now; up to " + round(m.MayPerYear) + " more may be paid."
	case m.EligiblePerYear > 0:
		return "About " + round(m.EligiblePerYear) + " a year now."
	case m.MayPerYear > 0:
		return "Nothing certain yet; up to " + round(m.MayPerYear) + " a year may be paid."
	}
	return ""
}

// listLines are the groups and outcomes as lines, and the line of the selected one.
func (r *resultsScreen) listLines() ([]string, int) {
	st := r.c.st
	w := r.c.width
	rows := r.rows()
	sel := selectable(rows)
	cur := -1
	if r.cursor < len(sel) {
		cur = sel[r.cursor]
	}
	var body []string
	curLine := 0
	labelW := 0
	for _, row := range rows {
		if row.outcome != nil {
			labelW = max(labelW, lipglossWidth(r.c.statusLabel(row.outcome.Status)))
		}
	}
	for i, row := range rows {
		switch {
		case row.heading != "":
			body = append(body, st.Heading.Render(row.heading))
		case row.outcome != nil:
			o := row.outcome
			lab := r.c.statusLabel(o.Status)
			lab += strings.Repeat(" ", labelW-lipglossWidth(lab))
			title := o.Title
			if who := r.cs.whoFor(o.ID, o.Status); len(who) > 0 {
				title += " (" + strings.Join(who, ", ") + ")"
			}
			title = clip(title, w-labelW-6)
			if i == cur {
				curLine = len(body)
				body = append(body, st.Selected.Render(r.c.cursor(true)+lab+"  "+title))
			} else {
				body = append(body, r.c.cursor(false)+st.Status[string(o.Status)].Render(lab)+"  "+title)
			}
		case row.folded > 0:
			n := itoa(row.folded) + " not eligible"
			body = append(body, st.Subtle.Render("  "+n+" (x to show)"))
		}
	}
	if r.showAll {
		body = append(body, st.Subtle.Render("  Press x to fold away what the family cannot get."))
	}
	return body, curLine
}

func (r *resultsScreen) keys() helpKeys {
	k := r.c.keys
	rk := resultsKeys
	return helpKeys{short: []key.Binding{rk.Open, k.ReadOut, k.Letters, k.Change, k.More, rk.Back, k.QuickExit},
		full: [][]key.Binding{{k.Up, k.Down, rk.Open, k.More}, {k.ReadOut, k.Notes, k.Letters, rk.Details, kb("i/esc", "questions")}, {k.Change, k.QuickExit}}}
}
