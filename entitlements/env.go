package entitlements

import "fmt"

// Env is what the words of an outcome may mention: the family's answers, the date and council.
type Env struct {
	A           *Answers
	AsOf        Date
	Council     *Council
	Arrangement string
}

func (r *Result) env() *Env {
	e := &Env{A: &r.Answers, AsOf: r.AsOf, Arrangement: r.Arrangement}
	if name := r.Answers.vals[CouncilKey]; name != "" {
		if c, ok := FindCouncil(name); ok {
			e.Council = &c
		}
	}
	return e
}

// CouncilName is the carer's council as the rules know it, or "your council".
func (e *Env) CouncilName() string {
	if e.Council != nil {
		return e.Council.Name
	}
	return "your council"
}

// ResponsibleCouncil applies the three-year rule (Special Guardianship Regulations 2005 reg 5;
// Adoption Support Services Regulations 2005 reg 7): for three years after the order, the
// council that looked after the child is responsible for support; after that, the council where
// the family lives. It returns a sentence for the family, and the name ("" when unknown).
func ResponsibleCouncil(a *Answers, asOf Date) (sentence, name string) {
	placing := a.vals[PlacingCouncil]
	if c, ok := FindCouncil(placing); ok {
		placing = c.Name
	}
	home := a.vals[CouncilKey]
	if c, ok := FindCouncil(home); ok {
		home = c.Name
	}
	od := a.vals[OrderDate]
	if od == "" {
		return "For three years after the order, the council that looked after the child must assess; after that, the council where you live. We do not know the date of the order, so check which applies.", ""
	}
	d, month, err := ParseDateOrMonth(od)
	if err != nil {
		return "", ""
	}
	placingWho := "the council that looked after the child"
	if placing != "" {
		placingWho = placing
	}
	homeWho := "the council where you live"
	if home != "" {
		homeWho = home
	}
	if month {
		// Only the month is known: the three years end some day in that month, three years on.
		endFirst := d.AddYears(3)
		endAfter := endFirst.AddMonths(1)
		when := d.Time().Format("January 2006")
		switch {
		case asOf.Before(endFirst):
			return fmt.Sprintf("The order was made in %s, so until some day in %s the responsible council is %s (the council that looked after the child). After that it is the council where you live.", when, endFirst.Time().Format("January 2006"), placingWho), placing
		case !asOf.Before(endAfter):
			return fmt.Sprintf("The order was made in %s, more than three years ago, so the responsible council is now %s. Financial support agreed before the three years ended is reported to stay with the council that agreed it: check.", when, homeWho), home
		}
		return fmt.Sprintf("The order was made in %s, so the three years end this month: until the third anniversary of the order the responsible council is %s, and from that day it is %s. Check the exact date on the order.", when, placingWho, homeWho), ""
	}
	end := d.AddYears(3)
	if asOf.Before(end) {
		return fmt.Sprintf("The order was made on %s, so until %s the responsible council is %s (the council that looked after the child). After that it is the council where you live.", d.Long(), end.Long(), placingWho), placing
	}
	return fmt.Sprintf("The order was made on %s, more than three years ago, so the responsible council is now %s. Financial support agreed before %s is reported to stay with the council that agreed it: check.", d.Long(), homeWho, end.Long()), home
}

// keyPhrase says what an unknown answer is about, as part of a sentence.
func keyPhrase(k Key) string {
	switch k {
	case Country:
		return "which country the child lives in"
	case LivingWithCarer:
		return "whether the child lives with you now"
	case Relationship:
		return "how you are related to the child"
	case Duration:
		return "how long the child will live with you (28 days or more)"
	case ChildAge:
		return "the child's age"
	case ChildDisabled:
		return "whether the child has a disability"
	case LegalStatus:
		return "whether there is a court order, or the council looks after the child"
	case CouncilInvolved:
		return "whether children's services arranged for the child to come to you"
	case OrderRoute:
		return "whether the council took the case to court or your family applied"
	case OtherwiseInCare:
		return "whether the child would otherwise be in care (a child protection plan, safeguarding concerns the court noted, or a family meeting's decision)"
	case PreviouslyLookedAfter:
		return "whether the child was in the care of a council just before the order"
	case AdoptedAbroad:
		return "whether the child was adopted from state care abroad"
	case CouncilKey:
		return "which council area you live in"
	case EducationKey:
		return "the child's stage of education"
	case SchoolType:
		return "what kind of school the child goes to"
	case EHCP:
		return "whether the child has an Education, Health and Care plan"
	case ParentsDied:
		return "whether the child's parents have died"
	case SurvivingParent:
		return "the surviving parent's situation"
	case Benefits:
		return "whether you get a means-tested benefit such as Universal Credit"
	case CarerPensionAge:
		return "whether you have reached State Pension age"
	case ChildDLA:
		return "whether the child gets Disability Living Allowance or PIP"
	case SGFinancialSupport:
		return "whether you already get special guardianship financial support"
	case CourtCase:
		return "whether there is a court case now"
	case ConsideringOrder:
		return "whether you are thinking of applying for an order"
	case InWork:
		return "whether you are an employee"
	case pseudoLookedAfterInLaw:
		return "whether the child was in law looked after by the council before the order, because children's services arranged the move"
	case pseudoRelative:
		return "whether the law counts you as the child's relative"
	}
	return k.String()
}

// keyHowToFind tells the family where to find an answer out.
func keyHowToFind(k Key) string {
	switch k {
	case LegalStatus:
		return "Look at any court papers: the order's title is at the top of its first page. If there are none, ask the child's social worker whether the child is \"looked after\" (in the council's care)."
	case PreviouslyLookedAfter, pseudoLookedAfterInLaw:
		return "Ask the council for the child's legal status just before the order: was the child \"looked after\" (in care, or accommodated under section 20)? Ask for it in writing."
	case CouncilInvolved:
		return "Think back to how the child came to you: did a social worker ask you, or arrange it?"
	case Country:
		return "Say which country the child lives in: everything here is worked out on England's rules until you do."
	case OrderRoute:
		return "The order or the court papers say who applied: the council (care proceedings) or a family member."
	case OtherwiseInCare:
		return "Look for a child protection plan letter, the court's welfare report, or the record of a family group conference; the social worker can confirm."
	case CouncilKey:
		return "Check which council collects your council tax: that is your council for children's services."
	case EHCP:
		return "An Education, Health and Care plan is a legal document from the council; the school's special needs coordinator (SENCO) can tell you if there is one."
	case ChildDLA:
		return "Check the child's benefit letters from the Department for Work and Pensions."
	case Benefits:
		return "Check your award letters: Universal Credit, Pension Credit and income-based benefits count."
	case CarerPensionAge:
		return "Check your State Pension age on GOV.UK (\"Check your State Pension age\")."
	case pseudoRelative:
		return "Tell the council about the arrangement anyway: it is safe, and they will say whether the private fostering rules apply."
	}
	return ""
}
