package entitlements

// The facts most rules turn on, read through the ctx so unknown answers are walked.

// legal is the legal status; residence orders are read as child arrangements orders
// (Reading the rules 8: made before 22 April 2014, treated as a CAO).
func (c *ctx) legal() string {
	v := c.val(LegalStatus)
	if v == "residence_order" {
		return "cao"
	}
	return v
}

// hasPR: the carer has parental responsibility (spec: "Has parental responsibility").
func (c *ctx) hasPR() bool {
	switch c.legal() {
	case "sgo", "cao", "adoption", "guardian":
		return true
	}
	return false
}

// plac: previously looked after (spec "Previously looked after"). When children's services
// arranged the move before the order, a "no" is not the last word (Southwark v D [2007],
// R (SA) v Kent [2011]; FU §7), so the rules walk both possibilities.
func (c *ctx) plac() bool {
	switch c.legal() {
	case "sgo", "cao":
		if c.yes(PreviouslyLookedAfter) {
			return true
		}
		if c.yes(CouncilInvolved) {
			return c.yes(pseudoLookedAfterInLaw)
		}
		return false
	case "adoption":
		return c.yes(PreviouslyLookedAfter) || c.yes(AdoptedAbroad)
	}
	return false
}

// relative: Children Act 1989 s105. Great-grandparents are not on the statute's list (FU §11);
// "other relative" is unsettled, so it is walked both ways.
func (c *ctx) relative() bool {
	switch c.val(Relationship) {
	case "grandparent", "sibling", "aunt_uncle", "step_parent":
		return true
	case "other_relative":
		return c.yes(pseudoRelative)
	}
	return false
}

// privateFostering: Children Act 1989 s66: not a relative, 28 days or more, under 16 (18 if disabled).
func (c *ctx) privateFostering() bool {
	if c.legal() != "none" || c.relative() {
		return false
	}
	if !c.is(Duration, "28_days_or_more") {
		return false
	}
	age := c.age()
	if age < 16 {
		return true
	}
	return age < 18 && c.yes(ChildDisabled)
}

// inZone: the carer's council is one of the Kinship Zones. An unrecognised or missing council
// counts as unknown (Reading the rules 7), never guessed.
func (c *ctx) inZone() bool {
	if c.council != nil {
		return c.council.KinshipZone
	}
	return domains[CouncilKey][c.pick(CouncilKey)] == "zone"
}

// before says whether the assessment date is before date (YYYY-MM-DD, written in the rules).
// It compares digits, so the walk's inner loop parses nothing.
func (c *ctx) before(date string) bool {
	if c.asOfText == "" {
		c.asOfText = c.asOf.String()
	}
	return c.asOfText < date
}

// arrangementOf names the arrangement on answered values only (spec "Arrangement and the
// definition"); anything undecidable about private fostering gives informal kinship care.
func arrangementOf(a *Answers) string {
	if v := a.vals[Country]; v != "" && v != "england" {
		return ArrOutsideEngland
	}
	if a.vals[Relationship] == "parent" || a.vals[ParentInHome] == "yes" || a.vals[LivingWithCarer] == "no" {
		return ArrNotKinship
	}
	switch a.vals[LegalStatus] {
	case "kinship_foster":
		return ArrKinshipFoster
	case "sgo":
		return ArrSpecialGuard
	case "cao", "residence_order":
		return ArrChildArrange
	case "adoption":
		return ArrAdoption
	case "guardian":
		return ArrGuardianship
	case "none":
		if privatelyFostered(a) == yesFact {
			return ArrPrivateFoster
		}
		return ArrInformal
	}
	return ArrUnknown
}

type fact uint8

const (
	unknownFact fact = iota
	yesFact
	noFact
)

// privatelyFostered decides private fostering on answered values alone.
func privatelyFostered(a *Answers) fact {
	switch a.vals[Relationship] {
	case "grandparent", "sibling", "aunt_uncle", "step_parent":
		return noFact
	case "", "other_relative":
		return unknownFact
	}
	switch a.vals[Duration] {
	case "under_28_days":
		return noFact
	case "28_days_or_more":
	default:
		return unknownFact
	}
	age, ok := a.Age()
	if !ok {
		return unknownFact
	}
	switch {
	case age < 16:
		return yesFact
	case age >= 18:
		return noFact
	}
	switch a.vals[ChildDisabled] {
	case "yes":
		return yesFact
	case "no":
		return noFact
	}
	return unknownFact
}

// NotKinshipCare says whether arrangement step 2 holds on answered values: a parent, a parent
// in the home as main carer, or the child not living with the carer. Outside England the
// arrangement stays outside_england, but the rules still read this (Reading 6).
func NotKinshipCare(a *Answers) bool { return notKinshipCare(a) }

// ArrangementOf names the arrangement these answers describe, on answered values only.
func ArrangementOf(a *Answers) string { return arrangementOf(a) }

// considering: the carer is thinking of one of these orders. Orders end at 18, so at 18 or
// over it reads as none (Reading the rules 9). The age is read only when it can matter.
func (c *ctx) considering(orders ...string) bool {
	return c.in(ConsideringOrder, orders...) && c.age() < 18
}
