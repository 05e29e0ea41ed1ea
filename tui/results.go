package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// resultsModel lists the outcomes by group; enter opens one.
type resultsModel struct {
	cursor  int
	showAll bool // show the not-eligible outcomes too
	open    string
	scroll  int
}

type resultRow struct {
	heading string
	outcome *entitlements.Outcome
	folded  int // a "n not eligible" line
}

func (r *resultsModel) rows(m *Model) []resultRow {
	var rows []resultRow
	rep := &m.cs.rep
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

func (r *resultsModel) selectable(rows []resultRow) []int {
	var idx []int
	for i, row := range rows {
		if row.outcome != nil {
			idx = append(idx, i)
		}
	}
	return idx
}

func (r *resultsModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := m.c.keys
	if m.scr == scrOutcome {
		switch {
		case k.String() == "esc" || k.String() == "backspace" || k.String() == "left":
			m.scr = scrResults
		case key.Matches(k, keys.Up):
			r.scroll = max(r.scroll-1, 0)
		case key.Matches(k, keys.Down):
			r.scroll++
		case key.Matches(k, keys.PageDown):
			r.scroll += m.bodyHeight() - 2
		case key.Matches(k, keys.PageUp):
			r.scroll = max(r.scroll-m.bodyHeight()+2, 0)
		case key.Matches(k, keys.Letters):
			m.openLetters(scrOutcome)
		case k.String() == "d":
			return m.det.open(m, scrOutcome)
		case key.Matches(k, keys.ReadOut):
			return m.ro.open(m, scrOutcome)
		case key.Matches(k, keys.Help):
			m.c.help.ShowAll = !m.c.help.ShowAll
		}
		return nil
	}
	rows := r.rows(m)
	sel := r.selectable(rows)
	switch {
	case key.Matches(k, keys.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(k, keys.Down):
		r.cursor = min(r.cursor+1, max(len(sel)-1, 0))
	case k.String() == "pgdown" || k.String() == "space":
		r.cursor = min(r.cursor+10, max(len(sel)-1, 0))
	case k.String() == "pgup" || k.String() == "b":
		r.cursor = max(r.cursor-10, 0)
	case k.String() == "home" || k.String() == "g":
		r.cursor = 0
	case k.String() == "end" || k.String() == "G":
		r.cursor = max(len(sel)-1, 0)
	case k.String() == "enter":
		if r.cursor < len(sel) {
			r.open = rows[sel[r.cursor]].outcome.ID
			r.scroll = 0
			m.scr = scrOutcome
		}
	case key.Matches(k, keys.More):
		id := ""
		if r.cursor < len(sel) {
			id = rows[sel[r.cursor]].outcome.ID
		}
		r.showAll = !r.showAll
		r.cursor = 0
		for i, j := range r.selectable(r.rows(m)) {
			if r.rows(m)[j].outcome.ID == id {
				r.cursor = i
			}
		}
	case key.Matches(k, keys.ReadOut):
		return m.ro.open(m, scrResults)
	case key.Matches(k, keys.Questions) || k.String() == "esc":
		return m.iv.start(m)
	case key.Matches(k, keys.Notes):
		m.notes.back = scrResults
		m.scr = scrNotes
		return m.notes.focus()
	case key.Matches(k, keys.Letters):
		m.openLetters(scrResults)
	case k.String() == "d":
		return m.det.open(m, scrResults)
	case key.Matches(k, keys.Help):
		m.c.help.ShowAll = !m.c.help.ShowAll
	case k.String() == "q":
		return m.closeCase()
	}
	return nil
}

func (r *resultsModel) viewList(m *Model) string {
	st := m.c.st
	w := m.c.width
	h := m.bodyHeight()
	var lines []string
	arr := strings.Split(wrapText(entitlements.SituationWords(m.cs.rep), w-1), "\n")
	// The arrangement says what the family's situation is called and means: let it be whole
	// where there is room for it.
	maxArr := 2
	if h >= 12 {
		maxArr = 3
	}
	if m.cs.rep.Arrangement == entitlements.ArrNotKinship {
		maxArr = h / 2 // the reason, and where a parent can get help, matter more than the empty groups
	}
	if len(arr) > maxArr {
		arr = arr[:maxArr]
		arr[maxArr-1] = clip(arr[maxArr-1]+"…", w-1)
	}
	for _, l := range arr {
		lines = append(lines, st.Bold.Render(l))
	}
	lines = append(lines, "")
	rows := r.rows(m)
	sel := r.selectable(rows)
	cur := -1
	if r.cursor < len(sel) {
		cur = sel[r.cursor]
	}
	var body []string
	curLine := 0
	labelW := 0
	for _, row := range rows {
		if row.outcome != nil {
			labelW = max(labelW, lipglossWidth(m.c.statusLabel(row.outcome.Status)))
		}
	}
	for i, row := range rows {
		switch {
		case row.heading != "":
			body = append(body, st.Heading.Render(row.heading))
		case row.outcome != nil:
			o := row.outcome
			lab := m.c.statusLabel(o.Status)
			lab += strings.Repeat(" ", labelW-lipglossWidth(lab))
			title := clip(o.Title, w-labelW-6)
			if i == cur {
				curLine = len(body)
				body = append(body, st.Selected.Render(m.c.cursor(true)+lab+"  "+title))
			} else {
				body = append(body, m.c.cursor(false)+st.Status[string(o.Status)].Render(lab)+"  "+title)
			}
		case row.folded > 0:
			n := itoa(row.folded) + " not eligible"
			body = append(body, st.Subtle.Render("  "+n+" (x to show)"))
		}
	}
	if r.showAll {
		body = append(body, st.Subtle.Render("  Press x to fold away what the family cannot get."))
	}
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

// outOfDate says whether an outcome's sources may have gone stale: one was checked more
// than a year ago, or a rule started or stopped since its sources were checked.
func outOfDate(o entitlements.Outcome, today entitlements.Date) bool {
	yearAgo := today.AddYears(-1)
	for _, s := range o.Sources {
		checked, err := entitlements.ParseDate(s.Checked)
		if err != nil {
			continue
		}
		if checked.Before(yearAgo) {
			return true
		}
		for _, d := range []string{o.Starts, o.Ends} {
			if when, err := entitlements.ParseDate(d); err == nil && when.After(checked) && !when.After(today) {
				return true
			}
		}
	}
	return false
}

func (r *resultsModel) viewOutcome(m *Model) string {
	st := m.c.st
	w := m.c.width - 2
	var o entitlements.Outcome
	ok := false
	for _, x := range m.cs.rep.Outcomes {
		if x.ID == r.open {
			o, ok = x, true
		}
	}
	if !ok {
		return "This outcome is not available."
	}
	var b strings.Builder
	b.WriteString(st.Bold.Render(wrapText(entitlements.CleanText(o.Title), w)) + "\n")
	b.WriteString(st.Status[string(o.Status)].Render(m.c.statusLabel(o.Status)) + "\n")
	if outOfDate(o, m.c.today) {
		b.WriteString(st.Warn.Render(m.c.symbol(entitlements.Check)+" This may be out of date: check the sources below.") + "\n")
	}
	b.WriteString("\n" + wrapText(o.Summary, w) + "\n")
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("\n" + st.Heading.Render(title) + "\n")
		for _, it := range items {
			b.WriteString(wrapText("- "+it, w) + "\n")
		}
	}
	var figs []string
	for _, f := range o.Figures {
		figs = append(figs, entitlements.FigureWords(f))
	}
	section("How much", figs)
	section("Why", o.Why)
	section("What would change this", o.WouldChange)
	section("Next steps", o.NextSteps)
	var srcs []string
	for _, s := range o.Sources {
		line := s.Title
		if s.URL != "" {
			line += " (" + s.URL + ")"
		}
		if d, err := entitlements.ParseDate(s.Checked); err == nil {
			line += ", checked " + d.Long()
		}
		srcs = append(srcs, line)
	}
	section("Sources", srcs)
	if o.Status != entitlements.NotEligible && len(o.Requests) > 0 {
		section("Letters this makes possible (l to see them)", requestWords(o.Requests))
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	h := m.bodyHeight()
	if r.scroll > max(len(lines)-h, 0) {
		r.scroll = max(len(lines)-h, 0)
	}
	lines = lines[r.scroll:]
	if len(lines) > h {
		lines = lines[:h-1]
		lines = append(lines, st.Subtle.Render("More below: ↓ or space"))
	}
	return strings.Join(lines, "\n")
}

func (r *resultsModel) keys(m *Model) helpKeys {
	k := m.c.keys
	if m.scr == scrOutcome {
		return helpKeys{short: []key.Binding{kb("↑/↓", "scroll"), k.Letters, k.ReadOut, kb("esc", "back"), k.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("enter", "details"), k.ReadOut, k.Letters, k.More, kb("esc", "questions"), k.QuickExit},
		full: [][]key.Binding{{k.Up, k.Down, kb("enter", "details"), k.More}, {k.ReadOut, k.Notes, k.Letters, kb("d", "details"), kb("i/esc", "questions")}, {kb("q", "cases"), k.QuickExit}}}
}
