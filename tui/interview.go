package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/wizard"
)

// interviewModel asks one question at a time, with the answers so far and the live results
// beside it (or behind tab on a narrow window).
type interviewModel struct {
	form         *qform
	q            wizard.Question
	done         bool
	editing      bool // reopened an earlier answer
	focusAnswers bool
	sel          int
	changes      []string
	showHelp     bool
}

func (iv *interviewModel) wide(m *Model) bool { return m.c.width >= 80 }

func (iv *interviewModel) leftWidth(m *Model) int {
	if !iv.wide(m) {
		return m.c.width - 4
	}
	return m.c.width*11/20 - 4
}

func (iv *interviewModel) start(m *Model) tea.Cmd {
	m.scr = scrInterview
	iv.focusAnswers = false
	iv.changes = nil
	return iv.askNext(m)
}

// askNext moves to the next question that still matters, then the details letters need.
func (iv *interviewModel) askNext(m *Model) tea.Cmd {
	iv.editing = false
	iv.showHelp = false
	w := m.cs.w
	if q, ok := w.Next(); ok {
		return iv.ask(m, q)
	}
	if qs := w.Extras(); len(qs) > 0 {
		return iv.ask(m, qs[0])
	}
	iv.done = true
	iv.form = nil
	return nil
}

func (iv *interviewModel) ask(m *Model, q wizard.Question) tea.Cmd {
	q = q.For(m.cs.user())
	iv.done = false
	iv.q = q
	a := m.cs.w.Answers()
	initial := a.Value(q.Key)
	if q.Kind == entitlements.DateValue && initial != "" {
		if d, err := entitlements.ParseDate(initial); err == nil {
			initial = d.Time().Format("02/01/2006")
		}
	}
	typed := q.Kind != entitlements.Choice
	desc := ""
	if iv.showHelp {
		desc = q.Help
	} else if q.Kind == entitlements.DateValue {
		desc = "For example 14/03/2024."
	} else if q.Kind == entitlements.Number {
		desc = "A whole number from 0 to 25."
	}
	iv.form = newQForm(m.c, q.Prompt(m.cs.user()), desc, q.Options, typed, initial, iv.leftWidth(m), iv.paneHeight(m)-2)
	if q.Kind == entitlements.Text {
		iv.form.suggestions = councilNames()
		iv.form.rebuild(m.c)
	}
	return nil
}

// councilNames are England's councils for completing what is typed, in alphabetical order.
func councilNames() []string {
	cs := entitlements.Councils()
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return names
}

// changeLines are at most three lines saying what the last changed answer changed, and why.
func (iv *interviewModel) changeLines(w int) []string {
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

func (iv *interviewModel) paneHeight(m *Model) int {
	h := m.bodyHeight()
	if len(iv.changes) > 0 {
		h -= len(iv.changeLines(m.c.width))
	}
	return max(h-2, 3)
}

// answered lists the keys shown under "Answers so far": those asked, then any known from
// before (a reopened case), in asking order.
func (iv *interviewModel) answered(m *Model) []entitlements.Key {
	w := m.cs.w
	seen := map[entitlements.Key]bool{entitlements.User: true}
	var ks []entitlements.Key
	for _, k := range w.Asked() {
		if !seen[k] {
			seen[k] = true
			ks = append(ks, k)
		}
	}
	a := w.Answers()
	var rest []entitlements.Key
	for _, k := range a.Known() {
		if !seen[k] {
			seen[k] = true
			rest = append(rest, k)
		}
	}
	order := map[entitlements.Key]int{}
	for i, q := range wizard.Questions() {
		order[q.Key] = i
	}
	sort.SliceStable(rest, func(i, j int) bool { return order[rest[i]] < order[rest[j]] })
	return append(rest, ks...)
}

// isText says whether a key types a character (so it belongs to a text box, not a command).
func isText(k tea.KeyPressMsg) bool {
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0
}

func (iv *interviewModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		if iv.form != nil && !iv.focusAnswers {
			return iv.form.update(msg)
		}
		return nil
	}
	iv.changes = nil
	keys := m.c.keys
	typing := iv.form != nil && iv.form.typed && !iv.focusAnswers
	if typing && isText(k) {
		return iv.form.update(msg)
	}
	switch {
	case k.String() == "tab" || k.String() == "shift+tab":
		iv.focusAnswers = !iv.focusAnswers
		if iv.focusAnswers {
			iv.sel = max(len(iv.answered(m))-1, 0)
		}
		return nil
	case key.Matches(k, keys.Results):
		m.res = resultsModel{}
		m.scr = scrResults
		return nil
	case key.Matches(k, keys.ReadOut):
		return m.ro.open(m, scrInterview)
	case key.Matches(k, keys.Notes):
		m.notes.back = scrInterview
		m.scr = scrNotes
		return m.notes.focus()
	case key.Matches(k, keys.Letters):
		m.lettersBack = scrInterview
		m.scr = scrLetters
		return nil
	case key.Matches(k, keys.Help) || key.Matches(k, keys.CtrlHelp):
		if iv.form != nil && !iv.focusAnswers {
			iv.showHelp = !iv.showHelp
			v := iv.form.value
			ed := iv.editing
			iv.ask(m, iv.q)
			iv.form.value, iv.editing = v, ed
			iv.form.rebuild(m.c)
		} else {
			m.c.help.ShowAll = !m.c.help.ShowAll
		}
		return nil
	case k.String() == "esc":
		if iv.focusAnswers {
			iv.focusAnswers = false
			return nil
		}
		if iv.editing {
			return iv.askNext(m)
		}
		return m.closeCase()
	}
	if iv.focusAnswers {
		ks := iv.answered(m)
		switch {
		case key.Matches(k, keys.Up):
			iv.sel = max(iv.sel-1, 0)
		case key.Matches(k, keys.Down):
			iv.sel = min(iv.sel+1, max(len(ks)-1, 0))
		case key.Matches(k, keys.Edit):
			if iv.sel < len(ks) {
				iv.focusAnswers = false
				iv.ask(m, wizard.QuestionFor(ks[iv.sel]))
				iv.editing = true
			}
		}
		return nil
	}
	if iv.form == nil {
		if k.String() == "enter" {
			m.res = resultsModel{}
			m.scr = scrResults
		}
		return nil
	}
	switch {
	case key.Matches(k, keys.Skip):
		return iv.skip(m)
	case k.String() == "enter":
		return iv.submit(m)
	}
	return iv.form.update(msg)
}

