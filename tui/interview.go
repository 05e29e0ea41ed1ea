package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// interviewScreen asks one question at a time, with the answers so far and the live results
// beside it (or behind tab on a narrow window).
type interviewScreen struct {
	c            *common
	cs           *caseState
	form         *qform
	q            wizard.Question
	done         bool
	editing      bool // reopened an earlier answer
	focusAnswers bool
	sel          int
	changes      []string
	showHelp     bool
}

// restartMsg asks the questions screen to start again from the next open question.
type restartMsg struct{}

func newInterviewScreen(c *common, cs *caseState) *interviewScreen {
	return &interviewScreen{c: c, cs: cs}
}

func (iv *interviewScreen) crumb() string { return iv.cs.label() + " · Questions" }

func (iv *interviewScreen) wide() bool { return iv.c.width >= 80 }

func (iv *interviewScreen) leftWidth() int {
	if !iv.wide() {
		return iv.c.width - 4
	}
	return iv.c.width*11/20 - 4
}

func (iv *interviewScreen) resize() {
	if iv.form != nil {
		iv.form.resize(iv.c, iv.leftWidth())
	}
}

func (iv *interviewScreen) restyle() {
	if iv.form != nil {
		iv.form.rebuild(iv.c)
	}
}

// start goes to the next open question, from the top.
func (iv *interviewScreen) start() tea.Cmd {
	iv.focusAnswers = false
	iv.changes = nil
	return iv.askNext()
}

// askNext moves to the next question that still matters, then the details letters need.
func (iv *interviewScreen) askNext() tea.Cmd {
	iv.editing = false
	iv.showHelp = false
	w := iv.cs.w
	if q, ok := w.Next(); ok {
		return iv.ask(q)
	}
	if qs := w.Extras(); len(qs) > 0 {
		return iv.ask(qs[0])
	}
	iv.done = true
	iv.form = nil
	return nil
}

func (iv *interviewScreen) ask(q wizard.Question) tea.Cmd {
	user := iv.cs.user()
	q = q.For(user)
	iv.done = false
	iv.q = q
	a := iv.cs.w.Answers()
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
	iv.form = newQForm(iv.c, q.Prompt(user), desc, q.Options, typed, initial, iv.leftWidth(), iv.paneHeight()-2)
	if q.Kind == entitlements.Text {
		iv.form.suggestions = councilNames()
		iv.form.rebuild(iv.c)
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

// answered lists the keys shown under "Answers so far": those asked, then any known from
// before (a reopened case), in asking order.
func (iv *interviewScreen) answered() []entitlements.Key {
	w := iv.cs.w
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

func (iv *interviewScreen) update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(restartMsg); ok {
		return iv.start()
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		if iv.form != nil && !iv.focusAnswers {
			return iv.form.update(msg)
		}
		return nil
	}
	iv.changes = nil
	keys := iv.c.keys
	typing := iv.form != nil && iv.form.typed && !iv.focusAnswers
	if typing && isText(k) {
		return iv.form.update(msg)
	}
	switch {
	case k.String() == "tab" || k.String() == "shift+tab":
		iv.focusAnswers = !iv.focusAnswers
		if iv.focusAnswers {
			iv.sel = max(len(iv.answered())-1, 0)
		}
		return nil
	case key.Matches(k, keys.Results):
		return push(newResultsScreen(iv.c, iv.cs))
	case key.Matches(k, keys.ReadOut):
		return push(newReadoutScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Notes):
		return push(newNotesScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Letters):
		return push(newLettersScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Help) || key.Matches(k, keys.CtrlHelp):
		if iv.form != nil && !iv.focusAnswers {
			iv.showHelp = !iv.showHelp
			v := iv.form.value
			ed := iv.editing
			iv.ask(iv.q)
			iv.form.value, iv.editing = v, ed
			iv.form.rebuild(iv.c)
		} else {
			iv.c.help.ShowAll = !iv.c.help.ShowAll
		}
		return nil
	case k.String() == "esc":
		if iv.focusAnswers {
			iv.focusAnswers = false
			return nil
		}
		if iv.editing {
			return iv.askNext()
		}
		return send(closeCaseMsg{})
	}
	if iv.focusAnswers {
		ks := iv.answered()
		switch {
		case key.Matches(k, keys.Up):
			iv.sel = max(iv.sel-1, 0)
		case key.Matches(k, keys.Down):
			iv.sel = min(iv.sel+1, max(len(ks)-1, 0))
		case key.Matches(k, keys.Edit):
			if iv.sel < len(ks) {
				iv.focusAnswers = false
				iv.ask(wizard.QuestionFor(ks[iv.sel]))
				iv.editing = true
			}
		}
		return nil
	}
	if iv.form == nil {
		if k.String() == "enter" {
			return push(newResultsScreen(iv.c, iv.cs))
		}
		return nil
	}
	switch {
	case key.Matches(k, keys.Skip):
		return iv.skip()
	case k.String() == "enter":
		return iv.submit()
	}
	return iv.form.update(msg)
}

func (iv *interviewScreen) skip() tea.Cmd {
	before := iv.cs.res
	iv.cs.w.Skip(iv.q.Key)
	iv.cs.refresh()
	if iv.editing {
		iv.setChanges(wizard.Diff(before, iv.cs.res))
	}
	cmd := iv.cs.touch()
	return tea.Batch(cmd, iv.askNext())
}

func (iv *interviewScreen) submit() tea.Cmd {
	v := iv.form.current()
	if err := validateAnswer(iv.q, v); err != nil {
		iv.form.err = iv.c.st.Error.Render(wrapText(err.Error(), iv.leftWidth()))
		return nil
	}
	before := iv.cs.res
	editing := iv.editing
	if err := iv.cs.w.Answer(iv.q.Key, v); err != nil {
		iv.form.err = iv.c.st.Error.Render(wrapText(capitalise(err.Error())+".", iv.leftWidth()))
		return nil
	}
	iv.cs.refresh()
	if editing {
		iv.setChanges(wizard.Diff(before, iv.cs.res))
	}
	cmd := iv.cs.touch()
	return tea.Batch(cmd, iv.askNext())
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func (iv *interviewScreen) setChanges(cs []wizard.Change) {
	iv.changes = nil
	for _, c := range cs {
		iv.changes = append(iv.changes, c.String())
	}
	if len(cs) == 0 {
		iv.changes = []string{"Nothing the family can get changed."}
	}
}
