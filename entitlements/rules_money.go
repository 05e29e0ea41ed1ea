package entitlements

import "fmt"

// Money [MO §1–§5]. Each rule is the spec's general case first, then its named exceptions.

var fosteringAllowance = rule{
	id: "fostering_allowance", kind: Entitlement, group: Money, scope: scopeWalesOwn, lowerWhenSoon: true,
	title:   "Fostering allowance",
	summary: "A weekly payment for a child the council has placed with you as their foster carer, at least the national minimum rate.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "kinship_foster":
			if c.age() >= 18 {
				return fosterStayingPut
			}
			return fosterYes
		case "none":
			if c.yes(CouncilInvolved) {
				return fosterCouncilArranged
			}
		case "sgo", "cao":
			if c.yes(CouncilInvolved) && !c.yes(PreviouslyLookedAfter) {
				return fosterBeforeOrder
			}
		}
		return fosterNo
	},
}

var (
	fosterYes = &verdict{status: Eligible,
		why:      lines("The council has placed the child with you as a foster carer (a \"connected person\" foster carer: a relative or friend approved to foster this child).", "Family foster carers must be paid the same as any other foster carer, and at least the national minimum allowance (Tower Hamlets v X, Court of Appeal, 2013)."),
		change:   lines("If you get a special guardianship or child arrangements order, fostering pay stops; ask about special guardianship support first."),
		next:     lines("Ask the fostering service for a written breakdown of what you are paid for the child.", "If it is less than the national minimum for the child's age, or less than other foster carers get, ask them to review it in writing."),
		requests: lines("fostering_allowance_review"),
		figures:  fosteringFigures}
	fosterCouncilArranged = &verdict{status: MayBeEligible,
		why:      lines("Children's services arranged for the child to come to you. When the council arranges a placement, the child may in law be \"looked after\" (in its care) and you may count as a foster carer, even if nobody called it that (Southwark v D, 2007).", "If so, you may be owed fostering pay, possibly back to when the child came. This is decided case by case."),
		change:   lines("If the council shows it only gave advice and the family made the arrangement, it would not apply."),
		next:     append(lines("Write to the council asking for the child's legal status when they came to you, and for the records of how the placement was made.", "Ask to be assessed as a foster carer for the child.", "Get advice before agreeing to an order: Family Rights Group's advice line can help."), complaintsRoute...),
		requests: lines("looked_after_status_enquiry")}
	fosterBeforeOrder = &verdict{status: MayBeEligible,
		why:      lines("Children's services arranged for the child to come to you before the order. The child may in law have been looked after then, and you may be owed fostering pay for the time before the order. The Local Government and Social Care Ombudsman has ordered such back pay."),
		change:   lines("If the council's records show the family made the arrangement without the council, it would not apply."),
		next:     append(lines("Ask the council in writing for the child's legal status before the order and the records of how the placement was made."), complaintsRoute...),
		requests: lines("looked_after_status_enquiry")}
	fosterStayingPut = &verdict{status: Check,
		why:    lines("At 18 a young person leaves the council's care, so the fostering allowance stops. If they stay with you (\"Staying Put\", possible to 21), the council pays Staying Put payments instead; each council sets its own rate."),
		change: lines("The council's leaving care team decides the Staying Put arrangement and what it pays."),
		next:   lines("Ask the council's leaving care team, in writing, for a Staying Put arrangement and what it will pay you.", "Ask for it before the 18th birthday if you can, so payments do not stop.")}
	fosterNo = &verdict{status: NotEligible,
		why:    lines("Fostering allowances are for foster carers: the council must have placed the child with you while the child is in its care (\"looked after\")."),
		change: lines("If the council placed the child with you, or children's services arranged the move, this could change.")}
)

// complaintsRoute is the way to challenge children's services when they arranged a placement
// but will not treat it as fostering (additions.md §B6).
var complaintsRoute = lines(
	"If the council will not treat it as fostering, complain under its children's services complaints procedure (the law sets three stages: a local answer within 10 working days, up to 20; an independent investigation within 25 working days, up to 65; then a review panel).",
	"If you are still unhappy after that, ask the Local Government and Social Care Ombudsman to look at it: it has told councils to pay family carers as foster carers.")

