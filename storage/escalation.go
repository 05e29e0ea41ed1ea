package storage

import (
	"slices"

	"kincare/entitlements"
	"kincare/entitlements/letters"
)

// Escalation: when a council's letter is refused, or its reply is late, a complaint under the
// children's complaints procedure names what was asked, when, and what happened. The dates
// come from tracking, so the complaint says what the carer recorded and nothing else.

// ComplaintGrounds are the case's letters to a council, about the child with id childID (or
// the whole family), that a complaint can name on today: refused, or sent with the awaited
// reply late (after the follow-up too, when one was sent). A complaint itself is never among
// them. With childID empty, every child's letters count.
func (c Case) ComplaintGrounds(today entitlements.Date, childID string) []*Request {
	var out []*Request
	for i := range c.Requests {
		r := &c.Requests[i]
		if r.ID == letters.ComplaintStage1 || !letters.ComplaintCovers(r.ID) {
			continue
		}
		if childID != "" && len(r.Children) > 0 && !slices.Contains(r.Children, childID) {
			continue
		}
		if (r.Refused && r.SentOn != "") || r.Overdue(today) {
			out = append(out, r)
		}
	}
	return out
}

// Earlier is the request's letters as a complaint names them: the original (with subject, the
// letter's subject line) and its follow-up, each with its own dates, and the refusal if there
// was one.
func (r *Request) Earlier(subject string) []letters.Sent {
	var out []letters.Sent
	for _, s := range r.Sendings() {
		sent := letters.Sent{Subject: subject, FollowUp: s.FollowUp}
		sent.SentOn, _ = entitlements.ParseDate(s.SentOn)
		sent.Due, _ = entitlements.ParseDate(s.ReplyDue) // an unreadable date is left out
		out = append(out, sent)
	}
	if r.Refused && len(out) > 0 {
		out[0].Refused, _ = entitlements.ParseDate(r.RepliedOn)
	}
	return out
}
