package tui

import (
	"strings"
	"testing"

	"kincare/entitlements/letters"
	"kincare/storage"
)

func hasComplaintRow(d *driver) bool {
	for _, r := range letterRows(d.m.cs) {
		if r.id == letters.ComplaintStage1 {
			return true
		}
	}
	return false
}

// A complaint is offered only once a letter to the council is late or refused, and then it
// names that letter with its dates.
func TestComplaintOfferedOnlyWhenALetterIsLateOrRefused(t *testing.T) {
	d := newDriver(t, Options{Store: storage.NewMemory(), NoColor: true}, 80, 24)
	openLetterCase(t, d)
	if hasComplaintRow(d) {
		t.Fatalf("a complaint is offered before any letter was sent:\n%s", d.screen())
	}
	d.mustNotSee("Make a complaint")

	// The council letter went out long ago and no reply came: it is late.
	sent := fixedToday.AddDays(-90)
	d.m.cs.c.Requests = append(d.m.cs.c.Requests, storage.Request{ID: "sg_support_assessment",
		Versions: []storage.LetterVersion{{Text: "Dear council"}}})
	r := &d.m.cs.c.Requests[len(d.m.cs.c.Requests)-1]
	if _, err := r.MarkSent(sent, "email"); err != nil {
		t.Fatal(err)
	}
	if !r.Overdue(fixedToday) {
		t.Fatal("the test's letter should be late")
	}
	if !hasComplaintRow(d) {
		t.Fatal("no complaint offered for a late letter to the council")
	}
	selectLetter(t, d, letters.ComplaintStage1)
	d.key("enter")
	lt := onTop[*letterScreen](d)
	if lt == nil {
		t.Fatalf("the complaint did not open:\n%s", d.screen())
	}
	text := lt.text()
	if !strings.Contains(text, sent.Long()) {
		t.Fatalf("the complaint does not name the earlier letter's date %s:\n%s", sent.Long(), text)
	}
}