// fosteringFigures shows the national minimum allowance for the child's age band in the
// council's rate area; both areas where the area is unconfirmed (AD §A13), all three when
// the council is unknown.
func fosteringFigures(e *Env) []Figure {
	age, ok := e.A.Age()
	if !ok {
		return nil
	}
	band := ageBand(age)
	if band == "" {
		return nil
	}
	var regions []Region
	switch {
	case e.Council == nil:
		regions = []Region{London, SouthEast, RestOfEngland}
	case e.Council.RegionUnconfirmed:
		regions = []Region{SouthEast, RestOfEngland}
	default:
		regions = []Region{e.Council.Region}
	}
	var fs []Figure
	for _, reg := range regions {
		if f, _, ok := FigureAt("fostering_allowance", string(reg)+"/"+band, e.AsOf); ok {
			f.Label = fmt.Sprintf("National minimum fostering allowance, %s, age %s", regionWords(reg), bandWords(band))
			fs = append(fs, f)
		}
	}
	return fs
}

func ageBand(age int) string {
	switch {
	case age <= 2:
		return "0-2"
	case age <= 4:
		return "3-4"
	case age <= 10:
		return "5-10"
	case age <= 15:
		return "11-15"
	case age <= 17:
		return "16-17"
	}
	return ""
}

func bandWords(b string) string {
	switch b {
	case "0-2":
		return "0 to 2"
	case "3-4":
		return "3 to 4"
	case "5-10":
		return "5 to 10"
	case "11-15":
		return "11 to 15"
	}
	return "16 to 17"
}

func regionWords(r Region) string {
	switch r {
	case London:
		return "London"
	case SouthEast:
		return "South East"
	}
	return "rest of England"
}

var sgSupportAssessment = rule{
	id: "sg_support_assessment", kind: Advice, group: Money,
	title:   "Special guardianship support assessment",
	summary: "An assessment by the council of what support a special guardian needs, including money.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "sgo":
			if c.plac() {
				return sgsaMust
			}
			return sgsaMay
		case "kinship_foster":
			if c.considering("sgo") {
				return sgsaProspective
			}
		case "none", "cao":
			if c.considering("sgo") {
				return sgsaConsidering
			}
		}
		return sgsaNo
	},
}

var (
	sgsaMust = &verdict{status: Eligible,
		why:      lines("The child was looked after by a council just before the special guardianship order, so the council must assess your support needs if you ask (Special Guardianship Regulations 2005)."),
		change:   lines("This would change only if the child was not in fact looked after before the order."),
		next:     lines("Ask the responsible council in writing for a special guardianship support assessment, including financial support.", "Keep a copy of your letter and the date you sent it."),
		requests: lines("sg_support_assessment"),
		extra:    responsibleCouncilLine}
	sgsaMay = &verdict{status: MayBeEligible,
		why:      lines("You are a special guardian. The child was not looked after just before the order, so the council may assess your support needs but does not have to."),
		change:   lines("If the child was in fact looked after by a council just before the order, the council would have to assess."),
		next:     lines("Ask your council in writing for a special guardianship support assessment; many councils agree."),
		requests: lines("sg_support_assessment")}
	sgsaProspective = &verdict{status: Eligible,
		why:      lines("The child is looked after and you are thinking of becoming their special guardian, so the council must assess your support needs before the court decides."),
		change:   lines("If you stop considering special guardianship, this would no longer apply."),
		next:     lines("Ask the council for the support assessment and a written support plan before the final hearing.", "Do not agree to an order until you have seen the support plan and had legal advice."),
		requests: lines("sg_support_assessment")}
	sgsaConsidering = &verdict{status: MayBeEligible,
		why:      lines("You are thinking of applying for special guardianship. The council may assess your support needs, but does not have to unless the child is looked after."),
		change:   lines("If the child becomes looked after, the council would have to assess."),
		next:     lines("Ask the council what support it would give before you apply."),
		requests: lines("sg_support_assessment")}
	sgsaNo = &verdict{status: NotEligible,
		why:    lines("This assessment is for special guardians and people thinking of becoming one."),
		change: lines("If you apply for, or are given, a special guardianship order, this would change.")}
)

