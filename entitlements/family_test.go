package entitlements

import (
	"strings"
	"testing"
)

func TestFamilyMergedChildWins(t *testing.T) {
	in, err := ParseInput([]byte(`{"as_of":"2026-11-22","household":{"country":"england","council":"Leeds","benefits":"no"},
	"children":[{"name":"Tyler","answers":{"child_age":7,"legal_status":"sgo","benefits":"not_sure"}},
	            {"name":"Ava","answers":{"child_age":2,"legal_status":"sgo"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := in.Family
	if f == nil || len(f.Children) != 2 {
		t.Fatalf("family not read: %+v", in)
	}
	if got := f.Merged(0).Value(Benefits); got != NotSure {
		t.Errorf("Tyler's own not_sure should win over the household: got %q", got)
	}
	if got := f.Merged(1).Value(Benefits); got != "no" {
		t.Errorf("Ava should take the household's benefits: got %q", got)
	}
	if got := f.Merged(1).Value(CouncilKey); got != "Leeds" {
		t.Errorf("Ava should take the household's council: got %q", got)
	}
	if f.Eldest() != 0 {
		t.Errorf("Tyler (7) is the eldest, got child %d", f.Eldest())
	}
	fr := AssessFamily(*f, MustDate("2026-11-22"))
	for i := range f.Children {
		one := Assess(f.Merged(i), MustDate("2026-11-22"))
		for _, o := range one.Report().Outcomes {
			if fr.Children[i].Status(o.ID) != o.Status {
				t.Errorf("child %d %s: family %s, alone %s", i, o.ID, fr.Children[i].Status(o.ID), o.Status)
			}
		}
	}
}

func TestFamilyEldestFirstAmongEquals(t *testing.T) {
	var a, b, c Answers
	_ = a.Set(ChildAge, "5")
	_ = b.Set(ChildAge, "9")
	_ = c.Set(ChildAge, "9")
	f := Family{Children: []FamilyChild{{Name: "A", Answers: a}, {Name: "B", Answers: b}, {Name: "C", Answers: c}}}
	if f.Eldest() != 1 {
		t.Errorf("eldest: got %d, want 1", f.Eldest())
	}
}

func TestFamilyBadInput(t *testing.T) {
	twelve := strings.Repeat(`{"name":"X","answers":{}},`, 13)
	cases := map[string]string{
		`{"household":{},"children":[]}`:                                          "empty",
		`{"household":{},"children":[` + twelve[:len(twelve)-1] + `]}`:            "13 children",
		`{"children":[{"name":"Ava"}]}`:                                           "child 1 (Ava): answers: missing",
		`{"children":[{"name":"Ava","answers":{"colour":"red"}}]}`:                `child 1 (Ava): answers: unknown answer key "colour"`,
		`{"children":[{"name":"Ava","answers":{},"age":3}]}`:                      `unknown key "age"`,
		`{"children":[{"answers":{}}]}`:                                           "child 1: name",
		`{"household":{"country":"mars"},"children":[{"name":"A","answers":{}}]}`: "household: country",
		`{"answers":{},"children":[{"name":"A","answers":{}}]}`:                   "not both",
		`{"household":{}}`: `"children" is missing`,
	}
	for in, want := range cases {
		_, err := ParseInput([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error containing %q", in, err, want)
		}
	}
}
