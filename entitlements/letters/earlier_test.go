package letters

import (
	"strings"
	"testing"

	"kincare/entitlements"
)

// A complaint that covers two requests names each by its subject: one refused on a date, the
// other unanswered after its follow-up; every letter is enclosed.
func TestComplaintNamesEachRequestAndWhatHappened(t *testing.T) {
	d := entitlements.MustDate
	sent := []Sent{
		{Subject: "Special guardianship support", SentOn: d("2026-12-18"), Due: d("2027-01-26")},
		{Subject: "Follow-up", SentOn: d("2027-01-27"), Due: d("2027-02-12"), FollowUp: true},
		{Subject: "A copy of the local offer", SentOn: d("2026-12-01"), Refused: d("2026-12-10")},
	}
	in := Input{RequestID: ComplaintStage1, Answers: answers(t, cases["sgo"]), Details: fullDetails(t), AsOf: asOf, Today: d("2027-02-15"), Earlier: sent}
	l, err := Draft(in)
	if err != nil {
		t.Fatal(err)
	}
	text := l.Text()
	for _, want := range []string{
		`I wrote on 18 December 2026 about "Special guardianship support". The reply was due by 26 January 2027. I wrote again on 27 January 2027. That reply was due by 12 February 2027.`,
		`I have not had a reply to my letter of 18 December 2026 about "Special guardianship support" or to my follow-up of 27 January 2027.`,
		`On 10 December 2026 the council refused my request about "A copy of the local offer".`,
		"A copy of my letter of 27 January 2027", "A copy of my letter of 1 December 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the complaint lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "2026-12-18") {
		t.Errorf("dates in a letter are written in words:\n%s", text)
	}
}