func responsibleCouncilLine(e *Env) []string {
	s, _ := ResponsibleCouncil(e.A, e.AsOf)
	if s == "" {
		return nil
	}
	return []string{s}
}

var sgAllowance = rule{
	id: "sg_allowance", kind: Entitlement, group: Money, scope: scopeWalesOwn,
	title:   "Special guardianship allowance",
	summary: "Regular money from the council for a special guardian. It is up to the council and usually means-tested.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "sgo" || c.considering("sgo") {
			return sgaMay
		}
		return sgaNo
	},
}

var (
	sgaMay = &verdict{status: MayBeEligible,
		why:      lines("Special guardians can ask the council for a special guardianship allowance. It is up to the council, usually means-tested (it looks at your income), and the council should have regard to fostering rates when setting it.", "Councils may take Child Benefit and other money paid for the child into account when they work it out."),
		change:   lines("There is no fixed national rate; the council's own policy and its assessment decide."),
		next:     lines("Ask for a special guardianship support assessment that includes financial support.", "Ask for the council's special guardianship allowance policy in writing, and how it works out the amount: which money for the child it takes into account.", "Have a benefits check first: some benefits count the allowance and some do not."),
		requests: lines("sg_support_assessment")}
	sgaNo = &verdict{status: NotEligible,
		why:    lines("This allowance is only for special guardians (or people about to become one)."),
		change: lines("If you apply for a special guardianship order, ask about it then.")}
)

var caoAllowance = rule{
	id: "cao_allowance", kind: Entitlement, group: Money, scope: scopeWalesOwn,
	title:   "Child arrangements order allowance",
	summary: "Money the council may pay to someone the child lives with under a child arrangements order.",
	eval: func(c *ctx) *verdict {
		if c.legal() != "cao" {
			return caoNo
		}
		if c.is(Relationship, "step_parent") {
			return caoStepParent
		}
		return caoMay
	},
}

var (
	caoMay = &verdict{status: MayBeEligible,
		why:      lines("The council can pay an allowance to someone the child lives with under a child arrangements order (Children Act 1989 Schedule 1 paragraph 15). It is up to the council."),
		change:   lines("Each council has its own policy and means test."),
		next:     lines("Ask the council in writing for a child arrangements order allowance and its policy."),
		requests: lines("cao_allowance")}
	caoStepParent = &verdict{status: Check,
		why:      lines("A step-parent married to, or in a civil partnership with, a living parent of the child cannot get this allowance (Children Act 1989 Schedule 1 paragraph 15(2)). A widowed or divorced step-parent can ask."),
		change:   lines("If you are no longer married to (or in a civil partnership with) a living parent of the child, you can ask."),
		next:     lines("Check whether that applies to you; if not, ask the council in writing."),
		requests: lines("cao_allowance")}
	caoNo = &verdict{status: NotEligible,
		why:    lines("This allowance is for people the child lives with under a child arrangements order (or an old residence order)."),
		change: lines("If you get a child arrangements order, you could ask for it.")}
)

var s17Support = rule{
	id: "s17_support", kind: Entitlement, group: Money, scope: scopeEnglandOnly,
	title:   "Help for a child in need (section 17)",
	summary: "Councils can give support, including money, to a child in need and their family under section 17 of the Children Act 1989.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return s17Looked
		}
		return s17May
	},
}

var (
	s17May = &verdict{status: MayBeEligible,
		why:      lines("The council can help any child in need and their family, including with money, under section 17. It is up to the council."),
		change:   lines("The council assesses whether the child is \"in need\"."),
		next:     lines("Ask the council in writing for a child in need assessment.", "Say what the child needs: money for clothes, a bed, school costs, childcare, or help with the child's behaviour."),
		requests: lines("child_in_need_assessment")}
	s17Looked = &verdict{status: NotEligible,
		why:    lines("The child is looked after, so support comes through the care plan and your fostering allowance instead."),
		change: lines("If the child stops being looked after, this could apply.")}
)

