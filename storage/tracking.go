package storage

import (
	"fmt"
	"strings"

	"kincare/entitlements"
	"kincare/entitlements/letters"
)

// Tracking a letter: it is drafted, sent (the reply date is worked out from the day it was
// sent and how), and either answered or, once the reply is late, followed up. The follow-up
// is sent in its turn with its own dates; the original's dates never change. When the
// follow-up is late too, the next step is a complaint. Every front end asks the functions
// here rather than reading the dates itself, so "overdue" means one thing everywhere.

// Ways a letter can be sent (Request.SentHow and LetterVersion.SentHow).
const (
	SentByPost  = "post"
	SentByEmail = "email"
	SentByHand  = "hand"
	SentOther   = "other"
)

// SendingWays are the accepted ways of sending, in the order offered.
var SendingWays = []string{SentByPost, SentByEmail, SentByHand, SentOther}

const (
	// postDays: a posted letter is counted from two working days after posting, when first
	// class post is taken to arrive, so the recipient's time to reply is not cut short.
	postDays = 2
	// followUpDays: the follow-up letter asks for a reply within 10 working days
	// (entitlements/letters/templates/follow_up.tmpl).
	followUpDays = 10
)

// SendingWay reads a way of sending ("post", "email", "hand" or "other"; "by hand" is
// "hand"), ignoring case.
func SendingWay(how string) (string, error) {
	h := strings.ToLower(strings.TrimSpace(how))
	h = strings.TrimPrefix(h, "by ")
	for _, w := range SendingWays {
		if h == w {
			return w, nil
		}
	}
	return "", &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%q is not a way of sending a letter; use one of %s.", how, strings.Join(SendingWays, ", "))}
}

// ReplyDueFor is when a reply is due to a letter of the given request sent on sent by how:
// the letter's own time limit (entitlements/letters), or 10 working days for a follow-up,
// counted from the day it arrives.
func ReplyDueFor(requestID string, followUp bool, sent entitlements.Date, how string) entitlements.Date {
	start := sent
	if how == SentByPost {
		start = letters.AddWorkingDays(sent, postDays)
	}
	if followUp {
		return letters.AddWorkingDays(start, followUpDays)
	}
	return letters.ReplyDue(requestID, start)
}

// DueLate is the one place that decides whether a reply is overdue: a reply due on due
// (YYYY-MM-DD) is late on today once today is past it; the due day itself is not late. A due
// that is not a date is never late.
func DueLate(due string, today entitlements.Date) bool { return lateOn(today)(due) }

// lateOn is DueLate for many reply dates on one day, as the case list needs: dates in the
// form YYYY-MM-DD order as their text does, so they are compared without parsing (parsing
// each one made listing 100,000 cases several times slower).
func lateOn(today entitlements.Date) func(due string) bool {
	if today.IsZero() {
		return func(string) bool { return false }
	}
	t := today.String()
	return func(due string) bool {
		if isoDate(due) {
			return t > due
		}
		d, err := entitlements.ParseDate(due)
		return err == nil && today.After(d)
	}
}

// isoDate says s looks like YYYY-MM-DD with a month 01–12 and a day 01–31.
func isoDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	m, d := s[5:7], s[8:10]
	return m >= "01" && m <= "12" && d >= "01" && d <= "31"
}

// Sending is one letter of a request that went out: the original or its follow-up.
type Sending struct {
	FollowUp bool
	SentOn   string
	SentHow  string
	ReplyDue string
}

// Sendings are the letters of the request that were sent, the original first, each with its
// own dates.
func (r *Request) Sendings() []Sending {
	var out []Sending
	if r.SentOn != "" {
		out = append(out, Sending{SentOn: r.SentOn, SentHow: r.SentHow, ReplyDue: r.ReplyDue})
	}
	if v := r.sentFollowUp(); v != nil {
		out = append(out, Sending{FollowUp: true, SentOn: v.SentOn, SentHow: v.SentHow, ReplyDue: v.ReplyDue})
	}
	return out
}

// sentFollowUp is the follow-up version that was sent, or nil.
func (r *Request) sentFollowUp() *LetterVersion {
	for i := len(r.FollowUps) - 1; i >= 0; i-- {
		if r.FollowUps[i].SentOn != "" {
			return &r.FollowUps[i]
		}
	}
	return nil
}

// FollowUpSent says whether the follow-up has gone out.
func (r *Request) FollowUpSent() bool { return r.sentFollowUp() != nil }

