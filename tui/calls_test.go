package tui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// The three helpline calls of the adviser review (reviews/2026-12-02-adviser-calls.md), each
// written as the answers the caller gives, taken through the real program loop. The keys are
// counted from "new case" on the case list to the read-out, without a case label.

// margaretCall: Margaret, 67, has had her grandson Tyler, 7, under a special guardianship
// order since January; he was in care before. She lives in Leeds, is retired on State Pension,
// and does not know about a parent's death, the type of school, or which council placed him.
var margaretCall = map[string]string{
	"country": "england", "relationship": "grandparent", "living_with_carer": "yes", "parent_in_home": "no",
	"legal_status": "sgo", "council_involved": "yes", "previously_looked_after": "yes",
	"child_age": "7", "child_disabled": "not_sure", "considering_order": "none", "court_case": "none",
	"council": "Lee|Leeds", "sg_financial_support": "no", "in_work": "no", "education": "primary",
	"parents_died": "none", "benefits": "not_sure", "carer_pension_age": "yes", "child_dla": "no",
	"order_date": "Jan 26",
}

// deanCall: Dean, 34, took his niece Ava, 2, three weeks ago, with no order and (he first says)
// without social services. He lives in Bolton and works full time.
var deanCall = map[string]string{
	"country": "england", "relationship": "aunt_uncle", "living_with_carer": "yes", "parent_in_home": "no",
	"legal_status": "none", "council_involved": "no", "child_age": "2", "duration": "under_28_days",
	"child_disabled": "no", "considering_order": "not_sure", "court_case": "none", "council": "Bol|Bolton",
	"in_work": "yes", "education": "not_yet", "parents_died": "none", "benefits": "no",
	"carer_pension_age": "no", "child_dla": "no",
}

// cardiffCall: an aunt in Cardiff with a child arrangements order for her niece, 15.
var cardiffCall = map[string]string{
	"country": "wales", "relationship": "aunt_uncle", "living_with_carer": "yes", "parent_in_home": "no",
	"legal_status": "cao", "child_age": "15", "council": "Cardiff", "in_work": "yes", "court_case": "none",
}

// callKey is one key of a call, with the question it answers (for the log when a count is over).
type callKey struct {
	question string
	key      tea.KeyPressMsg
}

// callKeys are the keys an adviser presses to give these answers, question by question, in
// the order the session asks them: a choice by its number then enter, a typed answer then
// enter, and a question the caller cannot answer skipped with one key. A typed answer written
// "Lee|Leeds" is typed as "Lee" and taken as the council the screen completes it to, Leeds.
// With resultsOnly the keys stop at the first question asked only for letters.
func callKeys(t *testing.T, answers map[string]string, resultsOnly bool) ([]callKey, []string) {
	t.Helper()
	var keys []callKey
	var asked []string
	s := wizard.NewSession(fixedToday)
	if _, err := s.Answer(s.AskFor(wizard.Ref{Key: entitlements.User, Child: wizard.Household}), "adviser"); err != nil {
		t.Fatal(err)
	}
	for st := s.Current(); !st.Done; {
		a := st.Ask
		name := a.Question.Name
		if resultsOnly && a.Extra {
			break
		}
		asked = append(asked, name)
		add := func(k string) { keys = append(keys, callKey{name, keyMsg(k)}) }
		v, ok := answers[name]
		if !ok {
			if a.Typed() {
				add("ctrl+s")
			} else {
				add("s")
			}
			st = s.Skip(a)
			continue
		}
		typed := v
		if before, after, ok := strings.Cut(v, "|"); ok {
			typed, v = before, after
		}
		if a.Typed() {
			for _, r := range typed {
				keys = append(keys, callKey{name, tea.KeyPressMsg{Code: r, Text: string(r)}})
			}
		} else {
			n := 0
			for i, c := range a.Choices {
				if c.Value == v {
					n = i + 1
				}
			}
			if n == 0 {
				t.Fatalf("%s: %q is not offered", name, v)
			}
			for _, r := range strconv.Itoa(n) {
				add(string(r))
			}
		}
		add("enter")
		var err error
		if st, err = s.Answer(a, v); err != nil {
			t.Fatalf("%s=%s: %v", name, v, err)
		}
	}
	return keys, asked
}

