package entitlements

// The kinship allowance trial in the seven Kinship Zones (rules.md, additions.md §B1).

var kinshipAllowancePilot = rule{
	id: "kinship_allowance_pilot", kind: Entitlement, group: Money, scope: scopeEnglandOnly, lowerWhenSoon: true,
	starts:  "2026-02-27",
	title:   "Kinship allowance (Kinship Zones)",
	summary: "A weekly allowance, at the fostering rate, being tried in seven council areas (the Kinship Zones) for special guardians and some carers with child arrangements orders.",
	eval: func(c *ctx) *verdict {
		if c.before("2026-02-27") {
			return kapNotYet
		}
		v := kapTests(c)
		if v.status == NotEligible {
			return v
		}
		// The council matters only where the published tests would not already say no.
		if !c.inZone() {
			return kapNotZone
		}
		if c.age() >= 18 {
			return kapAge
		}
		return v
	},
}

// kapTests are the published tests of who the allowance is for (additions.md §B1).
func kapTests(c *ctx) *verdict {
	switch c.legal() {
	case "sgo":
		if c.yes(SGFinancialSupport) {
			return kapCompare
		}
		return kapSGO
	case "cao":
		// A "lives with" order: it must also show the child would otherwise be in care.
		switch {
		case c.is(OrderRoute, "care_proceedings"):
			return kapCAOCare
		case c.plac():
			return kapCAOLookedAfter
		case c.yes(OtherwiseInCare):
			return kapCAOOtherwise
		case c.is(ParentsDied, "both"):
			return kapCAOOrphan
		case c.considering("sgo"):
			return kapConsideringSGO
		}
		return kapCAONone
	}
	if c.considering("sgo") {
		return kapConsideringSGO
	}
	if c.considering("cao") {
		switch {
		case c.legal() == "kinship_foster", c.is(CourtCase, "care_proceedings"), c.yes(OtherwiseInCare), c.is(ParentsDied, "both"):
			return kapConsideringCAO
		case c.legal() == "none" && c.yes(CouncilInvolved):
			return kapConsideringCAOAsk
		}
		return kapConsideringCAONone
	}
	return kapNo
}

const zonesList = "Bexley, Bolton, Newcastle upon Tyne, North East Lincolnshire, Medway, Thurrock and Wiltshire"

const kapNoParent = "The order must not name a birth parent as someone the child lives with."

