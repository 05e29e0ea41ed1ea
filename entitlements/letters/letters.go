// Package letters drafts the letters that ask for what a kinship carer can get (spec/assess.md,
// "Requests (letters)"): templates as data, filled from the answers and the people's details,
// exported as text, Markdown, HTML or PDF, with reply deadlines counted in working days.
// It is pure logic: no terminal, no files, no clock (the date is always an input).
package letters

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"kincare/entitlements"
)

const followUpID = "follow_up"

// Input is what a letter is drafted from.
type Input struct {
	RequestID string
	Answers   entitlements.Answers
	Details   entitlements.Details
	AsOf      entitlements.Date // the date the rules are evaluated at
	Today     entitlements.Date // the letter's date
	// Earlier are the letters already sent about this request, oldest first: a complaint names
	// them (what was asked, when, and what happened).
	Earlier []Sent

	group []entitlements.Child // the children of a family letter, when it is about several
}

// Sent is a letter already sent: what it asked, when, the reply date it gave, and what came
// of it. A follow-up comes straight after the letter it follows.
type Sent struct {
	Subject  string // the letter's subject line (a follow-up's is not used)
	SentOn   entitlements.Date
	Due      entitlements.Date // may be zero
	FollowUp bool              // a reminder about the letter before it
	Refused  entitlements.Date // the day the request was refused in writing; zero when it was not
}

// children are the children the letter is about.
func (in *Input) children() []entitlements.Child {
	if len(in.group) > 0 {
		return in.group
	}
	if in.Details.Child != nil {
		return []entitlements.Child{*in.Details.Child}
	}
	if len(in.Details.Children) > 0 {
		return in.Details.Children[:1]
	}
	return []entitlements.Child{{}}
}

// Letter is one drafted letter. Every field is plain text; gaps are marked [like this] and listed in Gaps.
type Letter struct {
	RequestID string
	Title     string   // what the letter is for, for a list of letters
	To        []string // the recipient's name and address, one line each
	From      []string // the carer's name and address, one line each
	Date      string   // the letter's date, e.g. 23 November 2026
	Subject   string
	Reference string // the recipient's reference, printed as "Your reference"
	Greeting  string // Dear Sir or Madam
	Body      string // paragraphs separated by blank lines
	Closing   string // Yours faithfully
	Signature []string
	Encloses  []string
	CopyTo    []string // who else gets a copy
	Gaps      []string // what to fill in before sending, without the brackets, no duplicates
	ReplyDue  string   // YYYY-MM-DD
	Sources   []entitlements.Source
	Assert    bool // true when the rules say the family is eligible: the letter states the duty
	Status    entitlements.Status
}

// ErrNotOffered is returned when the answers do not support the request.
type ErrNotOffered struct {
	RequestID string
	Reason    string // which outcomes enable it and their statuses
}

func (e *ErrNotOffered) Error() string {
	return fmt.Sprintf("the letter %q is not offered for these answers: %s", e.RequestID, e.Reason)
}

// ErrUnknownRequest is returned for a request id that is not in the spec.
var ErrUnknownRequest = errors.New("unknown request id")

// enablers are the outcomes whose rules can offer each request (for explaining a refusal).
var enablers = map[string][]string{
	"virtual_school_advice":       {"virtual_school"},
	"sg_support_assessment":       {"sg_support_assessment", "sg_allowance"},
	"asgsf_assessment":            {"asgsf"},
	"fostering_allowance_review":  {"fostering_allowance"},
	"child_in_need_assessment":    {"s17_support"},
	"local_offer_copy":            {"kinship_local_offer"},
	"private_fostering_notice":    {"private_fostering_notification"},
	"school_pupil_premium_plus":   {"pupil_premium_plus"},
	"legal_advice_funding":        {"council_funded_legal_advice", "legal_aid_sgo_application", "legal_aid_cao_application"},
	"cao_allowance":               {"cao_allowance"},
	"kinship_allowance_pilot":     {"kinship_allowance_pilot"},
	"flexible_working":            {"flexible_working"},
	"parental_leave":              {"unpaid_parental_leave"},
	"adoption_support_assessment": {"adoption_support_assessment"},
	"looked_after_status_enquiry": {"fostering_allowance"},
}

// KnownRequest says whether id is one of the spec's request ids.
func KnownRequest(id string) bool {
	return slices.Contains(IDs(), id)
}

// Offered lists the request ids that outcomes other than not_eligible enable, in the spec's order.
func Offered(rep entitlements.Report) []string {
	on := map[string]bool{}
	for _, o := range rep.Outcomes {
		if o.Status == entitlements.NotEligible {
			continue
		}
		for _, r := range requestsOf(o, rep.Arrangement) {
			on[r] = true
		}
	}
	var out []string
	for _, id := range IDs() {
		if on[id] {
			out = append(out, id)
		}
	}
	return out
}