// takeCall runs a call from the case list to the read-out, at 80x24, and gives back the
// program, the keys pressed from "new case" to the read-out (the read-out key included) and
// the questions asked. The read-out must show every one of readOut.
func takeCall(t *testing.T, answers map[string]string, resultsOnly bool, readOut ...string) (*teatest.TestModel, int, []string) {
	t.Helper()
	m := New(Options{Store: storage.NewMemory(), NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	count := 0
	send := func(k string) { tm.Send(keyMsg(k)); count++ }
	send("ctrl+n")
	waitScreen(t, tm, "Who is using this?")
	send("2")
	send("enter")
	waitScreen(t, tm, "A short name")
	send("enter") // no label
	waitScreen(t, tm, "Which country")
	keys, asked := callKeys(t, answers, resultsOnly)
	perQuestion := map[string]int{}
	for _, k := range keys {
		tm.Send(k.key)
		count++
		perQuestion[k.question]++
	}
	if resultsOnly {
		waitScreen(t, tm, "Only for letters")
	} else {
		waitScreen(t, tm, "That is every question")
	}
	send("ctrl+r") // r on a choice or at the end; ctrl+r on a typed question too
	waitScreen(t, tm, append([]string{"Read-out summary"}, readOut...)...)
	t.Logf("%d questions, %d keys from new case to the read-out; keys per question: %v", len(asked), count, perQuestion)
	return tm, count, asked
}

// finish quits the program and gives back its model.
func finish(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	tm.Send(keyMsg("ctrl+q"))
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatal("no final model")
	}
	t.Cleanup(func() { fm.shutdown() })
	return fm
}

func has(list []string, name string) bool {
	for _, x := range list {
		if x == name {
			return true
		}
	}
	return false
}

// Margaret's call: every question that can change a result, then the read-out, within 45 keys.
func TestCallMargaretLeedsSGO(t *testing.T) {
	tm, count, asked := takeCall(t, margaretCall, true, "special guardian")
	fm := finish(t, tm)
	if count > 45 {
		t.Errorf("Margaret's call took %d keys to the read-out, more than 45 (questions: %v)", count, asked)
	}
	a := fm.cs.s.Answers(0)
	if got := a.Value(entitlements.CouncilKey); got != "Leeds" {
		t.Errorf("typing Lee then enter gave the council %q", got)
	}
	if has(asked, "surviving_parent") || has(asked, "sg_financial_support") && a.Value(entitlements.LegalStatus) != "sgo" {
		t.Errorf("a question that does not fit Margaret was asked: %v", asked)
	}
}

// The same call with the month of the order, which is all Margaret knows, and the council that
// looked after Tyler skipped: the month is taken as it is said.
func TestCallMargaretWithTheOrderMonth(t *testing.T) {
	tm, count, _ := takeCall(t, margaretCall, false, "special guardian")
	// One key shows the full list, and again the short read-out.
	tm.Send(keyMsg("f"))
	waitScreen(t, tm, "full list", "What you can get", "short one")
	tm.Send(keyMsg("f"))
	waitScreen(t, tm, "summary", "full list")
	fm := finish(t, tm)
	if got := fm.cs.s.Answers(0).Value(entitlements.OrderDate); got != "2026-01" {
		t.Errorf("the order month was kept as %q", got)
	}
	t.Logf("with the letters' details: %d keys", count)
}

// Dean's call: a 2-year-old with no order, within 40 keys; no school questions for her.
func TestCallDeanBoltonInformal(t *testing.T) {
	tm, count, asked := takeCall(t, deanCall, false, "Child Benefit")
	finish(t, tm)
	if count > 40 {
		t.Errorf("Dean's call took %d keys, more than 40 (questions: %v)", count, asked)
	}
	if has(asked, "school_type") {
		t.Errorf("a 2-year-old was asked the type of school: %v", asked)
	}
}

// Mid-call, Dean says "actually social services did arrange it": the answer is changed in three
// keys or fewer (c and the answer's number) plus the new answer, and what changed is shown whole.
func TestCallDeanChangesHisAnswer(t *testing.T) {
	// The answer's number, as "Answers so far" shows it, from the same call run directly.
	plain := map[string]string{}
	for k, v := range deanCall {
		if _, after, ok := strings.Cut(v, "|"); ok {
			v = after
		}
		plain[k] = v
	}
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n")
	d.pick("adviser")
	d.key("enter")
	d.answerAll(plain)
	number := 0
	for i, l := range d.iv().cs.answered {
		if l.Key == entitlements.CouncilInvolved {
			number = i + 1
		}
	}
	if number == 0 {
		t.Fatal("social services' answer is not in the answers so far")
	}
	total := len(d.iv().cs.answered)

	tm, _, _ := takeCall(t, deanCall, false, "Child Benefit")
	tm.Send(keyMsg("esc")) // back from the read-out to the questions
	waitScreen(t, tm, "That is every question")
	change := []string{"c"}
	for _, r := range strconv.Itoa(number) {
		change = append(change, string(r))
	}
	if number*10 <= total {
		change = append(change, "enter")
	}
	for _, k := range change {
		tm.Send(keyMsg(k))
	}
	waitScreen(t, tm, "Changing an earlier answer", "Did children's services arrange")
	tm.Send(keyMsg("1")) // yes, children's services arranged it
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "What changed:", "Fostering allowance")
	// The situation line at the top of the results is worked out again.
	tm.Send(keyMsg("o"))
	waitScreen(t, tm, "What the family can get", "may be in the council's care")
	fm := finish(t, tm)
	if len(change) > 3 {
		t.Errorf("reaching the answer took %d keys: %v", len(change), change)
	}
	t.Logf("keys to reach the answer: %d (%v), then the new answer: 2", len(change), change)
	if got := fm.cs.s.Answers(0).Value(entitlements.CouncilInvolved); got != "yes" {
		t.Fatalf("the answer is %q", got)
	}
}