// childBenefitCase: the child can count for Child Benefit (under 16, or 16 to 19 in full-time
// non-advanced education: most children turn 16 in year 11, AD §B3).
func (c *ctx) childBenefitCase() bool {
	if c.legal() == "kinship_foster" {
		return false
	}
	return c.childForBenefits()
}

// childForBenefits: a child for Child Benefit, Universal Credit, Pension Credit and child
// maintenance: under 16, or 16 to 19 in secondary or post-16 education.
func (c *ctx) childForBenefits() bool {
	return c.age() < 16 || (c.ageIn(16, 19) && c.in(EducationKey, "secondary", "post_16"))
}

var childBenefit = rule{
	id: "child_benefit", kind: Entitlement, group: Money, scope: scopeUK, lowerWhenSoon: true,
	title:   "Child Benefit",
	summary: "A weekly payment for the person a child lives with. You do not need to be a parent or have an order.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return cbFoster
		}
		if c.childBenefitCase() {
			return cbYes
		}
		return cbAge
	},
}

var (
	cbYes = &verdict{status: Eligible,
		why:     lines("The child lives with you. The person a child lives with can claim Child Benefit; you do not need to be a parent or have an order."),
		change:  lines("If a parent is already paid it, they keep it until the third week after your claim unless they give it up sooner."),
		next:    lines("Claim Child Benefit on GOV.UK or by calling the Child Benefit Office.", "If a parent is still being paid, claim anyway: you have priority as the person the child lives with."),
		extra:   niCredits,
		figures: childBenefitFigures}
	cbFoster = &verdict{status: NotEligible,
		why:    lines("Foster carers cannot get Child Benefit for a child the council pays to look after."),
		change: lines("If you get a special guardianship or child arrangements order, you could claim.")}
	cbAge = &verdict{status: NotEligible,
		why:    lines("Child Benefit is for a child under 16, or under 20 in full-time non-advanced education (school to year 13, A levels, or similar) or approved training."),
		change: lines("If the young person is under 20 and in full-time non-advanced education or approved training, you could claim.")}
)

// niCredits: Child Benefit for a child under 12 gives a carer under State Pension age National
// Insurance credits (AD §B3), worth claiming even where the High Income Child Benefit Charge
// takes the money back.
func niCredits(e *Env) []string {
	age, ok := e.A.Age()
	if e.A.Value(CarerPensionAge) == "yes" || (ok && age >= 12) {
		return nil
	}
	line := "Claiming also gives you National Insurance credits towards your State Pension while the child is under 12, so it is worth claiming even if the High Income Child Benefit Charge takes the money back (you can choose not to be paid and still get the credits)."
	if !ok {
		line = "If the child is under 12, claiming also gives you National Insurance credits towards your State Pension, so it is worth claiming even if the High Income Child Benefit Charge takes the money back."
	}
	return []string{line}
}

func childBenefitFigures(e *Env) []Figure {
	return figures(e.AsOf, "child_benefit", "eldest", "other")
}

