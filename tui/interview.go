package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

// interviewScreen asks the session's questions one at a time, with the answers so far and the
// live results beside it (or behind tab on a narrow window). It only shows what the session
// says and hands it what the person gave: the session takes the answer, reassesses, compares
// and chooses the next question.
type interviewScreen struct {
	c            *common
	cs           *caseState
	form         *qform
	ask          wizard.Ask // the question on screen
	done         bool
	focusAnswers bool
	sel          int // the answer chosen in the answers so far
	changes      []string
	showHelp     bool
}

// Messages the questions screen acts on: a restart from the results, and its dialogs' answers.
type (
	restartMsg     struct{}
	childNamedMsg  struct{ name string }
	removeChildMsg struct{ child int }
	// changeAnswerMsg reopens the answer with this number in the answers so far.
	changeAnswerMsg struct{ n int }
	childRenamedMsg struct {
		child int
		name  string
	}
)

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
		iv.fitForm()
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
	iv.show(iv.cs.step)
	return nil
}

// show puts a step's question on screen, or says every question is answered.
func (iv *interviewScreen) show(st wizard.Step) {
	iv.showHelp = false
	if st.Done {
		iv.done = true
		iv.form = nil
		iv.ask = wizard.Ask{}
		return
	}
	iv.setAsk(st.Ask)
}

func (iv *interviewScreen) setAsk(a wizard.Ask) {
	iv.done = false
	iv.ask = a
	q := a.Question
	initial := a.Value
	if q.Kind == entitlements.DateValue && initial != "" {
		// A month alone stays a month: shown as 01/01/2026 it would be kept as a day.
		if d, month, err := entitlements.ParseDateOrMonth(initial); err == nil {
			initial = d.Time().Format("02/01/2006")
			if month {
				initial = d.Time().Format("January 2006")
			}
		}
	}
	desc := ""
	if iv.showHelp {
		desc = q.Help
	} else if q.Kind == entitlements.DateValue {
		desc = a.Hint // the session's wording: a day, or the month alone
	} else if q.Kind == entitlements.Number {
		desc = "A whole number from 0 to 25."
	}
	if a.SameAs != nil && q.Kind != entitlements.Choice && !iv.showHelp {
		// A typed answer another child already has can be given again by typing "same".
		desc = "Type same for the same as " + a.SameAs.Name + " (" + a.SameAs.Words + "). " + desc
	}
	opts := make([]wizard.Option, len(a.Choices))
	for i, ch := range a.Choices {
		opts[i] = wizard.Option{Value: ch.Value, Label: ch.Label}
	}
	iv.form = newQForm(iv.c, a.Prompt, desc, opts, q.Kind != entitlements.Choice, initial, iv.leftWidth(), iv.formHeight())
	if q.Kind == entitlements.Text {
		iv.form.suggestions = councilNames()
		iv.form.rebuild(iv.c)
	}
}

// formHeight is the room the question has in its pane: less a line saying an earlier answer is
// being changed and a hint, and the line saying which child it is about.
func (iv *interviewScreen) formHeight() int { return iv.paneHeight() - 2 - iv.aboutLines() }

func (iv *interviewScreen) fitForm() {
	if iv.form != nil {
		iv.form.height = iv.formHeight()
	}
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

// isText says whether a key types a character (so it belongs to a text box, not a command).
func isText(k tea.KeyPressMsg) bool {
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0
}

func (iv *interviewScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case restartMsg:
		return iv.start()
	case childNamedMsg:
		return iv.addChild(msg.name)
	case removeChildMsg:
		return iv.removeChild(msg.child)
	case changeAnswerMsg:
		if msg.n < 1 || msg.n > len(iv.cs.answered) {
			return iv.c.failure("There is no answer number " + itoa(msg.n) + ". The answers so far are numbered 1 to " + itoa(len(iv.cs.answered)) + ".")
		}
		iv.focusAnswers = false
		iv.sel = msg.n - 1
		iv.setAsk(iv.cs.s.Reopen(iv.cs.answered[msg.n-1].Ref))
		return nil
	case childRenamedMsg:
		if err := iv.cs.s.RenameChild(msg.child, msg.name); err != nil {
			return iv.c.failure(err.Error())
		}
		iv.cs.apply(iv.cs.s.Current())
		iv.setAsk(iv.cs.s.AskFor(iv.ask.Ref))
		return iv.cs.touch()
	case tea.KeyPressMsg:
		return iv.onKey(msg)
	}
	if iv.form != nil && !iv.focusAnswers {
		return iv.form.update(msg)
	}
	return nil
}