// Pressing enter four times on a new case, through the program loop, ends on a question with
// nothing recorded: never on a result.
func TestCallEnterFourTimesEndsOnAQuestion(t *testing.T) {
	m := New(Options{Store: storage.NewMemory(), NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "Who is using this?")
	for range 4 {
		tm.Send(keyMsg("enter"))
	}
	waitScreen(t, tm, "Choose an answer (or s to skip)")
	fm := finish(t, tm)
	if fm.cs == nil {
		t.Fatal("no case was open after four enters")
	}
	if known := fm.cs.s.Answers(0).Known(); len(known) != 0 {
		t.Errorf("enter alone recorded answers: %v", known)
	}
	if _, onQuestions := fm.top().(*interviewScreen); !onQuestions {
		t.Errorf("four enters ended on %T, not a question", fm.top())
	}
}

// The Cardiff call: Wales, a child arrangements order, a 15-year-old. No school-age or
// under-five question that cannot fit, and the read-out gives Child Benefit.
func TestCallCardiffWales(t *testing.T) {
	tm, count, asked := takeCall(t, cardiffCall, false, "Child Benefit")
	finish(t, tm)
	t.Logf("Cardiff: %d questions, %d keys: %v", len(asked), count, asked)
	for _, q := range []string{"duration", "sg_financial_support"} {
		if has(asked, q) {
			t.Errorf("the Cardiff caller was asked %s", q)
		}
	}
}