// figures looks up several items of one parameter.
func figures(asOf Date, id string, items ...string) []Figure {
	var fs []Figure
	for _, it := range items {
		if f, _, ok := FigureAt(id, it, asOf); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

var guardiansAllowance = rule{
	id: "guardians_allowance", kind: Entitlement, group: Money, scope: scopeUK, lowerWhenSoon: true,
	title:   "Guardian's Allowance",
	summary: "A tax-free weekly addition to Child Benefit when you bring up a child whose parents have died (or one has died and the other cannot care).",
	eval: func(c *ctx) *verdict {
		if !c.childBenefitCase() {
			return gaNoCB
		}
		switch c.val(ParentsDied) {
		case "both":
		case "one":
			if c.is(SurvivingParent, "other") {
				return gaOneOther
			}
		default:
			return gaNone
		}
		if c.legal() == "adoption" {
			return gaAdoption
		}
		return gaYes
	},
}

var (
	gaNext = lines("Claim Guardian's Allowance from the Child Benefit Office (form BG1) at the same time as Child Benefit; it can be backdated up to three months.", "One of the parents must have been born in the UK, or lived here for 52 weeks in any two years: say if you are unsure.")
	gaYes  = &verdict{status: Eligible,
		why:     lines("You can get Child Benefit for the child and the parents' situation qualifies: both have died, or one has died and the other cannot be traced, is in prison for at least two more years, is held in hospital by a court, or is a father who is unknown, or was divorced and is not maintaining the child."),
		change:  lines("It stops if Child Benefit stops."),
		next:    gaNext,
		figures: func(e *Env) []Figure { return figures(e.AsOf, "guardians_allowance", "rate") }}
	gaAdoption = &verdict{status: Check,
		why:    lines("The parents' situation would qualify, but after an adoption you keep Guardian's Allowance only if you were getting it before the adoption."),
		change: lines("If you were getting it before adopting, it continues."),
		next:   lines("Check with the Guardian's Allowance Unit whether you were getting it before the adoption order.")}
	gaOneOther = &verdict{status: NotEligible,
		why:    lines("One parent has died, but the other parent's situation is not one that qualifies. A parent in prison while both parents are alive does not qualify either."),
		change: lines("It would change if the surviving parent cannot be traced, is in prison with at least two years left to serve from the other parent's death, is held in hospital by a court, or if the child's father is unknown.")}
	gaNone = &verdict{status: NotEligible,
		why:    lines("Guardian's Allowance is for a child whose parents have died (or one has died and the other cannot care). Both parents are alive."),
		change: lines("If a parent dies, check again.")}
	gaNoCB = &verdict{status: NotEligible,
		why:    lines("Guardian's Allowance is paid with Child Benefit, and you cannot get Child Benefit for this child."),
		change: lines("If you could claim Child Benefit, this could apply.")}
)

var universalCreditChild = rule{
	id: "universal_credit_child_element", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Universal Credit for the child",
	summary: "Universal Credit includes an amount for each child you are responsible for.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return ucFoster
		}
		if !c.childForBenefits() {
			return ucAge
		}
		if c.yes(CarerPensionAge) {
			return ucPension
		}
		if c.yes(Benefits) {
			return ucYes
		}
		return ucMay
	},
}

var (
	ucYes = &verdict{status: Eligible,
		why:     lines("You get a means-tested benefit and the child lives with you, so Universal Credit can include the child."),
		change:  lines("Tell Universal Credit the child has moved in: the child element is not added by itself."),
		next:    lines("Report the change in your Universal Credit journal today: it counts from the assessment period you report it in."),
		extra:   twoChildLimit,
		figures: ucFigures}
	ucMay = &verdict{status: MayBeEligible,
		why:     lines("Universal Credit includes an amount for each child you are responsible for. It depends on your income and savings."),
		change:  lines("Your household's income and savings decide it."),
		next:    lines("Use a benefits calculator or ask for a benefits check before you claim."),
		extra:   twoChildLimit,
		figures: ucFigures}
	ucFoster = &verdict{status: NotEligible,
		why:    lines("Universal Credit has no child amount for a child in the council's care placed with you as a foster carer. Your fostering payments do not count as income for Universal Credit."),
		change: lines("With a special guardianship or child arrangements order, you could claim for the child.")}
	ucAge = &verdict{status: NotEligible,
		why:    lines("Universal Credit counts a child under 16, or a young person under 20 in full-time non-advanced education or approved training."),
		change: lines("If the young person is under 20 and in school, college or approved training, it could apply.")}
	ucPension = &verdict{status: NotEligible,
		why:    lines("Universal Credit is for people under State Pension age. See Pension Credit for the child instead."),
		change: lines("If one of a couple is under State Pension age, a couple usually claims Universal Credit: check.")}
)

func twoChildLimit(e *Env) []string {
	out := []string{"The benefit cap can still limit what you get in total, unless someone gets Carer's Allowance (or the carer element), the child gets Disability Living Allowance, or you get Guardian's Allowance."}
	if e.AsOf.Before(MustDate("2026-04-06")) {
		return append([]string{"The two-child limit applies until 5 April 2026, but children in kinship care are an exception to it."}, out...)
	}
	return append([]string{"The two-child limit ended on 6 April 2026: a child amount is paid for every child (not backdated)."}, out...)
}

