package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kincare/entitlements"
	"kincare/wizard"
)

// The results in the line mode open short: for each child, the counts by status and the short
// read-out; the full list is one command away. After a change only what changed is read.

// results reads the opening of the results: the situation and counts for each child, the
// read-out, and the questions still open.
func (l *lineSession) results() error {
	l.say("Results")
	for i := 0; i < l.s.NumChildren(); i++ {
		rep := l.s.Result(i).Report()
		if l.s.NumChildren() > 1 {
			c := l.s.Child(i)
			if c.HasAge {
				l.say("%s, %d:", c.Label, c.Age)
			} else {
				l.say("%s:", c.Label)
			}
		}
		// The arrangement is the read-out's first sentence; here only what it is not.
		if rep.KinshipCare {
			l.say("%s", l.countWords(rep))
		} else {
			l.say("%s", spoken(entitlements.SituationWords(rep)))
		}
	}
	l.say("")
	l.say("%s", spoken(l.readOut()))
	l.sayOpen(l.s.Current())
	return nil
}

// readOut is the short read-out: one child's, or the family's taken as one.
func (l *lineSession) readOut() string {
	return l.s.ReadOut()
}

// countWords opens the results with how many things there are by status: "You can get 13
// things, may get 3, and 1 needs checking."
func (l *lineSession) countWords(rep entitlements.Report) string {
	n := map[entitlements.Status]int{}
	for _, o := range rep.Outcomes {
		n[o.Status]++
	}
	things := func(k int) string {
		if k == 1 {
			return "1 thing"
		}
		return strconv.Itoa(k) + " things"
	}
	checking := strconv.Itoa(n[entitlements.Check]) + " need checking"
	switch n[entitlements.Check] {
	case 0:
		checking = "none need checking"
	case 1:
		checking = "1 needs checking"
	}
	who := l.words("You", "The carer")
	return fmt.Sprintf("%s can get %s, may get %d, and %s.", who, things(n[entitlements.Eligible]), n[entitlements.MayBeEligible], checking)
}

// sayOpen names the questions that could still change the results.
func (l *lineSession) sayOpen(st wizard.Step) {
	switch n := len(st.Open); n {
	case 0:
		l.say("Nothing more you could answer would change these results.")
	case 1:
		l.say("1 question could still change these results: %s", l.askWords(st.Open[0]))
	default:
		l.say("%d questions could still change these results:", n)
		for _, a := range st.Open {
			l.say("  %s", l.askWords(a))
		}
	}
	l.say("")
}

// askWords names a question and who it is about.
func (l *lineSession) askWords(a wizard.Ask) string {
	if a.Child >= 0 && l.s.NumChildren() > 1 {
		return a.Prompt + " (about " + a.ChildName + ")"
	}
	return a.Prompt
}

// answerOpen asks the open questions right there, one after another.
func (l *lineSession) answerOpen() error {
	st := l.s.Current()
	if len(st.Open) == 0 {
		l.say("There are no open questions.")
		return nil
	}
	for _, a := range st.Open {
		a = l.s.Reopen(a.Ref)
		next, stop, err := l.ask(a)
		if err != nil {
			return err
		}
		if stop {
			break
		}
		l.sayChanges(next)
	}
	return nil
}

