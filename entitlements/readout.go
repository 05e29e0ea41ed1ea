package entitlements

import (
	"fmt"
	"strings"
)

// ArrangementWords describes an arrangement in plain words, with the legal term explained.
func ArrangementWords(arr string) string {
	switch arr {
	case ArrInformal:
		return "Informal kinship care: you are raising a relative's or friend's child without a court order, and the child is not in the council's care."
	case ArrPrivateFoster:
		return "Private fostering: you are not a close relative and care for the child for 28 days or more by arrangement with the parents. The law says the council must be told."
	case ArrKinshipFoster:
		return "Kinship foster care: the child is in the council's care (\"looked after\") and placed with you as their foster carer."
	case ArrSpecialGuard:
		return "Special guardianship: a court order makes you the child's special guardian, with parental responsibility (the legal right to make decisions for the child) until they are 18."
	case ArrChildArrange:
		return "Child arrangements order: a court order says the child lives with you, and gives you parental responsibility (the legal right to make decisions for the child)."
	case ArrAdoption:
		return "Kinship adoption: you have adopted the child, so you are their legal parent."
	case ArrGuardianship:
		return "Guardianship: you were appointed the child's guardian (for example in a parent's will) and have parental responsibility."
	case ArrNotKinship:
		return "This is not kinship care: a parent is the child's main carer, or the child does not live with you."
	case ArrOutsideEngland:
		return "The child lives outside England, so most of England's rules do not apply."
	}
	return "We do not know the legal arrangement yet: whether there is a court order, or the council looks after the child."
}

// SituationWords describes this family's arrangement: the arrangement's meaning, or, when it
// is not kinship care, the particular reason and where parents can get help instead.
func SituationWords(rep Report) string {
	var why []string
	if len(rep.Outcomes) > 0 {
		why = rep.Outcomes[0].Why
	}
	return situation(rep.Arrangement, why, councilMayLookAfter(rep.Outcomes))
}

// Situation is SituationWords for an assessment not yet written out: it writes out only the
// one outcome it needs, so a screen can call it on every draw.
func (r *Result) Situation() string {
	var why []string
	if r.Arrangement == ArrNotKinship {
		why = r.outcome(0, r.env()).Why
	}
	return situation(r.Arrangement, why, r.Arrangement == ArrInformal && r.Status(fosteringID) == MayBeEligible)
}

func situation(arr string, why []string, mayBeLookedAfter bool) string {
	if arr == ArrNotKinship && len(why) > 0 {
		return strings.Join(why, " ")
	}
	if arr == ArrInformal && mayBeLookedAfter {
		return "Informal kinship care, on the answers: you are raising a relative's or friend's child without a court order. But children's services arranged it, so in law the child may be in the council's care (\"looked after\") and you may count as their foster carer."
	}
	return ArrangementWords(arr)
}

// fosteringID is the outcome that says a placement the council arranged may make the child
// looked after in law (Southwark v D): while it is open, no sentence says the child is not.
const fosteringID = "fostering_allowance"

// councilMayLookAfter says whether the fostering outcome leaves open that the council looks
// after the child although nobody made an order.
func councilMayLookAfter(outcomes []Outcome) bool {
	for _, o := range outcomes {
		if o.ID == fosteringID {
			return o.Status == MayBeEligible
		}
	}
	return false
}

// Money writes pence as pounds: £1,234.50, or £1,234 when whole.
func MoneyWords(p int64) string {
	pounds, pence := p/100, p%100
	s := fmt.Sprint(pounds)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if pence != 0 {
		return fmt.Sprintf("£%s.%02d", s, pence)
	}
	return "£" + s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func longDate(s string) string {
	if d, err := ParseDate(s); err == nil {
		return d.Long()
	}
	return s
}

// RuleInfo describes one rule for content review.
type RuleInfo struct {
	ID, Title, Summary string
	Kind               Kind
	Group              Group
	Starts, Ends       string
	Sources            []Source
}

// Rules lists every rule in the spec's order, for review without reading Go.
func Rules() []RuleInfo {
	out := make([]RuleInfo, numRules)
	for i, r := range rules {
		out[i] = RuleInfo{ID: r.id, Title: r.title, Summary: r.summary, Kind: r.kind, Group: r.group, Starts: r.starts, Ends: r.ends, Sources: OutcomeSources(r.id)}
	}
	return out
}