// statusFor is the best status among the outcomes that offer the request ("" when none does).
func statusFor(rep entitlements.Report, id string) entitlements.Status {
	rank := map[entitlements.Status]int{entitlements.Eligible: 3, entitlements.MayBeEligible: 2, entitlements.Check: 1}
	var best entitlements.Status
	for _, o := range rep.Outcomes {
		if o.Status == entitlements.NotEligible {
			continue
		}
		for _, r := range requestsOf(o, rep.Arrangement) {
			if r == id && rank[o.Status] > rank[best] {
				best = o.Status
			}
		}
	}
	return best
}

// enablingReport writes out only the outcomes that can offer the request (the full report is slower).
func enablingReport(res *entitlements.Result, id string) entitlements.Report {
	rep := entitlements.Report{Arrangement: res.Arrangement}
	for _, oid := range enablersOf(id) {
		if o, ok := res.Outcome(oid); ok {
			rep.Outcomes = append(rep.Outcomes, o)
		}
	}
	return rep
}

func notOffered(rep entitlements.Report, id string) error {
	var parts []string
	for _, oid := range enablersOf(id) {
		for _, o := range rep.Outcomes {
			if o.ID == oid {
				// the outcome by its title and its status in words: a carer may read this
				p := fmt.Sprintf("%s: %s", outcomeName(o), strings.ToLower(entitlements.StatusWords(o.Status)))
				if len(o.Why) > 0 {
					p += " (" + strings.TrimSuffix(o.Why[0], ".") + ")"
				}
				parts = append(parts, p)
			}
		}
	}
	reason := "nothing in these answers leads to it"
	if len(parts) > 0 {
		reason = strings.Join(parts, "; ")
	}
	return &ErrNotOffered{RequestID: id, Reason: reason}
}

func outcomeName(o entitlements.Outcome) string {
	if o.Title != "" {
		return o.Title
	}
	return o.ID
}

// Draft writes the letter for in.RequestID, or refuses with *ErrNotOffered when the answers do not
// support it. Missing details become marked gaps, listed in Letter.Gaps; nothing is invented.
func Draft(in Input) (Letter, error) {
	if !KnownRequest(in.RequestID) {
		return Letter{}, fmt.Errorf("%w %q; allowed ids are %s", ErrUnknownRequest, in.RequestID, strings.Join(IDs(), ", "))
	}
	if err := LoadTemplates(); err != nil {
		return Letter{}, err
	}
	if in.Today.IsZero() {
		return Letter{}, errors.New("letters: the letter's date (Today) is required")
	}
	if in.AsOf.IsZero() {
		in.AsOf = in.Today
	}
	rep := enablingReport(entitlements.Assess(in.Answers, in.AsOf), in.RequestID)
	st := statusFor(rep, in.RequestID)
	if st == "" {
		return Letter{}, notOffered(rep, in.RequestID)
	}
	t := loaded().byID[in.RequestID]
	due := ReplyDue(in.RequestID, in.Today)
	c := newCase(&in, st, due)
	c.setMinimumAllowance(rep)
	return c.render(t, nil)
}

// The working days a follow-up allows for a reply. This is their one home: the follow-up
// letter prints them and tracking (storage) counts the follow-up's reply date from them.
const (
	// followUpReplyDays: a reminder asks for a reply within 10 working days, the same time the
	// children's complaints procedure gives a council at stage 1 (reference additions.md §B6).
	followUpReplyDays = 10
	// stage2ReplyDays: a complaint's follow-up asks for a stage 2 investigation, which the
	// procedure allows 25 working days for (reference additions.md §B6).
	stage2ReplyDays = 25
)

// FollowUpReplyDays is how many working days the follow-up to a letter of requestID gives the
// recipient to reply: 25 when it asks for stage 2 of a complaint, otherwise 10.
func FollowUpReplyDays(requestID string) int {
	if requestID == ComplaintStage1 {
		return stage2ReplyDays
	}
	return followUpReplyDays
}

// FollowUpDue is when a reply to the follow-up of a letter of requestID is due, counted from
// start (the day the follow-up is dated, or the day it arrives when posted).
func FollowUpDue(requestID string, start entitlements.Date) entitlements.Date {
	return AddWorkingDays(start, FollowUpReplyDays(requestID))
}