func ucFigures(e *Env) []Figure {
	return figures(e.AsOf, "uc_child_element", "first_child_before_2017", "other_child")
}

var pensionCreditChild = rule{
	id: "pension_credit_child_addition", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Pension Credit child addition",
	summary: "Pension Credit can include an extra amount for a child you are responsible for.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return pcFoster
		}
		if !c.childForBenefits() {
			return pcAge
		}
		if c.yes(CarerPensionAge) {
			return pcMay
		}
		return pcNo
	},
}

var (
	pcMay = &verdict{status: MayBeEligible,
		why:    lines("You have reached State Pension age. Pension Credit is means-tested and includes an extra amount for a child you are responsible for."),
		change: lines("Your income and savings decide it."),
		next:   lines("Call the Pension Credit claim line or use the GOV.UK calculator; say that a child lives with you.")}
	pcFoster = &verdict{status: NotEligible,
		why:    lines("A child placed with you by the council as a foster carer is not counted for Pension Credit."),
		change: lines("With an order, the child could be counted.")}
	pcAge = &verdict{status: NotEligible,
		why:    lines("Pension Credit's child addition is for a child under 16, or a young person under 20 in full-time non-advanced education or approved training."),
		change: lines("If the young person is under 20 and in school, college or approved training, it could apply.")}
	pcNo = &verdict{status: NotEligible,
		why:    lines("Pension Credit is for people over State Pension age."),
		change: lines("When you reach State Pension age, check again.")}
)

var disabilityLivingAllowance = rule{
	id: "disability_living_allowance", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Disability Living Allowance for the child",
	summary: "A benefit for a disabled child under 16 who needs more care or help getting around than other children their age.",
	eval: func(c *ctx) *verdict {
		if c.raw(ChildDisabled) == "no" {
			return dlaNotDisabled
		}
		if c.age() >= 16 {
			return dlaPIP
		}
		if c.yes(ChildDLA) {
			return dlaHas
		}
		return dlaMay
	},
}

var (
	dlaHas = &verdict{status: Eligible,
		why:    lines("The child already gets Disability Living Allowance. It can unlock Carer's Allowance, an exemption from the benefit cap, and free early education at two."),
		change: lines("If the child has moved to you, tell the Disability Service Centre so it is paid to you."),
		next:   lines("Tell the Disability Service Centre the child lives with you now and ask to become the appointee.")}
	dlaMay = &verdict{status: MayBeEligible,
		why:    lines("Whoever the child lives with can claim Disability Living Allowance for them; you do not need an order. It depends on the child's care or mobility needs."),
		change: lines("The Department for Work and Pensions decides on the child's needs."),
		next:   lines("Ask for a claim form (DLA1A) from the Disability Service Centre; keep a diary of the extra care the child needs.")}
	dlaNotDisabled = &verdict{status: NotEligible,
		why:    lines("You said the child is not disabled."),
		change: lines("If the child has a disability or long-term condition, it could apply.")}
	dlaPIP = &verdict{status: NotEligible,
		why:    lines("From 16, young people claim Personal Independence Payment (PIP) themselves instead."),
		change: lines("Help the young person claim PIP if they need it.")}
)

var carersAllowance = rule{
	id: "carers_allowance", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Carer's Allowance",
	summary: "A weekly benefit for caring 35 hours a week or more for someone who gets a qualifying disability benefit.",
	eval: func(c *ctx) *verdict {
		if c.raw(ChildDisabled) == "no" {
			return caNo
		}
		if c.yes(ChildDLA) {
			return caMay
		}
		return caNeedsDLA
	},
}

