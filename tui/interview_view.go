package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// changeLines say what the last changed answer changed, and why, each change whole. When
// they do not all fit above the question, the last line says how many more the results show.
func (iv *interviewScreen) changeLines(w int) []string {
	room := max(iv.c.bodyHeight()-7, 3)
	var ls []string
	for i, c := range iv.changes {
		wrapped := strings.Split(wrapText("What changed: "+c, w), "\n")
		more := len(iv.changes) - i
		if len(ls)+len(wrapped) > room-1 && more > 1 || len(ls)+len(wrapped) > room {
			ls = append(ls, clip(itoa(more)+" more changes: press o to see the results.", w))
			break
		}
		ls = append(ls, wrapped...)
	}
	return ls
}

func (iv *interviewScreen) paneHeight() int {
	h := iv.c.bodyHeight()
	if len(iv.changes) > 0 {
		h -= len(iv.changeLines(iv.c.width))
	}
	return max(h-2, 3)
}

// aboutLines is the room the line saying who the question is about takes.
func (iv *interviewScreen) aboutLines() int {
	if iv.cs.s.NumChildren() > 1 {
		return 1
	}
	return 0
}

func (iv *interviewScreen) view() string { return iv.render(0) }

// viewWith draws the panes a line shorter, with a dialog's line under them.
func (iv *interviewScreen) viewWith(d dialog) string {
	return iv.render(1) + "\n" + d.footer(iv.c.width)
}

func (iv *interviewScreen) render(reserve int) string {
	w := iv.c.width
	st := iv.c.st
	var top string
	if len(iv.changes) > 0 {
		top = st.Changed.Render(strings.Join(iv.changeLines(w), "\n")) + "\n"
	}
	ph := max(iv.paneHeight()-reserve, 3)
	if iv.wide() {
		lw := w * 11 / 20
		rw := w - lw
		left := iv.questionPane(lw-4, ph)
		right := iv.sidePane(rw-4, ph)
		ls, rs := st.PaneFocus, st.Pane
		if iv.focusAnswers {
			ls, rs = st.Pane, st.PaneFocus
		}
		return top + lipgloss.JoinHorizontal(lipgloss.Top, pane(ls, lw, ph, left), pane(rs, rw, ph, right))
	}
	var inner string
	if iv.focusAnswers {
		inner = iv.sidePane(w-4, ph)
	} else {
		inner = iv.questionPane(w-4, ph)
	}
	return top + pane(st.PaneFocus, w, ph, inner)
}

func (iv *interviewScreen) questionPane(width, height int) string {
	st := iv.c.st
	if iv.form == nil {
		// What the answers mean for the family comes before the keys: the help line has the
		// keys too, and on a small window the end is cut.
		s := st.Bold.Render(wrapText("That is every question that could change the results.", width))
		if ex := iv.explain(); ex != "" {
			s += "\n\n" + wrapText(ex, width)
		}
		s += "\n\n" + wrapText("Press enter or o to see what the family can get, r for the read-out summary, or c and an answer's number to change it.", width)
		return padLines(s, height)
	}
	s := iv.form.view()
	if about := iv.about(); about != "" {
		s = st.Bold.Render(clip(about, width)) + "\n" + s
	}
	switch {
	case iv.ask.Editing:
		s = st.Subtle.Render("Changing an earlier answer. Esc to leave it as it was.") + "\n" + s
	case iv.ask.Extra:
		// An adviser on a call can stop here: the results are complete.
		k := "r"
		if iv.form.typed {
			k = "ctrl+r"
		}
		s = st.Subtle.Render(wrapText("Only for letters: the results are done ("+k+" read-out).", width)) + "\n" + s
	}
	if ex := iv.explain(); ex != "" && lipgloss.Height(s)+3 < height {
		s += "\n\n" + st.Subtle.Render(wrapText(ex, width))
	}
	// On a small window the help line has no room for the explain key: say it here.
	if !iv.wide() && !iv.showHelp && iv.ask.Question.Help != "" && lipgloss.Height(s)+2 <= height {
		k := "?"
		if iv.form.typed {
			k = "f1"
		}
		s += "\n\n" + st.Subtle.Render(clip("Press "+k+" to explain this question.", width))
	}
	return padLines(fitLines(s, height), height)
}

// about says who the question is about, in a family: "About Ava, 2".
func (iv *interviewScreen) about() string {
	if iv.cs.s.NumChildren() < 2 {
		return ""
	}
	if iv.ask.Child == wizard.Household {
		return "About the household (every child)"
	}
	return "About " + childWords(iv.cs.s.Child(iv.ask.Child))
}

