package tui

import (
	"slices"
	"testing"

	"kincare/entitlements"
	"kincare/storage"
)

// avaAnswers are a younger sister's own answers: the rest is the same as her brother's.
var avaAnswers = map[string]string{
	"relationship": "same", "living_with_carer": "same", "parent_in_home": "same", "legal_status": "same",
	"council_involved": "same", "previously_looked_after": "same", "child_age": "2", "duration": "same",
	"child_disabled": "no", "court_case": "same", "considering_order": "same", "sg_financial_support": "same",
	"parents_died": "same", "child_dla": "no", "order_date": "14/03/2024", "placing_council": "Leeds",
	"adopted_from_state_care_abroad": "no", "education": "not_yet",
}

// openFamily opens the grandmother's case, names the first child Tyler, answers every
// question about him, and adds his sister Ava.
func openFamily(d *driver) {
	openSGOCase(d)
	d.key("f2")
	d.typeText("Tyler")
	d.key("enter")
	d.answerAll(grandmaSGO)
	d.key("ctrl+n")
	d.typeText("Ava")
	d.key("enter")
}

// answerSister answers Ava's questions, choosing "Same as Tyler" where it is offered.
func (d *driver) answerSister(until string) {
	d.t.Helper()
	for i := 0; i < 60; i++ {
		iv := d.iv()
		if iv == nil || iv.form == nil || iv.ask.Question.Name == until {
			return
		}
		v, ok := avaAnswers[iv.ask.Question.Name]
		if v == "same" && iv.ask.SameAs != nil && !iv.form.typed {
			d.key("home", "enter")
			continue
		}
		if !ok || v == "same" {
			v = grandmaSGO[iv.ask.Question.Name]
		}
		d.answerOne(map[string]string{iv.ask.Question.Name: v})
	}
}

// The second child is asked none of the carer's own questions: the household's answers
// are carried over, and "Same as Tyler" comes first where siblings usually share an answer.
func TestFamilyHouseholdCarriedOver(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openFamily(d)
	d.mustSee("About Ava", "Same as Tyler (Grandparent)", "Tyler, 7:", "Ava:")
	var asked []string
	for i := 0; i < 60 && d.iv() != nil && d.iv().form != nil; i++ {
		asked = append(asked, d.iv().ask.Question.Name)
		if d.iv().ask.Child != 1 {
			t.Fatalf("%s asked about %q after Ava was added", d.iv().ask.Question.Name, d.iv().ask.About())
		}
		d.answerSister("")
	}
	for _, k := range []entitlements.Key{entitlements.Country, entitlements.CouncilKey, entitlements.InWork, entitlements.Benefits, entitlements.CarerPensionAge} {
		if slices.Contains(asked, k.String()) {
			t.Errorf("Ava was asked the household's %s", k)
		}
		if got, want := d.m.cs.s.Answers(1).Value(k), d.m.cs.s.Answers(0).Value(k); got != want || got == "" {
			t.Errorf("Ava's %s = %q, Tyler's %q", k, got, want)
		}
	}
	if v := d.m.cs.s.Own(1).Value(entitlements.LegalStatus); v != "sgo" {
		t.Errorf("Same as Tyler gave legal status %q", v)
	}
	d.mustSee("That is every question", "Ava, 2:")
}

// A family is saved and opened again with both children, their names and their answers.
func TestFamilySavedAndReopened(t *testing.T) {
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	openFamily(d)
	d.answerSister("child_disabled")
	d.key("s") // skipped for Ava only
	d.fire(saveTickMsg{})
	d.key("esc", "y") // close the case
	d.key("enter")
	cs := d.m.cs
	if cs == nil || cs.s.NumChildren() != 2 {
		t.Fatalf("family not reopened:\n%s", d.screen())
	}
	if a, b := cs.s.Child(0), cs.s.Child(1); a.Name != "Tyler" || b.Name != "Ava" || b.Age != 2 {
		t.Fatalf("children = %+v, %+v", a, b)
	}
	if !slices.Contains(cs.s.Skipped(1), entitlements.ChildDisabled) || slices.Contains(cs.s.Skipped(0), entitlements.ChildDisabled) {
		t.Fatalf("skipped: Tyler %v, Ava %v", cs.s.Skipped(0), cs.s.Skipped(1))
	}
	if cs.s.Household().Value(entitlements.CouncilKey) != "Leeds" {
		t.Fatalf("household lost: %v", cs.s.Household().Known())
	}
}

// Removing a child asks first, and takes only that child's answers away.
func TestFamilyRemoveChildAsksFirst(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openFamily(d)
	d.key("ctrl+x")
	d.mustSee("Remove Ava and their answers from this case? y / n")
	d.key("n")
	if d.m.cs.s.NumChildren() != 2 {
		t.Fatal("a child was removed without a yes")
	}
	d.key("ctrl+x", "y")
	if d.m.cs.s.NumChildren() != 1 || d.m.cs.s.Child(0).Name != "Tyler" {
		t.Fatalf("children after removing Ava: %+v", d.m.cs.s.Children())
	}
	d.mustSee("Ava was taken out of this case")
	d.mustNotSee("About Ava")
	d.key("ctrl+x")
	d.mustSee("only child cannot be removed")
}

// Moving between children puts the other child's questions first.
func TestFamilySwitchChild(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 60, 16)
	openSGOCase(d)
	d.answerUntil(grandmaSGO, "child_age")
	d.key("ctrl+n", "enter") // a second child, no name yet
	d.mustSee("About Child 2")
	d.key("ctrl+right")
	d.mustSee("About Child 1", "How old is the child")
	d.checkFits()
}
