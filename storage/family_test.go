package storage

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"kincare/entitlements"
)

func threeChildren(t *testing.T) entitlements.Family {
	t.Helper()
	in, err := entitlements.ParseInput([]byte(`{"household": {"country": "england", "council": "Leeds", "benefits": "yes"},
		"children": [
			{"name": "Tyler Okafor", "answers": {"legal_status": "sgo", "child_age": 7}},
			{"name": "Ava", "answers": {"legal_status": "sgo", "child_age": 2, "benefits": "no"}},
			{"name": "Mo", "answers": {}}]}`))
	if err != nil || in.Family == nil {
		t.Fatal(err)
	}
	return *in.Family
}

func TestFamilyRoundTrip(t *testing.T) {
	f := threeChildren(t)
	c, err := NewFamilyCase("Okafor", f)
	if err != nil {
		t.Fatal(err)
	}
	d := openT(t, filepath.Join(t.TempDir(), "k.db"), "pw")
	defer d.Close()
	if err := d.Save(&c); err != nil {
		t.Fatal(err)
	}
	got, err := d.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := got.Family()
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.Children {
		if back.Merged(i) != f.Merged(i) || back.Children[i].Name != f.Children[i].Name {
			t.Fatalf("child %d differs after save", i)
		}
	}
	// a child's own answer wins over the household's, in storage as in the engine
	var m map[string]any
	json.Unmarshal(got.MergedAnswers(1), &m)
	if m["benefits"] != "no" || m["council"] != "Leeds" {
		t.Fatalf("Ava's merged answers %v", m)
	}
	l, _ := d.List("")
	want := []ChildSummary{{"Tyler Okafor", 7}, {"Ava", 2}, {"Mo", -1}}
	if len(l) != 1 || len(l[0].Children) != 3 || l[0].Children[0] != want[0] || l[0].Children[1] != want[1] || l[0].Children[2] != want[2] {
		t.Fatalf("list %+v", l)
	}
	if s, _ := d.Search("ava", ""); len(s) != 1 {
		t.Fatal("a child's name does not find the case")
	}
	// ids stay with their children by position; an added child gets a new one
	ids := got.AllChildIDs()
	f.Children = append(f.Children, entitlements.FamilyChild{Name: "Zed"})
	if err := got.SetFamily(f); err != nil {
		t.Fatal(err)
	}
	if got.Children[0].ID != ids[0] || got.Children[2].ID != ids[2] || !validChildID(got.Children[3].ID) || got.ChildIndex(ids[1]) != 1 {
		t.Fatalf("ids after adding a child: %v then %v", ids, got.AllChildIDs())
	}
	f.Children = make([]entitlements.FamilyChild, 13)
	if err := got.SetFamily(f); err == nil {
		t.Fatal("13 children accepted")
	}
}

// A front end showing one child hands back that child's answers in one object: the
// household's part reaches every child.
func TestSetMergedAnswersSplits(t *testing.T) {
	c, _ := NewFamilyCase("x", threeChildren(t))
	if err := c.SetMergedAnswers(2, json.RawMessage(`{"country":"england","council":"York","legal_status":"cao"}`)); err != nil {
		t.Fatal(err)
	}
	var h, own, other map[string]any
	json.Unmarshal(c.Household, &h)
	json.Unmarshal(c.Children[2].Answers, &own)
	json.Unmarshal(c.MergedAnswers(0), &other)
	if h["council"] != "York" || h["benefits"] != nil || own["legal_status"] != "cao" || own["council"] != nil || other["council"] != "York" {
		t.Fatalf("household %v, child %v, first child %v", h, own, other)
	}
	c.SetSkipped(1, []string{"in_work", "school_stage"})
	if len(c.HouseholdSkipped) != 1 || len(c.Children[1].Skipped) != 1 || len(c.Skipped(0)) != 1 || len(c.Skipped(1)) != 2 {
		t.Fatalf("skipped: household %v, child %v", c.HouseholdSkipped, c.Children[1].Skipped)
	}
	if err := c.SetMergedAnswers(5, nil); err == nil {
		t.Fatal("a child that is not there")
	}
}

// Saving one child never changes another child's answers: Ava's own "benefits" stays hers.
func TestSetMergedAnswersKeepsAChildsOwnHouseholdAnswer(t *testing.T) {
	c, _ := NewFamilyCase("x", threeChildren(t))
	before := []json.RawMessage{c.MergedAnswers(0), c.MergedAnswers(2)}
	if err := c.SetMergedAnswers(1, c.MergedAnswers(1)); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{0, 2} {
		if got := c.MergedAnswers(want); string(got) != string(before[i]) {
			t.Fatalf("child %d changed: %s, was %s", want, got, before[i])
		}
	}
	var own map[string]any
	json.Unmarshal(c.Children[1].Answers, &own)
	if own["benefits"] != "no" {
		t.Fatalf("Ava's own answer %v", own)
	}
}