// Due is the reply date now awaited: the follow-up's once it was sent, else the original's.
func (r *Request) Due() string {
	if v := r.sentFollowUp(); v != nil {
		return v.ReplyDue
	}
	return r.ReplyDue
}

// Awaiting says whether a reply is awaited: sent, not answered, with a reply date.
func (r *Request) Awaiting() bool {
	return r.Status == StatusSent && r.RepliedOn == "" && r.Due() != ""
}

// Overdue says whether the awaited reply is late on today.
func (r *Request) Overdue(today entitlements.Date) bool {
	return r.Awaiting() && DueLate(r.Due(), today)
}

// MarkSent records that the original letter was sent on on, by how, and returns the date a
// reply is due. Once a follow-up has gone out the original's dates are kept as they are.
func (r *Request) MarkSent(on entitlements.Date, how string) (entitlements.Date, error) {
	w, err := SendingWay(how)
	if err != nil {
		return entitlements.Date{}, err
	}
	if on.IsZero() {
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "The date the letter was sent is missing."}
	}
	if r.FollowUpSent() {
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "This letter was sent on " + longISO(r.SentOn) + " and followed up since; its dates are kept as they are. Mark the follow-up instead."}
	}
	due := ReplyDueFor(r.ID, false, on, w)
	r.Status, r.SentOn, r.SentHow, r.ReplyDue, r.RepliedOn = StatusSent, on.String(), w, due.String(), ""
	return due, nil
}

// MarkFollowUpSent records that the latest follow-up was sent on on, by how, and returns the
// date its reply is due. The original letter's dates do not change.
func (r *Request) MarkFollowUpSent(on entitlements.Date, how string) (entitlements.Date, error) {
	w, err := SendingWay(how)
	if err != nil {
		return entitlements.Date{}, err
	}
	switch {
	case on.IsZero():
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "The date the follow-up was sent is missing."}
	case r.SentOn == "":
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "The first letter has not been marked as sent, so its follow-up cannot be."}
	case len(r.FollowUps) == 0:
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "There is no follow-up letter yet. Write the follow-up first."}
	case on.String() < r.SentOn:
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "The follow-up cannot have been sent before the first letter (" + longISO(r.SentOn) + ")."}
	}
	v := &r.FollowUps[len(r.FollowUps)-1]
	if v.SentOn != "" {
		return entitlements.Date{}, &Error{Kind: ErrInvalid, Msg: "This follow-up was already marked as sent on " + longISO(v.SentOn) + "."}
	}
	due := ReplyDueFor(r.ID, true, on, w)
	v.SentOn, v.SentHow, v.ReplyDue = on.String(), w, due.String()
	r.Status, r.RepliedOn = StatusSent, ""
	return due, nil
}

// MarkReplied records the reply. Every date of the letters sent is kept.
func (r *Request) MarkReplied(on entitlements.Date) error {
	switch {
	case on.IsZero():
		return &Error{Kind: ErrInvalid, Msg: "The date of the reply is missing."}
	case r.SentOn == "":
		return &Error{Kind: ErrInvalid, Msg: "This letter has not been marked as sent, so it cannot have had a reply."}
	case on.String() < r.SentOn:
		return &Error{Kind: ErrInvalid, Msg: "The reply cannot have come before the letter was sent (" + longISO(r.SentOn) + ")."}
	}
	r.Status, r.RepliedOn = StatusReplied, on.String()
	return nil
}

// Step is what to do next about a request.
type Step int

const (
	StepDraft        Step = iota // nothing written yet
	StepSend                     // written, not sent
	StepWait                     // sent; the reply is not due yet
	StepFollowUp                 // the reply is late: write and send a follow-up
	StepSendFollowUp             // the follow-up is written, not sent
	StepComplain                 // the follow-up's reply is late too: make a complaint
	StepDone                     // answered
)

// NextStep is the escalation path: letter, then follow-up, then complaint.
func (r *Request) NextStep(today entitlements.Date) Step {
	switch {
	case r.Status == StatusReplied || r.RepliedOn != "":
		return StepDone
	case len(r.Versions) == 0 && r.SentOn == "":
		return StepDraft
	case r.SentOn == "":
		return StepSend
	case !r.Overdue(today) && !(len(r.FollowUps) > 0 && !r.FollowUpSent()):
		return StepWait
	case r.FollowUpSent():
		return StepComplain
	case len(r.FollowUps) > 0:
		return StepSendFollowUp
	}
	return StepFollowUp
}

func longISO(iso string) string {
	if d, err := entitlements.ParseDate(iso); err == nil {
		return d.Long()
	}
	return iso
}
