package storage

import (
	"errors"
	"path/filepath"
	"testing"

	"kincare/entitlements"
	"kincare/entitlements/letters"
)

var day = entitlements.MustDate

// The review's failure: marking the follow-up as sent moved the original's dates. Each
// letter now keeps its own.
func TestFollowUpKeepsItsOwnDates(t *testing.T) {
	r := &Request{ID: "virtual_school_advice", Status: StatusDrafted, Versions: []LetterVersion{{Text: "Dear school"}}}
	if got := r.NextStep(day("2026-12-18")); got != StepSend {
		t.Fatalf("drafted: step %d", got)
	}
	due, err := r.MarkSent(day("2026-12-18"), "email")
	if err != nil {
		t.Fatal(err)
	}
	if want := letters.ReplyDue(r.ID, day("2026-12-18")); due != want || r.ReplyDue != want.String() || r.SentOn != "2026-12-18" || r.SentHow != SentByEmail {
		t.Fatalf("sent: due %s, request %+v", due, r)
	}
	if r.NextStep(due) != StepWait || r.Overdue(due) {
		t.Fatal("the due day itself is not late")
	}
	late := due.AddDays(1)
	if !r.Overdue(late) || r.NextStep(late) != StepFollowUp {
		t.Fatalf("a day after the due date: overdue %v, step %d", r.Overdue(late), r.NextStep(late))
	}
	if _, err := r.MarkFollowUpSent(late, "post"); err == nil {
		t.Fatal("a follow-up not yet written was marked as sent")
	}
	r.FollowUps = append(r.FollowUps, LetterVersion{Text: "I wrote on 18 December"})
	if r.NextStep(late) != StepSendFollowUp {
		t.Fatal("a written follow-up waits to be sent")
	}
	fdue, err := r.MarkFollowUpSent(late, "post")
	if err != nil {
		t.Fatal(err)
	}
	if want := letters.AddWorkingDays(letters.AddWorkingDays(late, 2), 10); fdue != want {
		t.Fatalf("follow-up by post due %s, want %s", fdue, want)
	}
	// the original's dates are untouched; the follow-up has its own
	if r.SentOn != "2026-12-18" || r.ReplyDue != due.String() || r.SentHow != SentByEmail {
		t.Fatalf("the original's dates changed: %+v", r)
	}
	s := r.Sendings()
	if len(s) != 2 || s[0].FollowUp || s[0].ReplyDue != due.String() || !s[1].FollowUp || s[1].SentOn != late.String() || s[1].ReplyDue != fdue.String() {
		t.Fatalf("sendings %+v", s)
	}
	if r.Due() != fdue.String() || r.Overdue(fdue) || r.NextStep(fdue) != StepWait {
		t.Fatal("after the follow-up, its date is the one awaited")
	}
	if _, err := r.MarkSent(late, "email"); !errors.Is(err, ErrInvalid) || r.SentOn != "2026-12-18" {
		t.Fatalf("the original was marked again after its follow-up: %v", err)
	}
	if _, err := r.MarkFollowUpSent(fdue, "email"); err == nil {
		t.Fatal("the same follow-up was marked as sent twice")
	}
	if r.NextStep(fdue.AddDays(1)) != StepComplain {
		t.Fatal("a late follow-up leads to a complaint")
	}
	if err := r.MarkReplied(day("2026-12-01")); err == nil {
		t.Fatal("a reply before the letter was accepted")
	}
	if err := r.MarkReplied(fdue); err != nil {
		t.Fatal(err)
	}
	if r.Awaiting() || r.Overdue(fdue.AddDays(30)) || r.NextStep(fdue) != StepDone || r.SentOn != "2026-12-18" || len(r.Sendings()) != 2 {
		t.Fatalf("replied: %+v", r)
	}
}

func TestPostAllowsTwoWorkingDays(t *testing.T) {
	sent := day("2026-12-18") // a Friday before Christmas
	byEmail := ReplyDueFor("virtual_school_advice", false, sent, SentByEmail)
	byPost := ReplyDueFor("virtual_school_advice", false, sent, SentByPost)
	if want := letters.ReplyDue("virtual_school_advice", day("2026-12-22")); byPost != want || !byPost.After(byEmail) {
		t.Fatalf("by post %s (by email %s), want %s", byPost, byEmail, want)
	}
	if got := ReplyDueFor("virtual_school_advice", true, sent, SentByHand); got != letters.AddWorkingDays(sent, 10) {
		t.Fatalf("follow-up by hand due %s", got)
	}
}

func TestDueLate(t *testing.T) {
	for _, c := range []struct {
		due, today string
		late       bool
	}{
		{"2026-12-04", "2026-12-04", false},
		{"2026-12-04", "2026-12-05", true},
		{"2026-12-04", "2026-12-03", false},
		{"not a date", "2027-01-01", false},
		{"", "2027-01-01", false},
	} {
		if got := DueLate(c.due, day(c.today)); got != c.late {
			t.Errorf("due %q today %s: late %v", c.due, c.today, got)
		}
	}
}

func TestSendingWay(t *testing.T) {
	for in, want := range map[string]string{"post": "post", "Email": "email", "by hand": "hand", "hand": "hand", "other": "other"} {
		if got, err := SendingWay(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := SendingWay("pigeon"); !errors.Is(err, ErrInvalid) {
		t.Errorf("pigeon: %v", err)
	}
}

// The case list counts a request as overdue by the date now awaited: the follow-up's.
func TestListUsesTheAwaitedDate(t *testing.T) {
	d := openT(t, filepath.Join(t.TempDir(), "k.db"), "")
	defer d.Close()
	c := sampleCase("track")
	r := &c.Requests[0]
	r.FollowUps = []LetterVersion{{Text: "chasing"}}
	if _, err := r.MarkFollowUpSent(day("2026-11-23"), "email"); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	l, _ := d.List("2026-11-25") // the original (due 20 November) is past, the follow-up not
	if l[0].Overdue != 0 || l[0].NextDue != r.Due() {
		t.Fatalf("summary %+v, follow-up due %s", l[0], r.Due())
	}
	l, _ = d.List(day(r.Due()).AddDays(1).String())
	if l[0].Overdue != 1 {
		t.Fatalf("late follow-up not counted: %+v", l[0])
	}
}

// Comparing dates as text gives what comparing them as dates gives.
func TestDueLateAgreesWithTheCalendar(t *testing.T) {
	base := day("2025-01-01")
	for i := 0; i < 3000; i++ {
		due, today := base.AddDays(i%900), base.AddDays((i*37)%900)
		if got, want := DueLate(due.String(), today), letters.Overdue(due, today); got != want {
			t.Fatalf("due %s today %s: late %v, want %v", due, today, got, want)
		}
	}
	for _, odd := range []string{"2026-13-01", "2026-00-10", "26-12-01", "2026/12/01", "2026-12-1"} {
		if DueLate(odd, day("2030-01-01")) {
			t.Errorf("%q is not a date but was late", odd)
		}
	}
}
