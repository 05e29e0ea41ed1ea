package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kincare/entitlements"
	"kincare/wizard"
)

// The line mode asks what the session says to ask, and draws nothing itself: the session
// chooses the question, reads the answer, reassesses and says what changed.

// newCase asks who is at the keyboard and the child's first name, then starts the session.
func (l *lineSession) newCase() error {
	l.s = wizard.NewSession(l.opts.AsOf)
	who := l.s.AskFor(wizard.Ref{Key: entitlements.User, Child: wizard.Household})
	for {
		l.say("%s", who.Prompt)
		l.sayChoices(who)
		line, err := l.read(fmt.Sprintf("Type a number from 1 to %d: ", len(who.Choices)))
		if err != nil {
			return err
		}
		if line == "" || isCommand(line, "s", "skip") {
			break // the carer's wording, as if "I am the carer"
		}
		if _, err := l.s.Answer(who, line); err != nil {
			l.sayRefused(err)
			continue
		}
		break
	}
	name, err := l.read(l.words("What is the child's first name? It is used only to say which child a question is about. Press Enter to skip: ", "What is the child's first name? It is used only to say which child a question is about. Press Enter to skip: "))
	if err != nil {
		return err
	}
	if err := l.s.RenameChild(0, name); err != nil {
		l.sayRefused(err)
	}
	l.unsaved = true
	return nil
}

// words picks the carer's or the adviser's wording.
func (l *lineSession) words(carer, adviser string) string {
	if l.s != nil && l.s.User() == "adviser" {
		return adviser
	}
	return carer
}

func isCommand(line string, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(line, n) {
			return true
		}
	}
	return false
}

// interview asks the session's questions until none is left or the person stops. The first
// time the questions run out it offers to add another child.
func (l *lineSession) interview(offerChild bool) error {
	st := l.s.Current()
	explained := make([]string, l.s.NumChildren())
	for {
		if st.Done {
			if !offerChild {
				return nil
			}
			offerChild = false
			added, err := l.offerAnotherChild()
			if err != nil || !added {
				return err
			}
			explained = append(explained, "")
			st = l.s.Current()
			continue
		}
		next, stop, err := l.ask(st.Ask)
		if err != nil {
			return err
		}
		if stop {
			return nil
		}
		st = next
		if st.Edit {
			l.sayChanges(st)
		}
		for i := range explained {
			if i >= l.s.NumChildren() {
				break
			}
			if ex := l.s.Explain(i); ex != "" && ex != explained[i] {
				l.say("%s%s", l.forChild(i), ex)
				l.say("")
				explained[i] = ex
			}
		}
	}
}

// forChild starts a sentence about child i when there is more than one: "For Ava: ".
func (l *lineSession) forChild(i int) string {
	if l.s.NumChildren() < 2 {
		return ""
	}
	return "For " + l.s.Child(i).Label + ": "
}

// offerAnotherChild asks whether another child lives with the carer, and adds them.
func (l *lineSession) offerAnotherChild() (bool, error) {
	if l.s.NumChildren() >= entitlements.MaxChildren {
		return false, nil
	}
	name, err := l.read(l.words(
		"Do you look after another child? Type their first name to add them, or press Enter to see the results: ",
		"Does the carer look after another child? Type their first name to add them, or press Enter to see the results: "))
	if err != nil || name == "" || isCommand(name, "no", "n", "q") {
		return false, err
	}
	return l.addChild(name)
}

// addChild adds a child by name and says what happens next.
func (l *lineSession) addChild(name string) (bool, error) {
	if _, err := l.s.AddChild(name); err != nil {
		l.sayRefused(err)
		return false, nil
	}
	l.unsaved = true
	i := l.s.NumChildren() - 1
	l.say("Added %s. Your own answers count for every child, so the next questions are about %s only.", l.s.Child(i).Label, l.s.Child(i).Label)
	l.say("")
	return true, nil
}

