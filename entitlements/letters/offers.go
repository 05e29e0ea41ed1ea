package letters

import (
	"slices"

	"kincare/entitlements"
)

// The letters added after the spec's first table of requests. The rules name the spec's letters
// in each outcome; these are offered here, from the outcomes that justify them, so the rules stay
// as they are. Their ids belong in the spec's requests table.
const (
	ComplaintStage1           = "complaint_stage_1"
	CarersLeaveNotice         = "carers_leave_notice"
	ConnectedPersonAssessment = "connected_person_assessment"
	MaternityGrantNote        = "maternity_grant_note"
)

// addedIDs are the added letters, in the order a list shows them (after the spec's).
var addedIDs = []string{ConnectedPersonAssessment, ComplaintStage1, CarersLeaveNotice, MaternityGrantNote}

// IDs are every letter id: the spec's, then the added ones.
func IDs() []string {
	return append(append([]string{}, entitlements.RequestIDs...), addedIDs...)
}

// addedOffer is an outcome that offers an added letter, with the arrangements it applies to
// (any when empty).
type addedOffer struct {
	outcome      string
	letter       string
	arrangements []string
}

// councilLetters are the spec's letters to a council's children's services (its Virtual School
// included): when one of them is offered, a complaint (the step after a letter and its
// follow-up) is offered too. The children's complaints procedure covers the council's functions
// under Part 3 of the Children Act 1989, which include the Virtual School's advice (s23ZZA) and
// private fostering checks.
var councilLetters = []string{"sg_support_assessment", "asgsf_assessment", "fostering_allowance_review",
	"child_in_need_assessment", "local_offer_copy", "legal_advice_funding", "cao_allowance",
	"kinship_allowance_pilot", "adoption_support_assessment", "looked_after_status_enquiry",
	"virtual_school_advice", "private_fostering_notice"}

// ComplaintCovers says whether a complaint under the children's complaints procedure is the
// step after a letter of id that was refused or went unanswered: a letter to a council's
// children's services. This is the one test; the follow-up's closing line and tracking use it.
func ComplaintCovers(id string) bool {
	return slices.Contains(councilLetters, id) || id == ConnectedPersonAssessment
}

var addedOffers = func() []addedOffer {
	offers := []addedOffer{
		{outcome: "carers_leave", letter: CarersLeaveNotice},
		{outcome: "sure_start_maternity_grant", letter: MaternityGrantNote},
		// A child the council placed (or is about to place) with a carer who has no order and is
		// not yet a foster carer: ask to be assessed as one.
		{outcome: "fostering_allowance", letter: ConnectedPersonAssessment,
			arrangements: []string{entitlements.ArrInformal, entitlements.ArrPrivateFoster}},
	}
	seen := map[string]bool{}
	for _, id := range councilLetters {
		for _, o := range enablers[id] {
			if !seen[o] {
				seen[o] = true
				offers = append(offers, addedOffer{outcome: o, letter: ComplaintStage1})
			}
		}
	}
	return offers
}()

// requestsOf are the letters an outcome offers: the rules' own, then the added ones.
func requestsOf(o entitlements.Outcome, arrangement string) []string {
	out := o.Requests
	for _, a := range addedOffers {
		if a.outcome == o.ID && (len(a.arrangements) == 0 || slices.Contains(a.arrangements, arrangement)) && !slices.Contains(out, a.letter) {
			out = append(append([]string{}, out...), a.letter)
		}
	}
	return out
}

// enablersOf are the outcomes that can offer a letter (for explaining a refusal).
func enablersOf(id string) []string {
	if e, ok := enablers[id]; ok {
		return e
	}
	var out []string
	for _, a := range addedOffers {
		if a.letter == id && !slices.Contains(out, a.outcome) {
			out = append(out, a.outcome)
		}
	}
	return out
}

// Title is what a letter is for, in plain words, from its template ("" for an unknown id).
func Title(id string) string {
	if t, ok := loaded().byID[id]; ok {
		return t.title
	}
	return ""
}
