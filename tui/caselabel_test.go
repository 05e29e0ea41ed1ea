package tui

import (
	"testing"

	"kincare/entitlements"
	"kincare/storage"
)

// A reopened case with no label is called by its people on screen, as the case list calls it,
// not "New case".
func TestCaseLabelNamesThePeople(t *testing.T) {
	cs := &caseState{c: storage.Case{
		Details:  entitlements.Details{Carer: &entitlements.Person{Name: "Pat Okafor"}},
		Children: []storage.Child{{Name: "Tyler Okafor"}, {Name: "Ava"}, {Name: ""}},
	}}
	if got, want := cs.label(), "Pat Okafor · Tyler and Ava"; got != want {
		t.Errorf("label: got %q, want %q", got, want)
	}
	cs.c.Label = "Okafor, Leeds"
	if got := cs.label(); got != "Okafor, Leeds" {
		t.Errorf("a given label wins: got %q", got)
	}
	if got := (&caseState{}).label(); got != "New case" {
		t.Errorf("nothing known: got %q", got)
	}
}