// explain is what the answers make decisive for the child in question, or "".
func (iv *interviewScreen) explain() string { return iv.cs.s.Explain(iv.child()) }

// answerRow is one line of the answers so far: a heading (the household, a child), or an answer.
type answerRow struct {
	heading string
	line    int // the answer's place in the session's list, when not a heading
}

// answerRows are the answers so far, under the household and each child in a family.
func (iv *interviewScreen) answerRows(lines []wizard.AnswerLine) []answerRow {
	var rows []answerRow
	family := iv.cs.s.NumChildren() > 1
	group := -2
	for i, l := range lines {
		if family && l.Child != group {
			group = l.Child
			h := "Household"
			if l.Child != wizard.Household {
				h = childWords(iv.cs.s.Child(l.Child))
			}
			rows = append(rows, answerRow{heading: h})
		}
		rows = append(rows, answerRow{heading: "", line: i})
	}
	return rows
}

func (iv *interviewScreen) sidePane(width, height int) string {
	st := iv.c.st
	cs := iv.cs
	var b strings.Builder
	head := st.Heading.Render("Answers so far")
	switch {
	case iv.focusAnswers:
		head += " " + st.Subtle.Render(clip("· enter to change", max(width-15, 0)))
	case iv.wide():
		head += " " + st.Subtle.Render(clip("· tab to change", max(width-15, 0)))
	}
	b.WriteString(head + "\n")
	lines := cs.answered
	rows := iv.answerRows(lines)
	counts := iv.countsLine(width)
	// The answers come first: the results below keep their heading and counts, and show
	// the best few outcomes only if there is room.
	minResults := 2 + lipgloss.Height(counts) + iv.childCountLines()
	room := max(height-1-minResults, 2)
	user := cs.user()
	if len(rows) == 0 {
		b.WriteString(st.Subtle.Render("None yet.") + "\n")
	}
	selRow := 0
	for i, r := range rows {
		if r.heading == "" && r.line == iv.sel {
			selRow = i
		}
	}
	start, end := 0, len(rows)
	if len(rows) > room {
		// One line says how many are out of sight, so nobody thinks an answer was lost.
		show := max(room-1, 1)
		if iv.focusAnswers {
			start = max(min(selRow-show/2, len(rows)-show), 0)
		} else {
			start = len(rows) - show
		}
		end = start + show
	}
	if start > 0 {
		b.WriteString(st.Subtle.Render(clip("↑ "+itoa(start)+" earlier answers", width)) + "\n")
	}
	for i := start; i < end; i++ {
		r := rows[i]
		if r.heading != "" {
			b.WriteString(st.Bold.Render(clip(r.heading, width)) + "\n")
			continue
		}
		l := lines[r.line]
		// Numbered, so "c", the number and enter reopen one in three keys.
		name := itoa(r.line+1) + ". " + shortPrompt(wizard.QuestionFor(l.Key).For(user), user) + ":"
		name = clip(name, max(width-9, 6))
		line := name + " " + st.Bold.Render(clip(l.Words, max(width-lipgloss.Width(name)-3, 6)))
		on := iv.focusAnswers && r.line == iv.sel
		row := iv.c.cursor(on) + line
		if on {
			row = st.Selected.Render(iv.c.cursor(true)) + line
		}
		b.WriteString(row + "\n")
	}
	if end < len(rows) {
		b.WriteString(st.Subtle.Render(clip("↓ "+itoa(len(rows)-end)+" more", width)) + "\n")
	}
	b.WriteString("\n" + st.Heading.Render("Results so far") + "\n")
	b.WriteString(counts + "\n")
	b.WriteString(iv.childCounts(width))
	used := lipgloss.Height(strings.TrimRight(b.String(), "\n"))
	for _, o := range cs.top[:min(len(cs.top), max(height-used, 0))] {
		b.WriteString(st.Status[string(o.Status)].Render(iv.c.symbol(o.Status)) + " " + clip(o.Title, width-5) + "\n")
	}
	return padLines(fitLines(strings.TrimRight(b.String(), "\n"), height), height)
}

// childCountLines is the room the results for each child take, in a family.
func (iv *interviewScreen) childCountLines() int {
	if n := iv.cs.s.NumChildren(); n > 1 {
		return n
	}
	return 0
}

