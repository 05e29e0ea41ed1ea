package entitlements

// Benefits for the child [MO §5]: Child Benefit, Guardian's Allowance, the Universal Credit
// child element, the Pension Credit child addition and Disability Living Allowance. Each rule is
// the spec's general case first, then its named exceptions.

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
	return figures(e.AsOf, "uc_child_element", "first_child_pre_2017", "other")
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
