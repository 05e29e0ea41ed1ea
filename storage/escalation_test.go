package storage

import (
	"testing"

	"kincare/entitlements/letters"
)

// A complaint names a council's letters that were refused or whose reply is late (after the
// follow-up too), never a school's, one still in time, or another child's.
func TestComplaintGrounds(t *testing.T) {
	sent := func(id string, children ...string) Request {
		r := Request{ID: id, Children: children, Status: StatusDrafted, Versions: []LetterVersion{{Text: "x"}}}
		if _, err := r.MarkSent(day("2026-12-18"), SentByPost); err != nil {
			t.Fatal(err)
		}
		return r
	}
	late := sent("sg_support_assessment", "c1")
	late.FollowUps = []LetterVersion{{Text: "follow-up"}}
	if _, err := late.MarkFollowUpSent(day("2027-01-28"), SentByEmail); err != nil {
		t.Fatal(err)
	}
	refused := sent("virtual_school_advice")
	if err := refused.MarkRefused(day("2027-01-05")); err != nil {
		t.Fatal(err)
	}
	c := Case{Requests: []Request{late, refused, sent("school_pupil_premium_plus", "c1"), sent("child_in_need_assessment", "c2")}}
	c.Requests[3].ReplyDue = "2099-01-01" // still in time

	today := day(late.Due()).AddDays(1)
	var got []string
	for _, r := range c.ComplaintGrounds(today, "c1") {
		got = append(got, r.ID)
	}
	if len(got) != 2 || got[0] != "sg_support_assessment" || got[1] != "virtual_school_advice" {
		t.Fatalf("grounds %v", got)
	}
	if g := c.ComplaintGrounds(day("2027-01-29"), "c1"); len(g) != 1 || g[0].ID != "virtual_school_advice" {
		t.Fatalf("while the follow-up is in time only the refusal counts: %v", g)
	}
	if late.NextStep(today) != StepComplain || refused.NextStep(today) != StepComplain || c.Requests[2].NextStep(day("2027-06-01")) != StepFollowUp {
		t.Fatal("a late or refused council letter leads to a complaint; a school's to a follow-up")
	}

	e := late.Earlier("Support")
	if len(e) != 2 || e[0].Subject != "Support" || e[0].SentOn != day("2026-12-18") || e[0].Due.String() != late.ReplyDue ||
		!e[1].FollowUp || e[1].SentOn != day("2027-01-28") || e[1].Due.String() != late.Due() {
		t.Fatalf("earlier %+v", e)
	}
	if r := refused.Earlier("Advice"); len(r) != 1 || r[0].Refused != day("2027-01-05") {
		t.Fatalf("refused %+v", r)
	}
}

// A complaint's follow-up asks for stage 2, with the 25 working days the letters package gives
// it; after that the Ombudsman is next.
func TestComplaintEscalatesToStage2ThenOmbudsman(t *testing.T) {
	r := Request{ID: letters.ComplaintStage1, Status: StatusDrafted, Versions: []LetterVersion{{Text: "x"}}}
	due, _ := r.MarkSent(day("2027-02-03"), SentByEmail)
	if due != letters.AddWorkingDays(day("2027-02-03"), 10) || r.NextStep(due.AddDays(1)) != StepFollowUp {
		t.Fatalf("stage 1 due %s", due)
	}
	r.FollowUps = []LetterVersion{{Text: "stage 2"}}
	on := due.AddDays(1)
	fdue, _ := r.MarkFollowUpSent(on, SentByEmail)
	if fdue != letters.AddWorkingDays(on, letters.FollowUpReplyDays(r.ID)) || letters.FollowUpReplyDays(r.ID) != 25 {
		t.Fatalf("stage 2 due %s", fdue)
	}
	if r.NextStep(fdue.AddDays(1)) != StepOmbudsman {
		t.Fatal("a late stage 2 leads to the Ombudsman")
	}
	if err := r.MarkRefused(fdue); err != nil || r.NextStep(fdue) != StepOmbudsman || !r.Refused {
		t.Fatal("a stage 2 not upheld leads to the Ombudsman")
	}
	if err := r.MarkReplied(fdue); err != nil || r.Refused || r.NextStep(fdue) != StepDone {
		t.Fatal("a reply that is not a refusal clears it")
	}

	// a complaint not upheld at stage 1 goes to stage 2, which then awaits its own reply
	s := Request{ID: letters.ComplaintStage1, Status: StatusDrafted, Versions: []LetterVersion{{Text: "x"}}}
	s.MarkSent(day("2027-02-03"), SentByEmail)
	if err := s.MarkRefused(day("2027-02-10")); err != nil || s.NextStep(day("2027-02-10")) != StepFollowUp {
		t.Fatal("a refused stage 1 leads to stage 2")
	}
	s.FollowUps = []LetterVersion{{Text: "stage 2"}}
	sdue, _ := s.MarkFollowUpSent(day("2027-02-11"), SentByEmail)
	if s.Refused || s.NextStep(sdue) != StepWait || s.NextStep(sdue.AddDays(1)) != StepOmbudsman {
		t.Fatalf("stage 2 after a refusal: step %d", s.NextStep(sdue))
	}
}
