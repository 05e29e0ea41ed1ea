package wizard

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	e "kincare/entitlements"
)

func answersOf(t testing.TB, m map[e.Key]string) e.Answers {
	t.Helper()
	var a e.Answers
	for k, v := range m {
		if err := a.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// threeGrandchildren is Margaret's family: three grandchildren under one special guardianship
// arrangement after care, of 7, 2 and 12.
func threeGrandchildren(t testing.TB) e.Family {
	shared := map[e.Key]string{e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no",
		e.LegalStatus: "sgo", e.CouncilInvolved: "yes", e.PreviouslyLookedAfter: "yes", e.SGFinancialSupport: "no",
		e.CourtCase: "none", e.ConsideringOrder: "none", e.ParentsDied: "none", e.ChildDisabled: "no", e.ChildDLA: "no", e.EHCP: "no"}
	child := func(name, age, stage string) e.FamilyChild {
		m := map[e.Key]string{e.ChildAge: age}
		for k, v := range shared {
			m[k] = v
		}
		if stage != "" {
			m[e.EducationKey] = stage
			if stage == "primary" || stage == "secondary" {
				m[e.SchoolType] = "state"
			}
		}
		return e.FamilyChild{Name: name, Answers: answersOf(t, m)}
	}
	return e.Family{
		Household: answersOf(t, map[e.Key]string{e.Country: "england", e.User: "carer", e.CouncilKey: "Leeds",
			e.Benefits: "yes", e.CarerPensionAge: "yes", e.InWork: "no"}),
		Children: []e.FamilyChild{child("Tyler", "7", "primary"), child("Ava", "2", "early_years"), child("Max", "12", "secondary")},
	}
}

func TestFamilyOfThreeAskedHouseholdQuestionsOnce(t *testing.T) {
	rep, s := ReplayFamily(threeGrandchildren(t), asOf)
	if !rep.Done {
		t.Fatal("the session did not finish")
	}
	if s.NumChildren() != 3 {
		t.Fatalf("%d children", s.NumChildren())
	}
	seen := map[string]int{}
	for _, n := range rep.Household {
		seen[n]++
	}
	for _, k := range e.HouseholdKeys {
		if seen[k.String()] > 1 {
			t.Errorf("%s asked %d times", k, seen[k.String()])
		}
		for _, c := range rep.Children {
			if slices.Contains(c.Asked, k.String()) {
				t.Errorf("%s asked about %s, not the household", k, c.Name)
			}
		}
	}
	for _, want := range []string{"council", "benefits", "carer_pension_age"} {
		if seen[want] != 1 {
			t.Errorf("%s asked %d times; want once for the family", want, seen[want])
		}
	}
	for i, c := range rep.Children {
		if len(c.Asked) < 5 {
			t.Errorf("%s: only %v asked", c.Name, c.Asked)
		}
		if got, want := s.Result(i).Status("sg_support_assessment"), e.Eligible; got != want {
			t.Errorf("%s: sg_support_assessment %s, want %s", c.Name, got, want)
		}
	}
	t.Logf("household %d questions, children %d/%d/%d", len(rep.Household), len(rep.Children[0].Asked), len(rep.Children[1].Asked), len(rep.Children[2].Asked))
}

// answerAll answers every question from m (by value), skipping what m lacks, until done.
func answerAll(t *testing.T, s *Session, m map[e.Key]string) Step {
	t.Helper()
	st := s.Current()
	for n := 0; !st.Done; n++ {
		if n > 200 {
			t.Fatal("the session never ended")
		}
		v, ok := m[st.Ask.Key]
		if !ok {
			st = s.Skip(st.Ask)
			continue
		}
		var err error
		if st, err = s.Answer(st.Ask, v); err != nil {
			t.Fatalf("%s: %q refused: %v", st.Ask.Key, v, err)
		}
	}
	return st
}

func TestSameAsAnotherChild(t *testing.T) {
	s := NewSession(asOf)
	s.RenameChild(0, "Tyler")
	answerAll(t, s, map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes",
		e.ParentInHome: "no", e.LegalStatus: "sgo", e.CouncilInvolved: "yes", e.PreviouslyLookedAfter: "yes", e.ChildAge: "7",
		e.OrderDate: "14/3/2024"})
	st, err := s.AddChild("Ava")
	if err != nil {
		t.Fatal(err)
	}
	a := st.Ask
	if a.Child != 1 || a.ChildName != "Ava" || a.Key != e.Relationship {
		t.Fatalf("after adding Ava the next question is %s about %q", a.Key, a.ChildName)
	}
	if len(a.Choices) == 0 || !a.Choices[0].Same || a.Choices[0].Label != "Same as Tyler (Grandparent)" {
		t.Fatalf("first choice %+v; want Same as Tyler (Grandparent)", a.Choices[0])
	}
	if st, err = s.Choose(a, 1); err != nil {
		t.Fatal(err)
	}
	if got := s.Own(1).Value(e.Relationship); got != "grandparent" {
		t.Errorf("Same as Tyler stored %q", got)
	}
	// Typed words work too, and a question whose answer is the child's own offers no "Same as".
	for !st.Done && st.Ask.Key != e.LegalStatus {
		if st.Ask.Key == e.ChildAge {
			if st.Ask.SameAs != nil {
				t.Error("age offered Same as Tyler")
			}
			st, err = s.Answer(st.Ask, "2")
		} else {
			st, err = s.Answer(st.Ask, "same")
		}
		if err != nil {
			t.Fatal(st.Ask.Key, err)
		}
	}
	if st.Ask.SameAs == nil || st.Ask.SameAs.Words != "Special guardianship order" {
		t.Fatalf("legal status same-as %+v", st.Ask.SameAs)
	}
	if st, err = s.Answer(st.Ask, "Same as Tyler"); err != nil {
		t.Fatal(err)
	}
	if s.Own(1).Value(e.LegalStatus) != "sgo" {
		t.Errorf("legal status %q", s.Own(1).Value(e.LegalStatus))
	}
	// A typed question siblings usually share offers the same too: the date of the order.
	a = s.AskFor(Ref{e.OrderDate, 1})
	if a.SameAs == nil || a.SameAs.Words != "14 March 2024" || !a.Typed() {
		t.Fatalf("order date same-as %+v", a.SameAs)
	}
	if _, err := s.AnswerSame(a); err != nil || s.Own(1).Value(e.OrderDate) != "2024-03-14" {
		t.Errorf("order date %q, %v", s.Own(1).Value(e.OrderDate), err)
	}
	// The first child is never offered "Same as".
	if s.AskFor(Ref{e.LegalStatus, 0}).SameAs != nil {
		t.Error("the first child was offered Same as")
	}
}

func TestChangingAHouseholdAnswerReassessesEveryChild(t *testing.T) {
	s, err := FromFamily(threeGrandchildren(t), asOf)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Reopen(Ref{Key: e.Country, Child: 2})
	if a.Child != Household || !a.Editing || a.Value != "england" {
		t.Fatalf("reopened %+v", a.Ref)
	}
	st, err := s.Answer(a, "Wales")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Edit {
		t.Error("a changed answer is not marked as an edit")
	}
	if len(st.Changes) != 3 {
		t.Fatalf("changes for %d children; want all 3", len(st.Changes))
	}
	for i, cc := range st.Changes {
		if cc.Child != i || cc.Name != []string{"Tyler", "Ava", "Max"}[i] || len(cc.Changes) == 0 {
			t.Errorf("changes %d: %+v", i, cc)
		}
		fresh := e.Assess(s.Answers(i), asOf)
		if fresh.Arrangement != e.ArrOutsideEngland || s.Result(i).Arrangement != fresh.Arrangement {
			t.Errorf("%s: arrangement %s, fresh %s", cc.Name, s.Result(i).Arrangement, fresh.Arrangement)
		}
		for _, id := range e.OutcomeIDs() {
			if s.Result(i).Status(id) != fresh.Status(id) {
				t.Errorf("%s: %s kept %s, fresh %s", cc.Name, id, s.Result(i).Status(id), fresh.Status(id))
			}
		}
	}
	// A child's own answer changes that child only.
	st, err = s.Answer(s.Reopen(Ref{e.ChildAge, 1}), "17")
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range st.Changes {
		if cc.Child != 1 {
			t.Errorf("changing Ava's age moved %s's results", cc.Name)
		}
	}
}

func TestRemovingAndRenamingChildren(t *testing.T) {
	s, _ := FromFamily(threeGrandchildren(t), asOf)
	ids := []string{s.Child(0).ID, s.Child(1).ID, s.Child(2).ID}
	if ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == "" {
		t.Fatalf("ids %v are not distinct", ids)
	}
	s.Skip(s.AskFor(Ref{e.EHCP, 2}))
	if _, err := s.RemoveChild(1); err != nil {
		t.Fatal(err)
	}
	if s.NumChildren() != 2 || s.Child(0).Name != "Tyler" || s.Child(1).Name != "Max" || s.Child(1).ID != ids[2] {
		t.Fatalf("after removing Ava: %+v", s.Children())
	}
	if got := s.Asked(); len(got) != 1 || got[0] != (Ref{e.EHCP, 1}) {
		t.Errorf("Max's skip should now be about child 1: %v", got)
	}
	if !slices.Equal(s.Skipped(1), []e.Key{e.EHCP}) {
		t.Errorf("Max's skipped keys %v", s.Skipped(1))
	}
	if err := s.RenameChild(1, "Maxwell \x1b[31m"); err != nil || s.Child(1).Name != "Maxwell" {
		t.Errorf("rename: %q, %v", s.Child(1).Name, err)
	}
	if err := s.RenameChild(0, strings.Repeat("a", 101)); err == nil {
		t.Error("a 101-letter name was accepted")
	}
	s.RemoveChild(1)
	if _, err := s.RemoveChild(0); err == nil {
		t.Error("the only child was removed")
	}
	for s.NumChildren() < e.MaxChildren {
		if _, err := s.AddChild(""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddChild("Thirteen"); err == nil {
		t.Error("a thirteenth child was added")
	}
	if s.Child(12-1).Label != "Child 12" {
		t.Errorf("an unnamed child is labelled %q", s.Child(11).Label)
	}
}

func TestSkippingKeepsTheQuestionOpen(t *testing.T) {
	s := NewSession(asOf)
	st := answerUntil(t, s, e.LegalStatus, map[e.Key]string{e.Country: "england", e.Relationship: "aunt_uncle", e.LivingWithCarer: "yes", e.ParentInHome: "no"})
	st = s.Skip(st.Ask)
	if st.Ask.Key == e.LegalStatus {
		t.Fatal("a skipped question was asked again at once")
	}
	if st.Ask.Key == e.CouncilInvolved {
		t.Error("council_involved asked with the legal status unknown (assess.md: only 'with' a legal status)")
	}
	if !slices.Contains(s.Skipped(0), e.LegalStatus) {
		t.Errorf("skipped %v", s.Skipped(0))
	}
	open := false
	for _, a := range st.Open {
		open = open || a.Key == e.LegalStatus
	}
	if !open {
		t.Error("the skipped legal status is not among the open questions")
	}
	lines := s.Answered()
	if l := lines[len(lines)-1]; l.Key != e.LegalStatus || l.Words != "(skipped)" {
		t.Errorf("last answer line %+v", l)
	}
	// A saved case keeps its skips.
	again, _ := Resume(Start{AsOf: asOf, Household: s.Household(), HouseholdSkipped: s.Skipped(Household),
		Children: []ChildStart{{Answers: s.Own(0), Skipped: s.Skipped(0)}}})
	if a := again.Current().Ask; a.Key == e.LegalStatus {
		t.Error("a skip was lost on resuming")
	}
	// Answering an open question right there settles it.
	st, err := again.Answer(again.AskFor(Ref{e.LegalStatus, 0}), "3")
	if err != nil || again.Own(0).Value(e.LegalStatus) != "sgo" || !st.Edit {
		t.Errorf("legal status %q, edit %v, %v", again.Own(0).Value(e.LegalStatus), st.Edit, err)
	}
	// Going back forgets the last answer and asks it again, with the same number.
	before := again.Current().Ask
	back := again.Back()
	if back.Ask.Key != e.LegalStatus || back.Ask.Number > before.Number {
		t.Errorf("back gave %s number %d (was at %d)", back.Ask.Key, back.Ask.Number, before.Number)
	}
}

func answerUntil(t *testing.T, s *Session, stop e.Key, m map[e.Key]string) Step {
	t.Helper()
	st := s.Current()
	for !st.Done && st.Ask.Key != stop {
		var err error
		if st, err = s.Answer(st.Ask, m[st.Ask.Key]); err != nil {
			t.Fatalf("%s: %v", st.Ask.Key, err)
		}
	}
	return st
}

func TestRefusedAnswersSayWhatToType(t *testing.T) {
	s := NewSession(asOf)
	age := s.AskFor(Ref{e.ChildAge, 0})
	for in, want := range map[string]string{"two": msgAge, "": msgEmpty, "26": msgAgeRange, "-1": msgAgeRange} {
		_, err := s.Answer(age, in)
		var ae *AnswerError
		if !errors.As(err, &ae) || ae.Message != want {
			t.Errorf("age %q: %v; want %q", in, err, want)
		}
	}
	if _, err := s.Answer(age, "7 years old"); err != nil || s.Own(0).Value(e.ChildAge) != "7" {
		t.Errorf("7 years old: %v", err)
	}
	country := s.AskFor(Ref{e.Country, 0})
	if _, err := s.Answer(country, "9"); err == nil || err.Error() != "Choose an answer by its number, from 1 to 5." {
		t.Errorf("9 of 5: %v", err)
	}
	if _, err := s.Answer(s.AskFor(Ref{e.OrderDate, 0}), "next Tuesday"); err == nil || err.Error() != msgDate {
		t.Errorf("a date that is not one: %v", err)
	}
	if _, err := s.Answer(s.AskFor(Ref{e.OrderDate, 0}), "1/1/2027"); err == nil || err.Error() != msgFutureDate {
		t.Errorf("a date after today: %v", err)
	}
	if _, err := s.Answer(s.AskFor(Ref{e.CouncilKey, 0}), "1"); err == nil || err.Error() != msgCouncil {
		t.Errorf("a number for a council: %v", err)
	}
	// A council kincare does not know is kept as typed, and stays among the open questions.
	st, err := s.Answer(s.AskFor(Ref{e.CouncilKey, 0}), "Harrogate")
	open := false
	for _, a := range st.Open {
		open = open || a.Key == e.CouncilKey
	}
	if err != nil || !open {
		t.Errorf("an unknown council is not open: %v %v", err, open)
	}
	s.Forget(Ref{e.CouncilKey, 0})
	// A refused answer changes nothing.
	if s.Own(0).Value(e.ChildAge) != "7" || s.Household().Has(e.Country) {
		t.Error("a refused answer changed the case")
	}
}

func TestQuestionsFitTheChild(t *testing.T) {
	base := map[e.Key]string{e.Country: "england", e.Relationship: "aunt_uncle", e.LivingWithCarer: "yes", e.ParentInHome: "no",
		e.LegalStatus: "none", e.CouncilInvolved: "no", e.Duration: "28_days_or_more", e.ChildDisabled: "no", e.ConsideringOrder: "none",
		e.CourtCase: "none", e.CouncilKey: "Bolton", e.InWork: "yes"}
	ask := func(age string, extra map[e.Key]string) (asked []e.Key, s *Session) {
		s = NewSession(asOf)
		m := map[e.Key]string{e.ChildAge: age}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		st := s.Current()
		for !st.Done {
			asked = append(asked, st.Ask.Key)
			if st.Ask.Key == e.EducationKey {
				var vs []string
				for _, c := range st.Ask.Choices {
					vs = append(vs, c.Value)
				}
				if age == "7" && !slices.Equal(vs, []string{"primary", "not_in_education"}) {
					t.Errorf("stages offered at 7: %v", vs)
				}
			}
			v, ok := m[st.Ask.Key]
			if !ok {
				st = s.Skip(st.Ask)
				continue
			}
			st, _ = s.Answer(st.Ask, v)
		}
		return asked, s
	}
	// Ava, 2, with the stage skipped: no school questions.
	asked, _ := ask("2", nil)
	if slices.Contains(asked, e.SchoolType) {
		t.Errorf("a 2-year-old was asked the type of school: %v", asked)
	}
	asked, _ = ask("9", map[e.Key]string{e.EducationKey: "not_in_education"})
	if slices.Contains(asked, e.SchoolType) {
		t.Errorf("a child not in education was asked the type of school")
	}
	asked, _ = ask("7", map[e.Key]string{e.EducationKey: "primary"})
	if !slices.Contains(asked, e.EducationKey) {
		t.Errorf("the stage of education was not asked at 7: %v", asked)
	}
	// Parents' deaths skipped: the other parent's situation is not asked.
	asked, _ = ask("7", nil)
	if slices.Contains(asked, e.SurvivingParent) {
		t.Error("the surviving parent's situation was asked with the deaths unknown")
	}
	asked, _ = ask("7", map[e.Key]string{e.ParentsDied: "one"})
	if !slices.Contains(asked, e.SurvivingParent) {
		t.Error("the surviving parent's situation was not asked after one parent died")
	}
	// A special guardian is asked about a different order, without the one they hold.
	s := NewSession(asOf)
	s.Answer(s.AskFor(Ref{e.LegalStatus, 0}), "sgo")
	a := s.AskFor(Ref{e.ConsideringOrder, 0})
	if !strings.Contains(a.Prompt, "a different order, such as adoption") {
		t.Errorf("considering an order, for a special guardian: %q", a.Prompt)
	}
	for _, c := range a.Choices {
		if c.Value == "sgo" {
			t.Error("a special guardian was offered special guardianship as a different order")
		}
	}
	// "Not sure" is offered for a court case and, where the contract allows it, a parent's death.
	for _, k := range []e.Key{e.CourtCase, e.ParentsDied} {
		if !slices.Contains(k.Spec().Values, e.NotSure) || !strings.HasPrefix(QuestionFor(k).OptionLabel(e.NotSure), "Not sure") {
			t.Errorf("%s: Not sure is not offered", k)
		}
	}
	if QuestionFor(e.CourtCase).OptionLabel(e.NotSure) == "" {
		t.Error("no Not sure for a court case")
	}
}

func TestParseDatesAsPeopleSayThem(t *testing.T) {
	for in, want := range map[string]string{
		"14/3/2024": "2024-03-14", "14 March 2024": "2024-03-14", "14th of March, 2024": "2024-03-14", "14 mar 24": "2024-03-14",
		"March 2024": "2024-03", "Mar 24": "2024-03", "march 2024": "2024-03", "3/2024": "2024-03", "Sept 2025": "2025-09",
		"2024-03": "2024-03", "jan 2026": "2026-01",
	} {
		if got, err := ParseDateOrMonthInput(in); err != nil || got != want {
			t.Errorf("ParseDateOrMonthInput(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// A day alone is wanted for other dates (when a letter was sent): a month is refused there.
	if got, err := ParseDateInput("March 2024"); err == nil {
		t.Errorf("ParseDateInput(March 2024) = %q; a month is not a day", got)
	}
	for v, want := range map[string]string{"2024-03-14": "14 March 2024", "2024-03": "March 2024"} {
		if got := DateWords(v); got != want {
			t.Errorf("DateWords(%q) = %q", v, got)
		}
	}
}

// askedAlone is what the session heard for child i: the household's and the child's answers
// given through it, from the whole file.
func askedAlone(s *Session, i int) e.Answers {
	var a e.Answers
	for _, k := range e.AllKeys() {
		if v, ok := s.Household().Get(k); ok {
			a.Set(k, v)
		}
		if v, ok := s.Own(i).Get(k); ok {
			a.Set(k, v)
		}
	}
	return a
}

// askable is child i's answers in the file without those no person could give through the
// session: a key described "with ..." whose condition does not hold (assess.md "Answers": not
// asked "even where the walk says it could matter"), the type of school for a child not at
// school, and a choice the child's question does not offer (a stage of education impossible at
// the age, a "different order" that is the order held).
func askable(f e.Family, i int) e.Answers {
	a := f.Merged(i)
	// The carer's own questions are asked once: a child's own value for one, which a file may
	// give, cannot come from asking.
	for _, k := range e.HouseholdKeys {
		a.Clear(k)
		v, ok := f.Household.Get(k)
		for c := 0; !ok && c < len(f.Children); c++ {
			v, ok = f.Children[c].Answers.Get(k)
		}
		if ok {
			a.Set(k, v)
		}
	}
	return askableAnswers(a)
}

// askableAnswers is one child's answers without those no question could take (see askable).
func askableAnswers(a e.Answers) e.Answers {
	for changed := true; changed; {
		changed = false
		for k := e.Key(0); k < e.NumKeys; k++ {
			v, ok := a.Get(k)
			if !ok {
				continue
			}
			q := fitted(QuestionFor(k), &a)
			if (q.When != nil && !q.When(&a)) || (q.Kind == e.Choice && q.OptionLabel(v) == "") {
				a.Clear(k)
				changed = true
			}
		}
	}
	return a
}

// sameFamilyOutcomes asserts that each child's asked answers, assessed alone, give the whole
// file's arrangement and statuses: nothing the session left unasked mattered.
func sameFamilyOutcomes(t *testing.T, name string, f e.Family, s *Session, d e.Date) {
	t.Helper()
	for i := range f.Children {
		want := e.Assess(askable(f, i), d)
		got := e.Assess(askedAlone(s, i), d)
		if got.Arrangement != want.Arrangement {
			t.Errorf("%s child %d: arrangement %s from the asked answers, %s from the file", name, i, got.Arrangement, want.Arrangement)
		}
		for _, id := range e.OutcomeIDs() {
			if got.Status(id) != want.Status(id) {
				t.Errorf("%s child %d: %s is %s from the asked answers, %s from the file", name, i, id, got.Status(id), want.Status(id))
			}
		}
	}
}

// sharedScenarios are the worked cases: the copies in the engine's tests and, when present,
// the shared folder. A single child becomes a family of one.
func sharedScenarios(t *testing.T) map[string]e.Input {
	files, _ := filepath.Glob("../entitlements/testdata/scenarios/*.json")
	more, _ := filepath.Glob("../../shared/scenarios/*.json")
	out := map[string]e.Input{}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in, err := e.ParseInput(data)
		if err != nil {
			t.Logf("%s: not read by this engine yet: %v", filepath.Base(f), err)
			continue
		}
		if in.Family == nil {
			in.Family = &e.Family{Children: []e.FamilyChild{{Name: "the child", Answers: in.Answers}}}
		}
		out[filepath.Base(f)] = in
	}
	if len(out) == 0 {
		t.Fatal("no scenarios found")
	}
	return out
}

func TestSessionScenariosAskEnough(t *testing.T) {
	var counts []int
	for name, in := range sharedScenarios(t) {
		d := asOf
		if in.AsOf != nil {
			d = *in.AsOf
		}
		rep, s := ReplayFamily(*in.Family, d)
		if !rep.Done {
			t.Errorf("%s: the session did not finish", name)
		}
		sameFamilyOutcomes(t, name, *in.Family, s, d)
		counts = append(counts, rep.Questions())
		// A file that leaves questions out makes the session ask (and skip) them; the bound
		// is for one child whose family answers everything it is asked.
		// The details for letters (the order's date and council) do not count.
		matter := rep.Questions()
		for _, n := range rep.Children[0].Asked {
			if n == "order_date" || n == "placing_council" {
				matter--
			}
		}
		if len(in.Family.Children) == 1 && matter > 20 && len(s.Skipped(0))+len(s.Skipped(Household)) == 0 {
			t.Errorf("%s: %d questions that can change a result asked; no one child should need more than 20", name, matter)
		}
	}
	sort.Ints(counts)
	t.Logf("questions per scenario: median %d, max %d, over %d scenarios", counts[len(counts)/2], counts[len(counts)-1], len(counts))
}

// randomFamily is 1 to 4 children with the household's answers given once; a later child
// often shares the first child's answer where siblings usually do, and each child's stage of
// education is one possible at its age.
func randomFamily(r *rand.Rand) e.Family {
	var f e.Family
	h := randomAnswers(r, 0.15)
	for _, k := range e.HouseholdKeys {
		if v, ok := h.Get(k); ok {
			f.Household.Set(k, v)
		}
	}
	n := 1 + r.IntN(4)
	for i := 0; i < n; i++ {
		a := randomAnswers(r, 0.15)
		for _, k := range e.HouseholdKeys {
			a.Clear(k)
		}
		if i > 0 {
			for k := e.Key(0); k < e.NumKeys; k++ {
				if sharedKeys[k] && r.IntN(3) > 0 {
					if v, ok := f.Children[0].Answers.Get(k); ok {
						a.Set(k, v)
					}
				}
			}
		}
		if v, ok := a.Get(e.EducationKey); ok && !stagesFor(&a)[v] {
			a.Clear(e.EducationKey)
			for _, s := range stageAges {
				if stagesFor(&a)[s.value] && r.IntN(2) == 0 {
					a.Set(e.EducationKey, s.value)
				}
			}
		}
		f.Children = append(f.Children, e.FamilyChild{Name: string(rune('A' + i)), Answers: a})
	}
	return f
}

func TestGeneratedFamiliesAskEnough(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := 1500
	if testing.Short() {
		n = 200
	}
	total, children := 0, 0
	for i := 0; i < n; i++ {
		f := randomFamily(r)
		rep, s := ReplayFamily(f, asOf)
		if !rep.Done {
			t.Fatalf("family %d: the session did not finish", i)
		}
		seen := map[string]bool{}
		for _, k := range rep.Household {
			if seen[k] {
				t.Fatalf("family %d: household question %s asked twice", i, k)
			}
			seen[k] = true
		}
		sameFamilyOutcomes(t, "family "+string(rune('0'+i%10)), f, s, asOf)
		if t.Failed() {
			t.Fatalf("family %d: %+v", i, f)
		}
		total += rep.Questions()
		children += len(f.Children)
	}
	t.Logf("%d families, %d children, %.1f questions per child", n, children, float64(total)/float64(children))
}

// Random walks through families of one to three children: each walk ends, no question is
// asked twice about the same child (nor a carer's own question twice), and every question asked
// could change the child's arrangement or a result once the other unknowns are filled in.
func TestSessionWalksAskOnlyWhatMatters(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	walks := 150
	if testing.Short() {
		walks = 30
	}
	for i := 0; i < walks; i++ {
		s := NewSession(asOf)
		for c := 1; c < 1+r.IntN(3); c++ {
			s.AddChild("")
		}
		s.SetFocus(0)
		seen := map[Ref]bool{}
		st := s.Current()
		for step := 0; !st.Done; step++ {
			if step > (int(e.NumKeys)+1)*4 {
				t.Fatal("a walk did not end")
			}
			a := st.Ask
			if seen[a.Ref] {
				t.Fatalf("walk %d: %s asked twice about %q", i, a.Key, a.About())
			}
			seen[a.Ref] = true
			child := max(a.Child, 0)
			if !a.Extra && a.Child == Household {
				// A carer's own question matters for some child.
				matters := false
				for c := 0; c < s.NumChildren() && !matters; c++ {
					matters = decidesSometimes(r, s.Answers(c), a.Key, asOf)
				}
				if !matters {
					t.Fatalf("walk %d: the household was asked %s, which could change nothing", i, a.Key)
				}
			} else if !a.Extra && !decidesSometimes(r, s.Answers(child), a.Key, asOf) {
				t.Fatalf("walk %d: %s was asked about child %d but could change nothing (answers %v)", i, a.Key, child, s.Answers(child))
			}
			var err error
			switch {
			case r.IntN(10) == 0:
				st = s.Skip(a)
			case !a.Typed():
				st, err = s.Choose(a, 1+r.IntN(len(a.Choices)))
			case a.Key == e.ChildAge:
				st, err = s.Answer(a, []string{"1", "2", "3", "5", "12", "16", "17", "19", "23"}[r.IntN(9)])
			case a.Key == e.OrderDate:
				st, err = s.Answer(a, []string{"14/3/2024", "March 2024", "1 Jan 2020"}[r.IntN(3)])
			default:
				// Known councils only: the check above cannot fill in an unknown one.
				st, err = s.Answer(a, []string{"Bolton", "Leeds", "Camden"}[r.IntN(3)])
			}
			if err != nil {
				st = s.Skip(a)
			}
		}
	}
}

// fourChildren is a family of four half way through a call: three grandchildren answered in
// full, and Lily, just added, with the answers she shares with them ("Same as Tyler") but not
// yet her own (age, school, health).
func fourChildren(b testing.TB) *Session {
	f := threeGrandchildren(b)
	lily := f.Children[0].Answers
	for _, k := range []e.Key{e.ChildAge, e.EducationKey, e.SchoolType, e.ChildDisabled, e.ChildDLA, e.EHCP} {
		lily.Clear(k)
	}
	f.Children = append(f.Children, e.FamilyChild{Name: "Lily", Answers: lily})
	s, err := FromFamily(f, asOf)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkNext is choosing the next question (and the open ones) for a family of four: what
// happens after every answer.
func BenchmarkNext(b *testing.B) {
	s := fourChildren(b)
	b.ReportAllocs()
	for b.Loop() {
		if st := s.Current(); st.Done {
			b.Fatal("done too early")
		}
	}
}

func s0(r Ref) string {
	if r.Child == Household {
		return "household"
	}
	return "child" + strconv.Itoa(r.Child)
}

// BenchmarkSessionKeystroke is one answer through the session for a family of four: the answer
// read, the child reassessed and compared, the next question and the open ones chosen. A
// household answer reassesses all four children.
func BenchmarkSessionKeystroke(b *testing.B) {
	for _, r := range []Ref{{e.ChildDisabled, 3}, {e.ChildDisabled, 1}, {e.Benefits, Household}} {
		b.Run(r.Key.String()+"/"+s0(r), func(b *testing.B) {
			s := fourChildren(b)
			a := s.AskFor(r)
			vals := []string{"1", "2", "3"}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := s.Answer(a, vals[i%3]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
