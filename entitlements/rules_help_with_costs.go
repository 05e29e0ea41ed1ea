package entitlements

import "fmt"

// Help with the carer's costs [MO §5]: Carer's Allowance, Tax-Free Childcare, Qualifying Care
// Relief, child maintenance and Healthy Start. Each rule is the spec's general case first, then
// its named exceptions.

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
		why:    lines("You work and the child lives with you, so you may get Tax-Free Childcare for approved childcare if you meet the earnings rules."),
		change: lines("Earnings of about 16 hours a week at the minimum wage, and under £100,000, are needed."),
		next:   lines("Apply on GOV.UK (\"Tax-Free Childcare\"); reconfirm every three months."),
		figures: func(e *Env) []Figure {
			return figures(e.AsOf, "tax_free_childcare", "max_top_up", "max_top_up_disabled")
		}}
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
