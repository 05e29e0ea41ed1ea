package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// changeLines are at most three lines saying what the last changed answer changed, and why.
func (iv *interviewScreen) changeLines(w int) []string {
	var ls []string
	for i, c := range iv.changes {
		more := len(iv.changes) - i
		room := 3 - len(ls)
		if more > 1 && room == 1 {
			ls = append(ls, clip("…and "+itoa(more)+" more changes: press o to see the results.", w))
			break
		}
		wrapped := strings.Split(wrapText("What changed: "+c, w), "\n")
		limit := room
		if more > 1 {
			limit = min(room-1, 2)
		}
		if len(wrapped) > limit {
			wrapped = wrapped[:limit]
			wrapped[limit-1] = clip(wrapped[limit-1]+"…", w)
		}
		ls = append(ls, wrapped...)
		if len(ls) >= 3 {
			break
		}
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

func (iv *interviewScreen) view() string {
	w := iv.c.width
	st := iv.c.st
	var top string
	if len(iv.changes) > 0 {
		top = st.Changed.Render(strings.Join(iv.changeLines(w), "\n")) + "\n"
	}
	ph := iv.paneHeight()
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
		if ex := iv.cs.w.Explain(); ex != "" {
			s += "\n\n" + wrapText(ex, width)
		}
		s += "\n\n" + wrapText("Press enter or o to see what the family can get, r for the read-out summary, or tab to change an answer.", width)
		return padLines(s, height)
	}
	s := iv.form.view()
	if iv.editing {
		s = st.Subtle.Render("Changing an earlier answer. Esc to leave it as it was.") + "\n" + s
	}
	if ex := iv.cs.w.Explain(); ex != "" && lipgloss.Height(s)+3 < height {
		s += "\n\n" + st.Subtle.Render(wrapText(ex, width))
	}
	// On a small window the help line has no room for the explain key: say it here.
	if !iv.wide() && !iv.showHelp && iv.q.Help != "" && lipgloss.Height(s)+2 <= height {
		k := "?"
		if iv.form.typed {
			k = "f1"
		}
		s += "\n\n" + st.Subtle.Render(clip("Press "+k+" to explain this question.", width))
	}
	return padLines(fitLines(s, height), height)
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
	ks := iv.answered()
	counts := iv.countsLine(width)
	// The answers come first: the results below keep their heading and counts, and show
	// the best few outcomes only if there is room.
	minResults := 2 + lipgloss.Height(counts)
	room := max(height-1-minResults, 2)
	a := cs.w.Answers()
	user := cs.user()
	if len(ks) == 0 {
		b.WriteString(st.Subtle.Render("None yet.") + "\n")
	}
	start, end := 0, len(ks)
	if len(ks) > room {
		// One line says how many are out of sight, so nobody thinks an answer was lost.
		show := max(room-1, 1)
		if iv.focusAnswers {
			start = max(min(iv.sel-show/2, len(ks)-show), 0)
		} else {
			start = len(ks) - show
		}
		end = start + show
	}
	if start > 0 {
		b.WriteString(st.Subtle.Render(clip("↑ "+itoa(start)+" earlier answers", width)) + "\n")
	}
	for i := start; i < end; i++ {
		k := ks[i]
		q := wizard.QuestionFor(k).For(user)
		val := answerWords(q, a.Value(k), cs.w.Skipped(k))
		name := shortPrompt(q, user) + ":"
		line := name + " " + st.Bold.Render(clip(val, max(width-lipgloss.Width(name)-3, 6)))
		on := iv.focusAnswers && i == iv.sel
		row := iv.c.cursor(on) + line
		if on {
			row = st.Selected.Render(iv.c.cursor(true)) + line
		}
		b.WriteString(row + "\n")
	}
	if end < len(ks) {
		b.WriteString(st.Subtle.Render(clip("↓ "+itoa(len(ks)-end)+" more", width)) + "\n")
	}
	b.WriteString("\n" + st.Heading.Render("Results so far") + "\n")
	b.WriteString(counts + "\n")
	used := lipgloss.Height(strings.TrimRight(b.String(), "\n"))
	for _, o := range topOutcomes(cs.rep, min(4, max(height-used, 0))) {
		b.WriteString(st.Status[string(o.Status)].Render(iv.c.symbol(o.Status)) + " " + clip(o.Title, width-5) + "\n")
	}
	return padLines(fitLines(strings.TrimRight(b.String(), "\n"), height), height)
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
	if iv.form == nil {
		return helpKeys{short: []key.Binding{kb("enter", "results"), k.ReadOut, kb("tab", "change an answer"), k.Notes, k.QuickExit},
			full: [][]key.Binding{{kb("enter", "results"), k.ReadOut, k.Notes, k.Letters}, {kb("tab", "change an answer"), kb("esc", "cases"), k.QuickExit}}}
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
			full: [][]key.Binding{{kb("enter", "answer"), kb("ctrl+s", "skip"), kb("f1", "explain")}, {kb("ctrl+o", "results"), kb("ctrl+r", "read-out"), kb("ctrl+t", "notes"), kb("ctrl+l", "letters")}, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
	}
	short := []key.Binding{kb("enter", "answer"), k.Skip}
	if !iv.wide() {
		short = append(short, kb("tab", "answers"))
	}
	short = append(short, kb("?", "explain"), k.Results, k.ReadOut, k.Notes)
	if iv.wide() {
		short = append(short, kb("tab", "answers"))
	}
	return helpKeys{short: append(short, k.QuickExit),
		full: [][]key.Binding{{kb("↑/↓", "choose"), kb("enter", "answer"), k.Skip}, {k.Results, k.ReadOut, k.Notes, k.Letters}, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
}