// sayChanges reads only what changed, for each child.
func (l *lineSession) sayChanges(st wizard.Step) {
	if len(st.Changes) == 0 {
		l.say("Nothing the family can get changed.")
		l.say("")
		return
	}
	for _, cc := range st.Changes {
		l.say("%sThat changed %s:", l.forChild(cc.Child), plural(len(cc.Changes), "result", "results"))
		for _, c := range cc.Changes {
			l.say("  %s", spoken(c.Sentence()))
		}
	}
	l.say("")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// shownOutcomes are a child's outcomes that are not "not eligible", surest first: the
// numbers the full list and "more about one result" share.
func shownOutcomes(rep entitlements.Report) []entitlements.Outcome {
	var out []entitlements.Outcome
	for _, want := range []entitlements.Status{entitlements.Eligible, entitlements.MayBeEligible, entitlements.Check} {
		for _, g := range entitlements.Groups {
			for _, o := range entitlements.Ranked(rep, g) {
				if o.Status == want {
					out = append(out, o)
				}
			}
		}
	}
	return out
}

var statusHeading = map[entitlements.Status]string{
	entitlements.Eligible:      "What you can get",
	entitlements.MayBeEligible: "What you may be able to get, worth asking for",
	entitlements.Check:         "What needs checking",
}

// fullList reads every result for each child, by status, each with why and what to do.
func (l *lineSession) fullList() {
	for i := 0; i < l.s.NumChildren(); i++ {
		rep := l.s.Result(i).Report()
		if l.s.NumChildren() > 1 {
			l.say("Results for %s.", l.s.Child(i).Label)
		}
		var last entitlements.Status
		for n, o := range shownOutcomes(rep) {
			if o.Status != last {
				l.say("%s:", statusHeading[o.Status])
				last = o.Status
			}
			l.say("%d. %s.", n+1, o.Title)
			for _, w := range o.Why {
				l.say("   %s", spoken(w))
			}
			for _, f := range o.Figures {
				l.say("   %s.", spoken(entitlements.FigureWords(f)))
			}
			if len(o.NextSteps) > 0 {
				l.say("   What to do: %s", spoken(o.NextSteps[0]))
			}
		}
		var not []string
		for _, o := range rep.Outcomes {
			if o.Status == entitlements.NotEligible {
				not = append(not, o.Title)
			}
		}
		if len(not) > 0 {
			l.say("Not possible on these answers: %s.", strings.Join(not, "; "))
		}
		l.say("")
	}
}

// more reads everything about one result.
func (l *lineSession) more() error {
	i, err := l.whichChild("Which child is the result about?")
	if err != nil || i < 0 {
		return err
	}
	shown := shownOutcomes(l.s.Result(i).Report())
	if len(shown) == 0 {
		l.say("There are no results to read more about.")
		return nil
	}
	for n, o := range shown {
		l.say("  %d. %s", n+1, o.Title)
	}
	line, err := l.read(fmt.Sprintf("Type the number of the result, from 1 to %d: ", len(shown)))
	if err != nil {
		return err
	}
	n, convErr := strconv.Atoi(line)
	if convErr != nil || n < 1 || n > len(shown) {
		l.say("Type one of the result numbers, from 1 to %d, next time.", len(shown))
		return nil
	}
	o := shown[n-1]
	l.say("%s: %s.", o.Title, entitlements.StatusWords(o.Status))
	l.say("%s", spoken(o.Summary))
	for _, w := range o.Why {
		l.say("Why: %s", spoken(w))
	}
	for _, w := range o.WouldChange {
		l.say("What would change it: %s", spoken(w))
	}
	for k, w := range o.NextSteps {
		l.say("Step %d: %s", k+1, spoken(w))
	}
	for _, src := range o.Sources {
		l.say("Source: %s, %s, checked %s.", spoken(src.Title), src.URL, wizard.DateWords(src.Checked))
	}
	if len(o.Requests) > 0 {
		var titles []string
		for _, id := range o.Requests {
			titles = append(titles, requestTitle(id))
		}
		l.say("Letters you can send about this: %s.", strings.Join(titles, "; "))
	}
	l.say("")
	return nil
}

// whichChild asks which child, when there is more than one. -1: none chosen.
func (l *lineSession) whichChild(question string) (int, error) {
	if l.s.NumChildren() == 1 {
		return 0, nil
	}
	l.say("%s", question)
	for i, c := range l.s.Children() {
		l.say("  %d. %s", i+1, c.Label)
	}
	line, err := l.read(fmt.Sprintf("Type a number from 1 to %d: ", l.s.NumChildren()))
	if err != nil {
		return -1, err
	}
	n, convErr := strconv.Atoi(line)
	if convErr != nil || n < 1 || n > l.s.NumChildren() {
		l.say("No child was chosen.")
		return -1, nil
	}
	return n - 1, nil
}

var (
	isoDate    = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
	taxYear    = regexp.MustCompile(`\b(20\d\d)-(\d\d)\b`)
	arrows     = strings.NewReplacer(" -> ", " to ", "->", " to ", "→", " to ", " – ", ", ", " — ", ", ", "✓", "", "✗", "", "…", "")
	doubleStop = regexp.MustCompile(`\.\.(\s|$)`)
)

// spoken makes text read well aloud: dates in words ("14 March 2024"), years as "2025 to
// 2026", no arrows or symbols that a screen reader reads as punctuation.
func spoken(s string) string {
	s = isoDate.ReplaceAllStringFunc(s, wizard.DateWords)
	s = taxYear.ReplaceAllString(s, "$1 to 20$2")
	s = arrows.Replace(s)
	return doubleStop.ReplaceAllString(s, ".$1")
}
