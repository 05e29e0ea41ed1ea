package entitlements

import (
	"slices"
	"sort"
)

// The parts of the short read-out (readout.go): the next steps, most valuable first, and the
// questions still to ask.

// step is one thing to do next, said once however many outcomes lead to it.
type step struct {
	key    string // the letter's id, or the outcome's id when there is no letter
	text   string
	tier   int
	status Status
	amount int64
	order  int
}

// stepTierOrder ranks the council's discretionary money, legal help and therapy: after the
// fixed payments, before everything else with a letter.
var stepTierOrder = []string{
	"fostering_allowance", "kinship_allowance_pilot", "sg_support_assessment", "sg_allowance", "cao_allowance",
	"legal_aid_care_proceedings", "legal_aid_sgo_application", "legal_aid_cao_application",
	"council_funded_legal_advice", "asgsf", "adoption_support_assessment", "s17_support",
}

// letterWords names each letter by what it asks and of whom.
var letterWords = map[string]string{
	"virtual_school_advice":       "a letter asking the Virtual School Head for advice on the child's education",
	"sg_support_assessment":       "a letter asking the council for a special guardianship support assessment, including financial support",
	"asgsf_assessment":            "a letter asking the council to assess the child's therapy needs and apply to the support fund",
	"fostering_allowance_review":  "a letter asking the fostering service to pay at least the national minimum allowance",
	"child_in_need_assessment":    "a letter asking the council for a child in need assessment",
	"local_offer_copy":            "a letter asking the council for its kinship local offer",
	"private_fostering_notice":    "a letter telling the council about the arrangement, as the law requires",
	"school_pupil_premium_plus":   "a letter asking the school to record that the child was in care, for Pupil Premium Plus",
	"legal_advice_funding":        "a letter asking the council to pay for independent legal advice",
	"cao_allowance":               "a letter asking the council for a child arrangements order allowance",
	"kinship_allowance_pilot":     "a letter asking the council for the Kinship Zone allowance",
	"flexible_working":            "a letter asking your employer for flexible working",
	"parental_leave":              "a letter giving your employer notice of parental leave",
	"adoption_support_assessment": "a letter asking the council for an adoption support assessment",
	"looked_after_status_enquiry": "a letter asking the council whether the child was in its care when they came to you",
}

// LetterWords names a letter by what it asks and of whom, as the read-out says it.
func LetterWords(requestID string) string {
	if w, ok := letterWords[requestID]; ok {
		return w
	}
	return "a letter"
}

// stepsOf lists the steps one child's outcomes lead to, most valuable first: a duty, then the
// fixed payments (biggest first), then the council's money, legal help and therapy, then
// anything with a letter, then the rest; the steps for what still needs checking after all of
// these. A check outcome gives a step only through its letter; otherwise its question is asked.
func stepsOf(outcomes []Outcome, amounts map[string]int64) []step {
	var out []step
	seen := map[string]bool{}
	for i, o := range outcomes {
		if o.Status == NotEligible || (o.Status == Check && len(o.Requests) == 0) {
			continue
		}
		s := step{status: o.Status, order: i, amount: amounts[o.ID]}
		switch t := slices.Index(stepTierOrder, o.ID); {
		case o.Kind == Duty && o.Status == Eligible:
			s.tier = 0
		case s.amount > 0:
			s.tier = 1
		case t >= 0:
			s.tier, s.order = 2, t
		case len(o.Requests) > 0:
			s.tier = 3
		default:
			s.tier = 4
		}
		if len(o.Requests) > 0 {
			s.key = o.Requests[0]
			s.text = "Send " + LetterWords(s.key) + "."
		} else if len(o.NextSteps) > 0 {
			s.key = o.ID
			s.text = o.Title + ": " + o.NextSteps[0]
		} else {
			continue
		}
		if seen[s.key] {
			continue
		}
		seen[s.key] = true
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return stepBefore(out[i], out[j]) })
	return out
}

// stepBefore says whether step a is worth more than b.
func stepBefore(a, b step) bool {
	if (a.status == Check) != (b.status == Check) {
		return b.status == Check
	}
	if a.tier != b.tier {
		return a.tier < b.tier
	}
	if a.status != b.status {
		return StatusRank[a.status] < StatusRank[b.status]
	}
	if a.amount != b.amount {
		return a.amount > b.amount
	}
	return a.order < b.order
}

// questionKeys are the unanswered keys worth asking, those behind the most valuable outcomes
// first: the checks in the order of stepsOf's tiers, then the rest in spec order. A key that
// cannot be asked yet gives way to the key its condition waits on (asks), or to nothing.
func questionKeys(outcomes []Outcome, unanswered []string, asks map[string]string) []string {
	var ranked []Outcome
	for _, o := range outcomes {
		if o.Status == Check && len(o.Unanswered) > 0 {
			ranked = append(ranked, o)
		}
	}
	rank := func(o Outcome) int {
		if t := slices.Index(stepTierOrder, o.ID); t >= 0 {
			return t
		}
		if o.Group == Money {
			return len(stepTierOrder)
		}
		return len(stepTierOrder) + 1
	}
	sort.SliceStable(ranked, func(i, j int) bool { return rank(ranked[i]) < rank(ranked[j]) })
	var keys []string
	add := func(k string) {
		if k = askName(asks, k); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, o := range ranked {
		for _, k := range o.Unanswered {
			if slices.Contains(unanswered, k) {
				add(k)
			}
		}
	}
	for _, k := range unanswered {
		add(k)
	}
	return keys
}

// question asks for an unanswered key in plain words.
func question(name string) string {
	k, ok := KeyNamed(name)
	if !ok {
		return ""
	}
	return "Do you know " + keyPhrase(k) + "?"
}