func (iv *interviewModel) skip(m *Model) tea.Cmd {
	w := m.cs.w
	before := m.cs.res
	w.Skip(iv.q.Key)
	m.cs.refresh()
	if iv.editing {
		iv.setChanges(wizard.Diff(before, m.cs.res))
	}
	cmd := m.markDirty()
	return tea.Batch(cmd, iv.askNext(m))
}

func (iv *interviewModel) submit(m *Model) tea.Cmd {
	v := iv.form.current()
	if err := validateAnswer(iv.q, v); err != nil {
		iv.form.err = m.c.st.Error.Render(wrapText(err.Error(), iv.leftWidth(m)))
		return nil
	}
	before := m.cs.res
	editing := iv.editing
	if err := m.cs.w.Answer(iv.q.Key, v); err != nil {
		iv.form.err = m.c.st.Error.Render(wrapText(capitalise(err.Error())+".", iv.leftWidth(m)))
		return nil
	}
	m.cs.refresh()
	if editing {
		iv.setChanges(wizard.Diff(before, m.cs.res))
	}
	cmd := m.markDirty()
	return tea.Batch(cmd, iv.askNext(m))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func (iv *interviewModel) setChanges(cs []wizard.Change) {
	iv.changes = nil
	for _, c := range cs {
		iv.changes = append(iv.changes, c.String())
	}
	if len(cs) == 0 {
		iv.changes = []string{"Nothing the family can get changed."}
	}
}

func (iv *interviewModel) view(m *Model) string {
	w := m.c.width
	st := m.c.st
	var top string
	if len(iv.changes) > 0 {
		top = st.Changed.Render(strings.Join(iv.changeLines(w), "\n")) + "\n"
	}
	ph := iv.paneHeight(m)
	if iv.wide(m) {
		lw := w * 11 / 20
		rw := w - lw
		left := iv.questionPane(m, lw-4, ph)
		right := iv.sidePane(m, rw-4, ph)
		ls, rs := st.PaneFocus, st.Pane
		if iv.focusAnswers {
			ls, rs = st.Pane, st.PaneFocus
		}
		return top + lipgloss.JoinHorizontal(lipgloss.Top, pane(ls, lw, ph, left), pane(rs, rw, ph, right))
	}
	var inner string
	if iv.focusAnswers {
		inner = iv.sidePane(m, w-4, ph)
	} else {
		inner = iv.questionPane(m, w-4, ph)
	}
	return top + pane(st.PaneFocus, w, ph, inner)
}

func (iv *interviewModel) questionPane(m *Model, width, height int) string {
	st := m.c.st
	if iv.form == nil {
		// What the answers mean for the family comes before the keys: the help line has the
		// keys too, and on a small window the end is cut.
		s := st.Bold.Render(wrapText("That is every question that could change the results.", width))
		if ex := m.cs.w.Explain(); ex != "" {
			s += "\n\n" + wrapText(ex, width)
		}
		s += "\n\n" + wrapText("Press enter or o to see what the family can get, r for the read-out summary, or tab to change an answer.", width)
		return padLines(s, height)
	}
	s := iv.form.view()
	if iv.editing {
		s = st.Subtle.Render("Changing an earlier answer. Esc to leave it as it was.") + "\n" + s
	}
	if ex := m.cs.w.Explain(); ex != "" && lipgloss.Height(s)+3 < height {
		s += "\n\n" + st.Subtle.Render(wrapText(ex, width))
	}
	// On a small window the help line has no room for the explain key: say it here.
	if !iv.wide(m) && !iv.showHelp && iv.q.Help != "" && lipgloss.Height(s)+2 <= height {
		k := "?"
		if iv.form.typed {
			k = "f1"
		}
		s += "\n\n" + st.Subtle.Render(clip("Press "+k+" to explain this question.", width))
	}
	return padLines(fitLines(s, height), height)
}

func (iv *interviewModel) sidePane(m *Model, width, height int) string {
	st := m.c.st
	cs := m.cs
	var b strings.Builder
	head := st.Heading.Render("Answers so far")
	switch {
	case iv.focusAnswers:
		head += " " + st.Subtle.Render(clip("· enter to change", max(width-15, 0)))
	case iv.wide(m):
		head += " " + st.Subtle.Render(clip("· tab to change", max(width-15, 0)))
	}
	b.WriteString(head + "\n")
	ks := iv.answered(m)
	counts := iv.countsLine(m, width)
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
		row := m.c.cursor(on) + line
		if on {
			row = st.Selected.Render(m.c.cursor(true)) + line
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
		b.WriteString(st.Status[string(o.Status)].Render(m.c.symbol(o.Status)) + " " + clip(o.Title, width-5) + "\n")
	}
	return padLines(fitLines(strings.TrimRight(b.String(), "\n"), height), height)
}

func (iv *interviewModel) countsLine(m *Model, width int) string {
	c := m.cs.counts
	part := func(s entitlements.Status) string {
		if s == entitlements.Check {
			// "Check" alone reads as an instruction; these are the ones that cannot be said yet.
			return itoa(c[s]) + " cannot say yet " + m.c.symbol(s)
		}
		return itoa(c[s]) + " " + strings.ToLower(m.c.statusLabel(s))
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

func shortPrompt(q wizard.Question, user string) string {
	if n, ok := shortNames[q.Key]; ok {
		return n
	}
	return q.Prompt(user)
}

func answerWords(q wizard.Question, v string, skipped bool) string {
	if v == "" {
		if skipped {
			return "(skipped)"
		}
		return "(not answered)"
	}
	if l := q.OptionLabel(v); l != "" {
		return l
	}
	if q.Kind == entitlements.DateValue {
		if d, err := entitlements.ParseDate(v); err == nil {
			return d.Long()
		}
	}
	return entitlements.CleanText(v)
}

func (iv *interviewModel) keys(m *Model) helpKeys {
	k := m.c.keys
	if iv.focusAnswers {
		return helpKeys{short: []key.Binding{kb("enter", "change it"), kb("↑/↓", "choose"), kb("esc", "back to question"), k.QuickExit}}
	}
	// The short help is in order of importance: the window drops keys from its end. Beside
	// the question the answers pane says tab changes them, so tab can wait there.
	if iv.form == nil {
		return helpKeys{short: []key.Binding{kb("enter", "results"), k.ReadOut, kb("tab", "change an answer"), k.Notes, k.QuickExit},
			full: [][]key.Binding{{kb("enter", "results"), k.ReadOut, k.Notes, k.Letters}, {kb("tab", "change an answer"), kb("esc", "cases"), k.QuickExit}}}
	}
	typing := iv.form != nil && iv.form.typed
	if typing {
		short := []key.Binding{kb("enter", "answer"), kb("ctrl+s", "skip")}
		if !iv.wide(m) {
			short = append(short, kb("tab", "answers"))
		}
		short = append(short, kb("f1", "explain"), kb("ctrl+o", "results"), kb("ctrl+r", "read-out"))
		if iv.wide(m) {
			short = append(short, kb("tab", "answers"))
		}
		return helpKeys{short: append(short, k.QuickExit),
			full: [][]key.Binding{{kb("enter", "answer"), kb("ctrl+s", "skip"), kb("f1", "explain")}, {kb("ctrl+o", "results"), kb("ctrl+r", "read-out"), kb("ctrl+t", "notes"), kb("ctrl+l", "letters")}, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
	}
	short := []key.Binding{kb("enter", "answer"), k.Skip}
	if !iv.wide(m) {
		short = append(short, kb("tab", "answers"))
	}
	short = append(short, kb("?", "explain"), k.Results, k.ReadOut, k.Notes)
	if iv.wide(m) {
		short = append(short, kb("tab", "answers"))
	}
	return helpKeys{short: append(short, k.QuickExit),
		full: [][]key.Binding{{kb("↑/↓", "choose"), kb("enter", "answer"), k.Skip}, {k.Results, k.ReadOut, k.Notes, k.Letters}, {kb("tab", "answers"), kb("esc", "cases"), k.QuickExit}}}
}

// closeCase saves the case in front and goes back to the list.
func (m *Model) closeCase() tea.Cmd {
	var cmds []tea.Cmd
	if m.cs != nil && m.dirty && m.store != nil {
		m.saveSeq++
		cmds = append(cmds, saveCase(m.store, m.cs.snapshot(), m.saveSeq))
	}
	m.cs = nil
	m.iv = interviewModel{}
	m.scr = scrCases
	return tea.Sequence(append(cmds, m.refreshList())...)
}

// shortNames label the answers so far, so they fit beside the question.
var shortNames = map[entitlements.Key]string{
	entitlements.Country: "Country", entitlements.Relationship: "Relationship", entitlements.LivingWithCarer: "Lives with carer",
	entitlements.ParentInHome: "Parent at home", entitlements.LegalStatus: "Legal status", entitlements.CouncilInvolved: "Social worker arranged",
	entitlements.OrderRoute: "Who went to court", entitlements.OtherwiseInCare: "Would be in care",
	entitlements.PreviouslyLookedAfter: "In care before order", entitlements.AdoptedAbroad: "Adopted abroad", entitlements.ChildAge: "Child's age",
	entitlements.Duration: "How long", entitlements.ChildDisabled: "Disability", entitlements.ConsideringOrder: "Thinking of order",
	entitlements.CourtCase: "Court case", entitlements.CouncilKey: "Council", entitlements.SGFinancialSupport: "SG money already",
	entitlements.InWork: "Work", entitlements.EducationKey: "Education", entitlements.SchoolType: "School type", entitlements.EHCP: "EHC plan",
	entitlements.ParentsDied: "Parents died", entitlements.SurvivingParent: "Other parent", entitlements.Benefits: "Means-tested benefit",
	entitlements.CarerPensionAge: "Pension age", entitlements.ChildDLA: "DLA or PIP", entitlements.OrderDate: "Order date",
	entitlements.PlacingCouncil: "Council before order", entitlements.User: "Who is using this",
}

// pane draws content in a bordered box exactly width cells wide and height+2 lines tall.
// Lines are wrapped to fit, and what does not fit is cut. The box is drawn by hand: this
// runs on every key.
func pane(style lipgloss.Style, width, height int, content string) string {
	inner := width - 4
	b := style.GetBorderStyle()
	fg := lipgloss.NewStyle().Foreground(style.GetBorderTopForeground())
	var sb strings.Builder
	sb.Grow((width + 8) * (height + 2))
	sb.WriteString(fg.Render(b.TopLeft + strings.Repeat(b.Top, width-2) + b.TopRight))
	n := 0
	side := fg.Render(b.Left)
	rside := fg.Render(b.Right)
	emit := func(l string) {
		w := ansi.StringWidth(l)
		if w > inner {
			l = ansi.Truncate(l, inner, "")
			w = ansi.StringWidth(l)
		}
		sb.WriteString("\n" + side + " " + l + strings.Repeat(" ", inner-w) + " " + rside)
		n++
	}
	for _, l := range strings.Split(content, "\n") {
		if n == height {
			break
		}
		if ansi.StringWidth(l) > inner {
			for _, wl := range strings.Split(ansi.Wrap(l, inner, ""), "\n") {
				if n < height {
					emit(wl)
				}
			}
			continue
		}
		emit(l)
	}
	for n < height {
		emit("")
	}
	sb.WriteString("\n" + fg.Render(b.BottomLeft+strings.Repeat(b.Bottom, width-2)+b.BottomRight))
	return sb.String()
}