var (
	kapNext     = lines("Ask your council's kinship team when payments start in your area: the start date in each Kinship Zone is not confirmed.", "Get a benefits check before you claim: how the allowance affects benefits is not yet confirmed.")
	kapCAOWhy   = "You live in a Kinship Zone (" + zonesList + ") and the child lives with you under a child arrangements order. The trial pays an allowance at the fostering rate for such an order when "
	kapCAOMatch = func(why string) *verdict {
		return &verdict{status: Eligible,
			why:      lines(kapCAOWhy+why, kapNoParent),
			change:   lines("Moving out of the Zone, or the order ending, would end it."),
			next:     kapNext,
			requests: lines("kinship_allowance_pilot"),
			figures:  fosteringFigures}
	}
	kapSGO = &verdict{status: Eligible,
		why:      lines("You live in a Kinship Zone (" + zonesList + ") and are the child's special guardian. The trial pays special guardians an allowance at the fostering rate, whether the order was made in care proceedings or on a family's own application."),
		change:   lines("Moving out of the Zone, or the order ending, would end it."),
		next:     kapNext,
		requests: lines("kinship_allowance_pilot"),
		figures:  fosteringFigures}
	kapCAOCare        = kapCAOMatch("it was made in care proceedings brought by the council.")
	kapCAOLookedAfter = kapCAOMatch("the child was in the council's care just before it.")
	kapCAOOtherwise   = kapCAOMatch("there is evidence the child would otherwise be in care: a child protection plan, safeguarding concerns the court noted, or a family meeting's decision that the child should live with you.")
	kapCAOOrphan      = kapCAOMatch("both parents have died, if at least one of them was caring for and living with the child before they died.")
	kapCompare        = &verdict{status: MayBeEligible,
		why:      lines("You live in a Kinship Zone and already get special guardianship financial support. You cannot have both: compare which is worth more."),
		change:   lines("If you stop getting special guardianship financial support, you could get the kinship allowance instead."),
		next:     append(lines("Ask the council to compare the two amounts for you in writing."), kapNext...),
		requests: lines("kinship_allowance_pilot"),
		figures:  fosteringFigures}
	kapConsideringSGO = &verdict{status: MayBeEligible,
		why:      lines("You live in a Kinship Zone and are applying for, or thinking of, special guardianship. Special guardians qualify; a family's own application counts once the first court hearing (the FHDRA, the first hearing in a private family case) has passed."),
		change:   lines("It starts once the order is made, or once the first hearing of your own application has passed."),
		next:     kapNext,
		requests: lines("kinship_allowance_pilot")}
	kapConsideringCAO = &verdict{status: MayBeEligible,
		why:      lines("You live in a Kinship Zone and are applying for a child arrangements order, and the child is in care, in care proceedings, would otherwise be in care, or has lost both parents. Such applications count once you have attended the first court hearing (the FHDRA).", kapNoParent),
		change:   lines("It depends on the first hearing having taken place, and on the order the court makes."),
		next:     kapNext,
		requests: lines("kinship_allowance_pilot")}
	kapConsideringCAOAsk = &verdict{status: Check,
		why:      lines("You live in a Kinship Zone and are thinking of a child arrangements order. Children's services arranged for the child to come to you, so the child may have been in the council's care just before: that is one of the trial's tests."),
		change:   lines("If the child was looked after just before coming to you, or would otherwise be in care, you may qualify once you have attended the first hearing."),
		next:     append(lines("Ask the council in writing for the child's legal status when they came to you."), kapNext...),
		requests: lines("looked_after_status_enquiry", "kinship_allowance_pilot")}
	kapConsideringCAONone = &verdict{status: NotEligible,
		why:    lines("A child arrangements order qualifies for the kinship allowance only where the child would otherwise be in care: the child is in care or in care proceedings, was on a child protection plan, the court noted safeguarding concerns, a family meeting decided the child should live with you, or both parents have died. None of these applies on your answers."),
		change: lines("If one of those applies, or you apply for special guardianship instead, this could change.")}
	kapCAONone = &verdict{status: NotEligible,
		why:    lines("Your child arrangements order was made on a family's own application, and none of the trial's other tests applies: the child was not in care just before, there is no evidence the child would otherwise be in care, and both parents have not died."),
		change: lines("If one of those applies (for example the child was on a child protection plan when they came to you), or you apply for special guardianship, this could change.")}
	kapNotZone = &verdict{status: NotEligible,
		why:    lines("The kinship allowance is being tried only in seven council areas: " + zonesList + ". Your council is not one of them."),
		change: lines("Living in one of those council areas would change this. Your council may still pay a special guardianship or child arrangements order allowance.")}
	kapNotYet = &verdict{status: NotEligible,
		why:    lines("The Kinship Zones trial started on 27 February 2026."),
		change: lines("From 27 February 2026 it may apply in the seven Zones.")}
	kapAge = &verdict{status: NotEligible,
		why:    lines("The kinship allowance is for a child under 18."),
		change: lines("It does not apply at this age.")}
	kapNo = &verdict{status: NotEligible,
		why:    lines("The kinship allowance trial is for special guardians, and for some carers with a child arrangements order, in the seven Kinship Zones. Carers without an order who are not applying for one, and foster carers, are not included."),
		change: lines("Applying for special guardianship, or a child arrangements order where the child would otherwise be in care, in a Kinship Zone would change this.")}
)