// ask puts one question until it gets an answer, a skip or a command. stop says the person
// asked to stop and see the results.
func (l *lineSession) ask(a wizard.Ask) (st wizard.Step, stop bool, err error) {
	l.sayQuestion(a)
	for {
		line, err := l.read(promptFor(a))
		if err != nil {
			return st, false, err
		}
		switch {
		case line == "":
			l.say("Type an answer, or s to skip this question, or ? for help.")
			continue
		case isCommand(line, "?", "help"):
			l.sayHelp(a)
			continue
		case isCommand(line, "q", "quit", "stop", "results"):
			return st, true, nil
		case isCommand(line, "b", "back"):
			if len(l.s.Asked()) == 0 {
				l.say("This is the first question.")
				continue
			}
			st = l.s.Back()
			l.unsaved = true
			if st.Done {
				return st, false, nil
			}
			l.say("Going back.")
			return st, false, nil
		case isCommand(line, "s", "skip"):
			st = l.s.Skip(a)
			l.unsaved = true
			l.say("Skipped.")
			l.say("")
			return st, false, nil
		}
		if a.Question.Kind == entitlements.Text && a.Typed() {
			if line, err = l.suggestCouncil(a, line); err != nil {
				return st, false, err
			}
		}
		st, err = l.s.Answer(a, line)
		if err != nil {
			l.sayRefused(err)
			continue
		}
		l.unsaved = true
		l.say("")
		return st, false, nil
	}
}

// sayQuestion reads out a question: its number, who it is about, the words, and the choices.
func (l *lineSession) sayQuestion(a wizard.Ask) {
	about := ""
	switch {
	case a.Child == wizard.Household && l.s.NumChildren() > 1:
		about = l.words(", about you", ", about the carer")
	case a.Child >= 0 && (l.s.NumChildren() > 1 || l.s.Child(a.Child).Name != ""):
		about = ", about " + a.ChildName
	}
	l.say("Question %d%s. %s", a.Number, about, a.Prompt)
	if a.Extra {
		l.say("This is for letters only. It does not change the results.")
	}
	if a.Editing && a.Value != "" {
		l.say("The answer now is: %s.", strings.TrimSuffix(l.s.Words(a.Ref), "."))
	}
	if a.Typed() {
		l.say("%s", a.Hint)
		if a.SameAs != nil {
			l.say("Or type same, for the same answer as %s: %s.", a.SameAs.Name, a.SameAs.Words)
		}
		return
	}
	l.sayChoices(a)
}

func (l *lineSession) sayChoices(a wizard.Ask) {
	for i, c := range a.Choices {
		l.say("  %d. %s", i+1, c.Label)
	}
}

func promptFor(a wizard.Ask) string {
	if a.Typed() {
		return "Your answer: "
	}
	return fmt.Sprintf("Type a number from 1 to %d: ", len(a.Choices))
}

func (l *lineSession) sayHelp(a wizard.Ask) {
	if a.Question.Help != "" {
		l.say("Help: %s", a.Question.Help)
	}
	if a.Question.Kind == entitlements.Text {
		l.say("You can type the start of the name and kincare will suggest councils.")
	}
	l.say("Type s to skip this question, b to go back, or q to stop and hear the results.")
	if !a.Typed() {
		l.say("The answers again:")
		l.sayChoices(a)
	}
	l.say("")
}

// sayRefused reads out why an answer was refused, in the session's words.
func (l *lineSession) sayRefused(err error) {
	var ae *wizard.AnswerError
	if errors.As(err, &ae) {
		l.say("%s", ae.Message)
		return
	}
	l.say("%s", capital(err.Error()))
}

// suggestCouncil offers the councils nearest to a name kincare does not know. The person
// may keep what they typed.
func (l *lineSession) suggestCouncil(a wizard.Ask, typed string) (string, error) {
	if _, known := entitlements.FindCouncil(typed); known || strings.EqualFold(typed, "same") {
		return typed, nil
	}
	sug := entitlements.SuggestCouncils(typed, 5)
	if len(sug) == 0 {
		return typed, nil
	}
	l.say("kincare does not know a council called %s. Did you mean one of these?", typed)
	for i, c := range sug {
		l.say("  %d. %s", i+1, c.Name)
	}
	pick, err := l.read("Type a number, or press Enter to keep what you typed: ")
	if err != nil {
		return "", err
	}
	if i, err := strconv.Atoi(pick); err == nil && i >= 1 && i <= len(sug) {
		return sug[i-1].Name, nil
	}
	return typed, nil
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