func (iv *interviewScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	if iv.changes != nil {
		iv.changes = nil
		iv.fitForm() // the lines saying what changed give their room back
	}
	keys := iv.c.keys
	typing := iv.form != nil && iv.form.typed && !iv.focusAnswers
	if typing && isText(k) {
		return iv.form.update(k)
	}
	switch {
	case k.String() == "tab" || k.String() == "shift+tab":
		iv.focusAnswers = !iv.focusAnswers
		if iv.focusAnswers {
			iv.sel = max(len(iv.cs.answered)-1, 0)
		}
		return nil
	case key.Matches(k, keys.Results):
		return iv.c.push(newResultsScreen(iv.c, iv.cs))
	case key.Matches(k, keys.ReadOut):
		return iv.c.push(newReadoutScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Notes):
		return iv.c.push(newNotesScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Letters):
		return iv.c.push(newLettersScreen(iv.c, iv.cs))
	case key.Matches(k, keys.Change) && len(iv.cs.answered) > 0:
		return iv.c.push(newChangeDialog(iv.c, len(iv.cs.answered)))
	case key.Matches(k, keys.AddChild):
		return iv.c.push(newTextDialog(iv.c, "The child's first name (you can leave it empty): ", func(s string) tea.Msg { return childNamedMsg{s} }))
	case key.Matches(k, keys.NextChild), key.Matches(k, keys.PrevChild):
		return iv.switchChild(key.Matches(k, keys.NextChild))
	case key.Matches(k, keys.RemoveChild):
		return iv.confirmRemove()
	case key.Matches(k, keys.NameChild):
		i := iv.child()
		return iv.c.push(newTextDialog(iv.c, "Name for "+iv.cs.s.Child(i).Label+" (first name is enough): ", func(s string) tea.Msg { return childRenamedMsg{i, s} }))
	case key.Matches(k, keys.Help) || key.Matches(k, keys.CtrlHelp):
		if iv.form != nil && !iv.focusAnswers {
			iv.showHelp = !iv.showHelp
			v := iv.form.value
			iv.setAsk(iv.ask)
			iv.form.value = v
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
		if iv.ask.Editing {
			iv.show(iv.cs.step)
			return nil
		}
		// esc goes back one step; leaving the case is asked first, so a slip loses nothing.
		kept := "It is saved."
		if iv.c.guest {
			kept = "It is kept until you leave kincare."
		}
		return iv.c.push(newConfirm(iv.c, "Close this case and go back to the list? "+kept+" y / n", "close it", "stay", closeCaseMsg{}))
	}
	if iv.focusAnswers {
		lines := iv.cs.answered
		switch {
		case key.Matches(k, keys.Up):
			iv.sel = max(iv.sel-1, 0)
		case key.Matches(k, keys.Down):
			iv.sel = min(iv.sel+1, max(len(lines)-1, 0))
		case key.Matches(k, keys.Edit):
			if iv.sel < len(lines) {
				iv.focusAnswers = false
				iv.setAsk(iv.cs.s.Reopen(lines[iv.sel].Ref))
			}
		}
		return nil
	}
	if iv.form == nil {
		if k.String() == "enter" {
			return iv.c.push(newResultsScreen(iv.c, iv.cs))
		}
		return nil
	}
	switch {
	case key.Matches(k, keys.Skip):
		return iv.took(iv.cs.s.Skip(iv.ask))
	case k.String() == "enter":
		st, err := iv.cs.s.Answer(iv.ask, iv.form.current())
		if err != nil {
			msg := capitalise(err.Error())
			if iv.form.current() == "" {
				msg = nothingChosen(iv.c.keys, iv.form.typed)
			}
			iv.form.err = iv.c.st.Error.Render(wrapText(msg, iv.leftWidth()))
			// "Saved" was about the answer before; this one was not taken.
			return iv.c.status("")
		}
		return iv.took(st)
	}
	return iv.form.update(k)
}

// took shows what a step of the session changed, and its next question.
func (iv *interviewScreen) took(st wizard.Step) tea.Cmd {
	iv.cs.apply(st)
	if st.Edit {
		iv.setChanges(st.Changes)
	}
	iv.show(st)
	return iv.cs.touch()
}

func (iv *interviewScreen) setChanges(ccs []wizard.ChildChanges) {
	iv.changes = nil
	family := iv.cs.s.NumChildren() > 1
	for _, cc := range ccs {
		for _, c := range cc.Changes {
			if family {
				iv.changes = append(iv.changes, cc.Name+": "+c.String())
			} else {
				iv.changes = append(iv.changes, c.String())
			}
		}
	}
	if len(iv.changes) == 0 {
		iv.changes = []string{"Nothing the family can get changed."}
	}
}

// The family: add a child, move between children, remove one.

func (iv *interviewScreen) addChild(name string) tea.Cmd {
	st, err := iv.cs.s.AddChild(name)
	if err != nil {
		return iv.c.failure(err.Error())
	}
	iv.focusAnswers = false
	label := iv.cs.s.Child(iv.cs.s.Focus()).Label
	return tea.Batch(iv.took(st), iv.c.status("Added "+label+". The household's answers count for them too."))
}

// child is the child the question on screen is about, or the one whose questions come first.
func (iv *interviewScreen) child() int {
	if iv.form != nil && iv.ask.Child != wizard.Household {
		return iv.ask.Child
	}
	return iv.cs.s.Focus()
}

func (iv *interviewScreen) switchChild(next bool) tea.Cmd {
	n := iv.cs.s.NumChildren()
	if n < 2 {
		return iv.c.status("This case has one child. Press ctrl+n to add a brother or sister.")
	}
	i := iv.child()
	if next {
		i = (i + 1) % n
	} else {
		i = (i + n - 1) % n
	}
	st := iv.cs.s.SetFocus(i)
	iv.cs.apply(st)
	iv.focusAnswers = false
	iv.show(st)
	return iv.c.status("Questions about " + childWords(iv.cs.s.Child(i)) + " come first now.")
}

func (iv *interviewScreen) confirmRemove() tea.Cmd {
	if iv.cs.s.NumChildren() < 2 {
		return iv.c.failure("A case needs at least one child, so the only child cannot be removed.")
	}
	i := iv.child()
	name := iv.cs.s.Child(i).Label
	return iv.c.push(newConfirm(iv.c, "Remove "+name+" and their answers from this case? y / n", "remove", "keep", removeChildMsg{i}))
}

func (iv *interviewScreen) removeChild(i int) tea.Cmd {
	name := iv.cs.s.Child(i).Label
	st, err := iv.cs.s.RemoveChild(i)
	if err != nil {
		return iv.c.failure(err.Error())
	}
	iv.sel = 0
	return tea.Batch(iv.took(st), iv.c.status(name+" was taken out of this case."))
}

// childWords names a child with their age: "Ava, 2".
func childWords(ch wizard.ChildInfo) string {
	if ch.HasAge {
		return ch.Label + ", " + itoa(ch.Age)
	}
	return ch.Label
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// nothingChosen says what to do when enter is pressed with no answer, naming this screen's
// skip key for the kind of question (on a typed question s would type a letter).
func nothingChosen(keys keyMap, typed bool) string {
	if typed {
		return "Type an answer (or " + keys.SkipTyped.Help().Key + " to skip)."
	}
	return "Choose an answer (or " + keys.Skip.Help().Key + " to skip)."
}