var (
	caFigures = func(e *Env) []Figure { return figures(e.AsOf, "carers_allowance", "rate", "earnings_limit") }
	caMay     = &verdict{status: MayBeEligible,
		why:     lines("The child gets Disability Living Allowance. If it is the care part at the middle or highest rate and you care for 35 hours a week or more, you may get Carer's Allowance.", "If you earn over the weekly limit, you get nothing that week. Over State Pension age it usually gives only an \"underlying entitlement\", which can still raise Pension Credit."),
		change:  lines("Earning over the limit, or the child's DLA rate, would change it."),
		next:    lines("Claim on GOV.UK; get a benefits check first if you get a State Pension."),
		figures: caFigures}
	caNeedsDLA = &verdict{status: Check,
		why:     lines("Carer's Allowance needs the child to get Disability Living Allowance care at the middle or highest rate (or PIP daily living from 16) first."),
		change:  lines("Once the child gets that, you may be able to claim."),
		next:    lines("Claim Disability Living Allowance for the child first."),
		figures: caFigures}
	caNo = &verdict{status: NotEligible,
		why:    lines("Carer's Allowance is for caring for someone with a disability, and you said the child is not disabled."),
		change: lines("If the child has a disability and gets DLA, it could apply.")}
)

var taxFreeChildcare = rule{
	id: "tax_free_childcare", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Tax-Free Childcare",
	summary: "The government adds £2 for every £8 you pay for approved childcare, for working families.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return tfcFoster
		}
		if c.yes(Benefits) {
			return tfcUC
		}
		age := c.age()
		if age > 16 || (age > 11 && !c.yes(ChildDisabled)) {
			return tfcAge
		}
		if c.in(InWork, "yes", "self_employed") {
			return tfcMay
		}
		return tfcNotWorking
	},
}

var (
	tfcMay = &verdict{status: MayBeEligible,
		why:     lines("You work and the child lives with you, so you may get Tax-Free Childcare for approved childcare if you meet the earnings rules."),
		change:  lines("Earnings of about 16 hours a week at the minimum wage, and under £100,000, are needed."),
		next:    lines("Apply on GOV.UK (\"Tax-Free Childcare\"); reconfirm every three months."),
		figures: func(e *Env) []Figure { return figures(e.AsOf, "tax_free_childcare", "max", "max_disabled") }}
	tfcFoster = &verdict{status: NotEligible,
		why:    lines("Tax-Free Childcare does not cover a child placed with you as a foster carer."),
		change: lines("With a special guardianship or child arrangements order, it could.")}
	tfcUC = &verdict{status: NotEligible,
		why:    lines("Tax-Free Childcare cannot be combined with Universal Credit. Universal Credit pays back up to 85% of childcare costs instead."),
		change: lines("Compare the two before you choose: use the GOV.UK childcare calculator.")}
	tfcAge = &verdict{status: NotEligible,
		why:    lines("Tax-Free Childcare is for children up to 11, or up to 16 if disabled."),
		change: lines("It does not apply at this age.")}
	tfcNotWorking = &verdict{status: NotEligible,
		why:    lines("Tax-Free Childcare is for working families."),
		change: lines("If you start work (employed or self-employed), it could apply.")}
)

var qualifyingCareRelief = rule{
	id: "qualifying_care_relief", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Tax relief for foster carers (Qualifying Care Relief)",
	summary: "Foster carers pay no income tax on fostering income up to a yearly amount.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return qcrYes
		}
		return qcrNo
	},
}

var (
	qcrYes = &verdict{status: Eligible,
		why:     lines("You foster the child for the council, so your fostering income is tax-free up to a fixed amount a year plus a weekly amount for each child."),
		change:  lines("It applies while you are a foster carer."),
		next:    lines("Register as self-employed with HM Revenue and Customs and use the simplified method on your tax return (helpsheet HS236)."),
		extra:   qcrReported,
		figures: qcrFigures}
	qcrNo = &verdict{status: NotEligible,
		why:    lines("This tax relief is for foster carers paid by a council or fostering agency. Special guardians and other kinship carers do not pay tax on council allowances in the same way."),
		change: lines("It applies only if you become the child's foster carer.")}
)

