package tui

import (
	"slices"
	"testing"

	"kincare/storage"
)

// A question skipped in one session is not asked again when the case is opened later.
func TestSkippedQuestionsAreKeptWithTheCase(t *testing.T) {
	c := storage.Case{Label: "x", Household: []byte(`{"country":"england"}`)}
	cs, err := newCaseState(c, fixedToday)
	if err != nil {
		t.Fatal(err)
	}
	ask := cs.step.Ask
	q := ask.Question
	cs.apply(cs.s.Skip(ask))
	saved := cs.snapshot()
	if !slices.Contains(saved.Skipped(0), q.Name) {
		t.Fatalf("skipped keys not saved: %v", saved.Skipped(0))
	}
	again, err := newCaseState(saved, fixedToday)
	if err != nil {
		t.Fatal(err)
	}
	if next := again.step.Ask; next.Key == q.Key {
		t.Errorf("%s was skipped but is asked again after reopening", q.Name)
	}
	// Answering it later still works, and it is no longer listed as skipped.
	if _, err := again.s.Answer(again.s.AskFor(ask.Ref), q.Options[0].Value); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(again.snapshot().Skipped(0), q.Name) {
		t.Error("an answered question is still listed as skipped")
	}
}

// A case file on a network drive is flagged on the case list for as long as it is open.
func TestNetworkDriveWarningShown(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.send(dbStateMsg{exists: true, netWarn: "The case file is on a network drive"})
	d.m.store = storage.NewMemory()
	d.m.resetTo(d.m.list)
	d.run(d.m.refreshList())
	d.mustSee("! The case file is on a network drive", "No cases yet")
}

// A letter with gaps still in it warns before it is exported or marked as sent.
func TestLetterWithGapsWarnsBeforeItLeaves(t *testing.T) {
	st := storage.NewMemory()
	c := storage.Case{Label: "Gaps", Household: []byte(`{"country":"england","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"yes","council":"Leeds"}`)}
	if err := st.Save(&c); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	d.key("enter") // open the case
	d.key("l")     // letters
	d.mustSee("Letters")
	d.key("enter") // the first letter
	d.mustSee("Press d to fill in")
	d.key("x")
	d.mustSee("Before exporting: this letter still has")
	d.key("esc")
	d.key("m")
	d.mustSee("Before sending: this letter still has")
}
