package entitlements

import "fmt"

// Money from the council [MO §1–§4]: fostering allowance, special guardianship support and
// allowance, CAO allowance and section 17. Each rule is the spec's general case first, then its
// named exceptions. The benefits are in rules_benefits.go and rules_help_with_costs.go.

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