// qcrReported says what this year's amounts are reported to be, where they are reported but
// not confirmed (additions.md §B5): never shown as settled.
func qcrReported(e *Env) []string {
	fixed, _, ok := ReportedAt("qualifying_care_relief", "fixed", e.AsOf)
	under, _, ok2 := ReportedAt("qualifying_care_relief", "under_11", e.AsOf)
	over, _, ok3 := ReportedAt("qualifying_care_relief", "11_and_over", e.AsOf)
	if !ok || !ok2 || !ok3 {
		return nil
	}
	return []string{fmt.Sprintf("For %s the amounts are reported, but not yet confirmed, as %s a year plus %s a week for each child under 11 or %s for each child 11 or over: check HMRC's helpsheet HS236.",
		fixed.Period, poundsText(fixed.Pence), poundsText(under.Pence), poundsText(over.Pence))}
}

// poundsText writes whole pounds as a person reads them: £20,440.
func poundsText(pence int64) string {
	p := pence / 100
	s := fmt.Sprint(p)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return "£" + s
}

// qcrFigures: the household amount, and the weekly amount for this child's age when known.
func qcrFigures(e *Env) []Figure {
	age, ok := e.A.Age()
	switch {
	case !ok:
		return figures(e.AsOf, "qualifying_care_relief", "fixed", "under_11", "11_and_over")
	case age < 11:
		return figures(e.AsOf, "qualifying_care_relief", "fixed", "under_11")
	}
	return figures(e.AsOf, "qualifying_care_relief", "fixed", "11_and_over")
}

var childMaintenance = rule{
	id: "child_maintenance", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Child maintenance from the parents",
	summary: "The person a child lives with can ask the Child Maintenance Service to get money from a parent who lives apart from the child.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "kinship_foster":
			return cmFoster
		case "adoption":
			return cmAdopted
		}
		if c.is(ParentsDied, "both") {
			return cmOrphan
		}
		if c.childForBenefits() {
			return cmYes
		}
		return cmAge
	},
}

var (
	cmYes = &verdict{status: Eligible,
		why:    lines("The child lives with you and you look after them day to day, so you can apply as the \"person with care\". You do not need to be a parent. There is no application fee."),
		change: lines("The parent must live in the UK. If it is not safe to contact them, say so: you can ask for your details to be kept private."),
		next:   lines("Call Child Maintenance Options first, then apply to the Child Maintenance Service.")}
	cmFoster = &verdict{status: NotEligible,
		why:    lines("While the child is in the council's care, the council deals with money from the parents."),
		change: lines("With an order, you could apply.")}
	cmAdopted = &verdict{status: NotEligible,
		why:    lines("After an adoption the birth parents are no longer the child's parents in law, so they cannot be asked for maintenance."),
		change: lines("This cannot change after adoption.")}
	cmOrphan = &verdict{status: NotEligible,
		why:    lines("Both parents have died, so there is no parent to pay maintenance."),
		change: lines("See Guardian's Allowance instead.")}
	cmAge = &verdict{status: NotEligible,
		why:    lines("Child maintenance is for a child under 16, or under 20 in full-time non-advanced education."),
		change: lines("It does not apply at this age.")}
)

var healthyStart = rule{
	id: "healthy_start", kind: Entitlement, group: Money, lowerWhenSoon: true,
	title:   "Healthy Start",
	summary: "A card to buy milk, fruit, vegetables and vitamins for a child under 4, for families on low incomes.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return hsFoster
		}
		if c.age() >= 4 {
			return hsAge
		}
		if c.yes(Benefits) {
			return hsMay
		}
		return hsNoBenefits
	},
}

var (
	hsMay = &verdict{status: MayBeEligible,
		why:    lines("The child is under 4 and you get a means-tested benefit. Healthy Start has a low earnings limit for Universal Credit."),
		change: lines("Your earnings decide it."),
		next:   lines("Apply on the NHS Healthy Start website.")}
	hsFoster = &verdict{status: NotEligible,
		why:    lines("Healthy Start does not cover a child placed with you as a foster carer."),
		change: lines("With an order, it could.")}
	hsAge = &verdict{status: NotEligible,
		why:    lines("Healthy Start is for children under 4."),
		change: lines("It does not apply at this age.")}
	hsNoBenefits = &verdict{status: NotEligible,
		why:    lines("Healthy Start is for families who get certain means-tested benefits."),
		change: lines("If you claim Universal Credit or Pension Credit, it could apply.")}
)