// FollowUp drafts a polite reminder about original, sent on sentOn, asking for a reply within
// FollowUpReplyDays of in.Today. A complaint's follow-up asks for stage 2 instead.
func FollowUp(in Input, original Letter, sentOn entitlements.Date) (Letter, error) {
	if err := LoadTemplates(); err != nil {
		return Letter{}, err
	}
	if in.Today.IsZero() {
		return Letter{}, errors.New("letters: the letter's date (Today) is required")
	}
	if in.AsOf.IsZero() {
		in.AsOf = in.Today
	}
	if in.RequestID == "" {
		in.RequestID = original.RequestID
	}
	// A complaint that has had no answer at stage 1 goes on to stage 2.
	stage2 := original.RequestID == ComplaintStage1
	due := FollowUpDue(original.RequestID, in.Today)
	c := newCase(&in, original.Status, due)
	extra := map[string]any{
		"OriginalSubject": safe(original.Subject),
		"OriginalTitle":   safe(original.Title),
		"SentOn":          sentOn.Long(),
		"OriginalDue":     "",
		"FirstDue":        false,
		"Stage2":          stage2,
		"ReplyDays":       itoa(FollowUpReplyDays(original.RequestID)),
	}
	// The next step after a council's letter is a complaint; after anyone else's, advice.
	extra["ToCouncil"] = ComplaintCovers(original.RequestID)
	if d, err := entitlements.ParseDate(original.ReplyDue); err == nil {
		extra["OriginalDue"] = d.Long()
		extra["FirstDue"] = true
	}
	l, err := c.render(loaded().byID[followUpID], extra)
	if err != nil {
		return Letter{}, err
	}
	l.RequestID = original.RequestID
	if len(original.To) > 0 {
		l.To = nil
		for _, line := range original.To {
			s := safe(line)
			// safe() turns typed brackets into round ones; the original's own gaps stay gaps.
			for _, g := range original.Gaps {
				if strings.Contains(line, "["+g+"]") {
					s = strings.ReplaceAll(s, "("+g+")", "["+g+"]")
				}
			}
			l.To = append(l.To, s)
		}
		// The recipient block is the original's: its gaps stay gaps.
		l.Gaps = GapsIn(l.Text())
	}
	// The same person, reference and copy list as the original letter.
	if original.Greeting != "" {
		l.Greeting, l.Closing = original.Greeting, original.Closing
	}
	l.Reference, l.CopyTo = original.Reference, original.CopyTo
	l.Sources = original.Sources
	return l, nil
}

// Text is the whole letter as plain text, ready to print or paste.
func (l Letter) Text() string {
	var b strings.Builder
	for _, s := range l.From {
		b.WriteString(s + "\n")
	}
	b.WriteString("\n" + l.Date + "\n\n")
	for _, s := range l.To {
		b.WriteString(s + "\n")
	}
	if l.Reference != "" {
		b.WriteString("\nYour reference: " + l.Reference + "\n")
	}
	b.WriteString("\n" + l.Greeting + ",\n\n")
	b.WriteString(l.Subject + "\n\n")
	b.WriteString(l.Body + "\n\n")
	b.WriteString(l.Closing + ",\n\n\n")
	for _, s := range l.Signature {
		b.WriteString(s + "\n")
	}
	if len(l.Encloses) > 0 {
		b.WriteString("\nEnclosed:\n")
		for _, e := range l.Encloses {
			b.WriteString("- " + e + "\n")
		}
	}
	if len(l.CopyTo) > 0 {
		b.WriteString("\nCopy to:\n")
		for _, e := range l.CopyTo {
			b.WriteString("- " + e + "\n")
		}
	}
	return b.String()
}

// Gap markers: a gap is written between these private-use characters while the template runs,
// then turned into [label] and listed. People's text never contains them (safe removes them),
// so a square bracket typed in a name can never pass for a gap.
const gapOpen, gapClose = "\uE000", "\uE001"

func gap(label string) string { return gapOpen + label + gapClose }

var gapRe = regexp.MustCompile(gapOpen + `([^` + gapOpen + gapClose + `]*)` + gapClose)

// safe is people's text made fit for a letter: control characters and escape sequences removed,
// and square brackets (which mark gaps) shown as round ones.
func safe(s string) string {
	s = entitlements.CleanText(s)
	return safeReplacer.Replace(s)
}

var safeReplacer = strings.NewReplacer(gapOpen, "", gapClose, "", "[", "(", "]", ")")

// finish turns gap markers into [label]; GapsIn then lists them from the finished text.
func finish(s string) string {
	return gapRe.ReplaceAllStringFunc(s, func(m string) string {
		return "[" + m[len(gapOpen):len(m)-len(gapClose)] + "]"
	})
}

func appendNew(dst []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(dst, v) {
			dst = append(dst, v)
		}
	}
	return dst
}

// tidy trims each line, drops runs of blank lines and surrounding space.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, strings.TrimSpace(l))
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	// Join lines inside a paragraph into one line unless it is a list item.
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range out {
		if l == "" {
			flush()
			continue
		}
		if len(cur) > 0 && !strings.HasPrefix(l, "- ") && !strings.HasPrefix(cur[len(cur)-1], "- ") {
			cur[len(cur)-1] += " " + l
			continue
		}
		if len(cur) > 0 && strings.HasPrefix(cur[len(cur)-1], "- ") && !strings.HasPrefix(l, "- ") {
			cur[len(cur)-1] += " " + l
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return strings.Join(paras, "\n\n")
}