// childCounts are the results for each child, one line each, in a family.
func (iv *interviewScreen) childCounts(width int) string {
	if iv.childCountLines() == 0 {
		return ""
	}
	var b strings.Builder
	for i, c := range iv.cs.childCounts {
		line := childWords(iv.cs.s.Child(i)) + ": " + itoa(c[entitlements.Eligible]) + " " + iv.c.symbol(entitlements.Eligible) +
			", " + itoa(c[entitlements.MayBeEligible]) + " " + iv.c.symbol(entitlements.MayBeEligible) +
			", " + itoa(c[entitlements.Check]) + " " + iv.c.symbol(entitlements.Check)
		b.WriteString(iv.c.st.Subtle.Render(clip(line, width)) + "\n")
	}
	return b.String()
}

func (iv *interviewScreen) countsLine(width int) string {
	c := iv.cs.counts
	part := func(s entitlements.Status) string {
		if s == entitlements.Check {
			// "Check" alone reads as an instruction; these are the ones that cannot be said yet.
			return itoa(c[s]) + " cannot say yet " + iv.c.symbol(s)
		}
		return itoa(c[s]) + " " + strings.ToLower(iv.c.statusLabel(s))
	}
	// A line breaks between the counts, never inside one, so a symbol is not left on its own.
	var ls []string
	for _, p := range []string{part(entitlements.Eligible), part(entitlements.MayBeEligible), part(entitlements.Check)} {
		if n := len(ls); n > 0 && lipgloss.Width(ls[n-1]+", "+p) <= width {
			ls[n-1] += ", " + p
		} else {
			if n > 0 {
				ls[n-1] += ","
			}
			ls = append(ls, p)
		}
	}
	return wrapText(strings.Join(ls, "\n"), width)
}

// topOutcomes are the best few outcomes for the live results: eligible first, then may be.
func topOutcomes(rep entitlements.Report, n int) []entitlements.Outcome {
	var out []entitlements.Outcome
	for _, want := range []entitlements.Status{entitlements.Eligible, entitlements.MayBeEligible} {
		for _, g := range entitlements.Groups {
			for _, o := range entitlements.Ranked(rep, g) {
				if o.Status == want && o.Kind == entitlements.Entitlement {
					out = append(out, o)
					if len(out) == n {
						return out
					}
				}
			}
		}
	}
	return out
}

func (iv *interviewScreen) keys() helpKeys {
	k := iv.c.keys
	if iv.focusAnswers {
		return helpKeys{short: []key.Binding{kb("enter", "change it"), kb("↑/↓", "choose"), kb("esc", "back to question"), k.QuickExit}}
	}
	// The short help is in order of importance: the window drops keys from its end. Beside
	// the question the answers pane says tab changes them, so tab can wait there.
	family := []key.Binding{k.AddChild, k.NameChild, k.NextChild, k.RemoveChild}
	if iv.form == nil {
		return helpKeys{short: []key.Binding{kb("enter", "results"), k.ReadOut, k.Change, kb("tab", "answers"), k.Notes, k.QuickExit},
			full: [][]key.Binding{{kb("enter", "results"), k.ReadOut, k.Notes, k.Letters}, family, {k.Change, kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
	}
	if iv.form.typed {
		short := []key.Binding{kb("enter", "answer"), kb("ctrl+s", "skip")}
		if !iv.wide() {
			short = append(short, kb("tab", "answers"))
		}
		short = append(short, kb("f1", "explain"), kb("ctrl+o", "results"), kb("ctrl+r", "read-out"))
		if iv.wide() {
			short = append(short, kb("tab", "answers"))
		}
		return helpKeys{short: append(short, k.QuickExit),
			full: [][]key.Binding{{kb("enter", "answer"), kb("ctrl+s", "skip"), kb("f1", "explain")}, {kb("ctrl+o", "results"), kb("ctrl+r", "read-out"), kb("ctrl+t", "notes"), kb("ctrl+l", "letters")}, family, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
	}
	short := []key.Binding{kb("enter", "answer"), k.Skip}
	if iv.cs.s.NumChildren() > 1 {
		short = append(short, k.NextChild) // in a family, moving between children comes early
	}
	if !iv.wide() {
		short = append(short, kb("tab", "answers"))
	}
	short = append(short, kb("?", "explain"), k.Results, k.ReadOut, k.Change, k.Notes)
	if iv.wide() {
		short = append(short, kb("tab", "answers"))
	}

	return helpKeys{short: append(short, k.QuickExit),
		full: [][]key.Binding{{kb("1-9 ↑/↓", "choose"), kb("enter", "answer"), k.Skip}, {k.Results, k.ReadOut, k.Notes, k.Letters}, family, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
}
