package entitlements

import (
	"fmt"
	"strings"
)

// Legal [MO §6], support [LE §5, §7], work [MO §7] and outside England [LE §6].

var legalAidCare = rule{
	id: "legal_aid_care_proceedings", kind: Entitlement, group: Legal, scope: scopeLegalAid,
	title:   "Legal aid in care proceedings",
	summary: "Free legal representation when the council has gone to court about the child.",
	eval: func(c *ctx) *verdict {
		if !c.is(CourtCase, "care_proceedings") {
			return lacNo
		}
		if c.hasPR() {
			return lacPR
		}
		return lacJoin
	},
}

var (
	lacPR = &verdict{status: Eligible,
		why:    lines("You have parental responsibility, so in care proceedings you get legal aid without a means or merits test."),
		change: lines("This applies while the care proceedings last."),
		next:   lines("Find a solicitor who is a member of the Law Society's Children Panel; they apply for the legal aid.")}
	lacJoin = &verdict{status: MayBeEligible,
		why:    lines("Relatives and friends who join care proceedings (for example to be assessed as carers) can get legal aid, but it is means and merits tested."),
		change: lines("Your income and savings, and the strength of your case, decide it."),
		next:   lines("Speak to a family solicitor now: the sooner you are involved in the proceedings, the better.")}
	lacNo = &verdict{status: NotEligible,
		why:    lines("This is for care proceedings (the council's court case about the child)."),
		change: lines("If the council starts care proceedings, it would apply.")}
)

var legalAidSGO = rule{
	id: "legal_aid_sgo_application", kind: Entitlement, group: Legal, scope: scopeLegalAid,
	starts:  "2023-05-01",
	title:   "Legal aid to apply for special guardianship",
	summary: "Legal aid for a special guardianship order application, means and merits tested.",
	eval: func(c *ctx) *verdict {
		if c.considering("sgo") {
			if c.before("2023-05-01") {
				return lasBefore
			}
			return lasMay
		}
		if c.legal() == "sgo" && c.is(CourtCase, "parent_applying") {
			return lasDefend
		}
		return lasNo
	},
}

var (
	lasMay = &verdict{status: MayBeEligible,
		why:      lines("Since 1 May 2023 legal aid covers applying for a special guardianship order without evidence of abuse. It is means and merits tested."),
		change:   lines("The means limits may have changed in 2026: use the official legal aid checker."),
		next:     lines("Use the GOV.UK \"Check if you can get legal aid\" tool, then contact a family solicitor who does legal aid."),
		requests: lines("legal_advice_funding")}
	lasBefore = &verdict{status: Check,
		why:    lines("Before 1 May 2023 legal aid for a special guardianship application usually needed evidence of abuse."),
		change: lines("From 1 May 2023 it is in scope without that evidence."),
		next:   lines("Ask a legal aid solicitor.")}
	lasDefend = &verdict{status: Check,
		why:    lines("A parent needs the court's permission to apply to end a special guardianship order. Whether legal aid covers defending it is not confirmed."),
		change: lines("A legal aid solicitor can say."),
		next:   lines("Contact a family solicitor straight away: court deadlines are short.")}
	lasNo = &verdict{status: NotEligible,
		why:    lines("This is for applying for a special guardianship order."),
		change: lines("If you decide to apply, it could apply.")}
)

var legalAidCAO = rule{
	id: "legal_aid_cao_application", kind: Entitlement, group: Legal, scope: scopeLegalAid,
	title:   "Legal aid for a child arrangements order",
	summary: "Legal aid for private family cases is limited to cases with evidence of abuse.",
	eval: func(c *ctx) *verdict {
		if c.considering("cao") || (c.legal() == "cao" && c.is(CourtCase, "parent_applying")) {
			return lacaoCheck
		}
		return lacaoNo
	},
}

var (
	lacaoCheck = &verdict{status: Check,
		why:      lines("Legal aid for a child arrangements case needs evidence of domestic abuse or a risk of abuse to the child, then a means and merits test."),
		change:   lines("With such evidence (for example a letter from a doctor, the police or a social worker), you may get it."),
		next:     lines("Use the GOV.UK legal aid checker; ask a family solicitor which evidence counts."),
		requests: lines("legal_advice_funding")}
	lacaoNo = &verdict{status: NotEligible,
		why:    lines("This is for applying for, or defending, a child arrangements order."),
		change: lines("If you decide to apply, it could apply.")}
)

var freeLegalAdvice = rule{
	id: "free_legal_advice", kind: Advice, group: Legal,
	title:   "Free legal advice lines",
	summary: "Free, confidential advice for kinship carers by phone.",
	eval:    func(c *ctx) *verdict { return fladYes },
}

var fladYes = &verdict{status: Eligible,
	change: lines("These lines are free for everyone."),
	next:   lines("Call when you can talk freely; have any court or council letters with you."),
	extra:  adviceLineText}

// adviceLineText puts the numbers in the first line, so a read-out summary includes them.
func adviceLineText(e *Env) []string {
	var parts []string
	for _, l := range AdviceLines() {
		s := fmt.Sprintf("%s on %s", l.Name, l.Phone)
		if l.Hours != "" {
			s += " (" + l.Hours + ")"
		} else {
			s += " (opening hours not confirmed: check their website"
			if l.URL != "" {
				s += ", " + strings.TrimPrefix(strings.TrimPrefix(l.URL, "https://"), "www.")
			}
			s += ")"
		}
		parts = append(parts, s)
	}
	return []string{"Kinship carers in England can get free, confidential advice by phone: " + JoinAnd(parts) + "."}
}

var councilFundedAdvice = rule{
	id: "council_funded_legal_advice", kind: Advice, group: Legal,
	title:   "Legal advice paid for by the council",
	summary: "Many councils pay for independent legal advice before a kinship carer agrees to an order.",
	eval: func(c *ctx) *verdict {
		if c.considering("sgo", "cao", "adoption") || c.is(LivingWithCarer, "soon") || c.is(CourtCase, "care_proceedings") {
			return cflaMay
		}
		return cflaNo
	},
}

var (
	cflaMay = &verdict{status: MayBeEligible,
		why:      lines("Many councils pay for independent legal advice before you agree to take on a child or apply for an order; the kinship local offer should say."),
		change:   lines("It depends on your council's policy."),
		next:     lines("Ask the council in writing to fund independent legal advice before you agree to anything."),
		requests: lines("legal_advice_funding")}
	cflaNo = &verdict{status: NotEligible,
		why:    lines("Councils usually fund advice when a carer is considering an order, about to take a child, or in care proceedings."),
		change: lines("If you are thinking of applying for an order, ask for it.")}
)

var kinshipLocalOffer = rule{
	id: "kinship_local_offer", kind: Advice, group: Support, scope: scopeEnglandOnly,
	starts:  "2024-10-11",
	title:   "Your council's kinship local offer",
	summary: "Every council in England must publish what support it gives kinship families.",
	eval: func(c *ctx) *verdict {
		if c.before("2024-10-11") {
			return kloBefore
		}
		return kloYes
	},
}

var (
	kloYes = &verdict{status: Eligible,
		why:      lines("Every council in England must publish a kinship local offer: the support it gives kinship families, whatever the legal arrangement (statutory guidance since 11 October 2024)."),
		change:   lines("Every council must have one."),
		next:     lines("Search your council's website for \"kinship local offer\", or ask for a copy in writing."),
		requests: lines("local_offer_copy")}
	kloBefore = &verdict{status: NotEligible,
		why:    lines("The duty to publish a kinship local offer came with the statutory guidance of 11 October 2024."),
		change: lines("From 11 October 2024 every council must publish one.")}
)

var peerSupport = rule{
	id: "peer_support_and_training", kind: Advice, group: Support,
	title:   "Peer support and training for kinship carers",
	summary: "Free support groups, training and advice for kinship carers across England.",
	eval:    func(c *ctx) *verdict { return peerYes },
}

var peerYes = &verdict{status: Eligible,
	why:    lines("Kinship carers in England can use the national kinship training, advice and peer support offer, free, whatever the legal arrangement."),
	change: lines("This is open to all kinship carers."),
	next:   lines("Look up Kinship's local peer support groups and free workshops.")}

var familyGroupConference = rule{
	id: "family_group_conference", kind: Advice, group: Support,
	title:   "Family group conference",
	summary: "A meeting where the family makes a plan for the child, with the council's support.",
	eval: func(c *ctx) *verdict {
		if c.yes(CouncilInvolved) || c.legal() == "kinship_foster" || c.is(CourtCase, "care_proceedings") {
			return fgcMay
		}
		return fgcNo
	},
}

var (
	fgcMay = &verdict{status: MayBeEligible,
		why:    lines("Children's services are involved, so you can ask for a family group conference: the wider family meets to make a plan for the child, with an independent coordinator."),
		change: lines("The council decides whether to hold one; many offer it before court."),
		next:   lines("Ask the social worker for a family group conference.")}
	fgcNo = &verdict{status: NotEligible,
		why:    lines("Family group conferences are arranged by children's services when they are involved with a child."),
		change: lines("If children's services become involved, ask for one.")}
)

var adoptionSupport = rule{
	id: "adoption_support_assessment", kind: Advice, group: Support,
	title:   "Adoption support assessment",
	summary: "An assessment by the council of the support an adoptive family needs.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "adoption" {
			return asaYes
		}
		if c.considering("adoption") {
			return asaMay
		}
		return asaNo
	},
}

var (
	asaYes = &verdict{status: Eligible,
		why:      lines("You adopted the child, so the council must assess your adoption support needs if you ask (Adoption Support Services Regulations 2005)."),
		change:   lines("This applies to adoptive families at any time."),
		next:     lines("Ask the council or regional adoption agency in writing for an adoption support assessment."),
		requests: lines("adoption_support_assessment"),
		extra:    responsibleCouncilLine}
	asaMay = &verdict{status: MayBeEligible,
		why:      lines("You are thinking of adopting. You can ask what adoption support would be available."),
		change:   lines("After an adoption order, the council must assess on request."),
		next:     lines("Ask the council or regional adoption agency about adoption support before you apply."),
		requests: lines("adoption_support_assessment")}
	asaNo = &verdict{status: NotEligible,
		why:    lines("This is for adoptive families."),
		change: lines("It applies after an adoption.")}
)

var privateFosteringNotice = rule{
	id: "private_fostering_notification", kind: Duty, group: Support,
	title:   "Telling the council about private fostering",
	summary: "If you are not a close relative and care for a child for 28 days or more, the law says you must tell the council.",
	eval: func(c *ctx) *verdict {
		if c.privateFostering() {
			return pfnYes
		}
		return pfnNo
	},
}

var (
	pfnYes = &verdict{status: Eligible,
		why:      lines("You are not a close relative in law (a grandparent, brother or sister, aunt or uncle, or step-parent), and the child will live with you for 28 days or more. That is \"private fostering\", and you must tell the council."),
		extra:    greatGrandparentCaveat,
		change:   lines("If you are a close relative, or it is for less than 28 days, you do not have to."),
		next:     lines("Tell the council's children's services at least six weeks before, or straight away if the child has already come to you.", "A social worker will visit to check all is well; it is not an investigation."),
		requests: lines("private_fostering_notice")}
	pfnNo = &verdict{status: NotEligible,
		why:    lines("Private fostering is when someone who is not a close relative cares for a child under 16 (18 if disabled) for 28 days or more without a court order or the council being involved. That is not your situation."),
		change: lines("If that changes, you must tell the council.")}
)

// greatGrandparentCaveat is said only to great-grandparents: the statute's list of relatives
// leaves them out, but councils may differ (FU §11).
func greatGrandparentCaveat(e *Env) []string {
	if e.A.Value(Relationship) != "great_grandparent" {
		return nil
	}
	return []string{"Great-grandparents are not on the law's list of relatives; some councils take a different view, but telling the council is always safe."}
}

// Work [MO §7]: every right needs an employee.

func workRule(id, title, summary string, starts string, eval func(c *ctx) *verdict) rule {
	return rule{id: id, kind: Entitlement, group: Work, title: title, summary: summary, starts: starts,
		eval: func(c *ctx) *verdict {
			switch c.val(InWork) {
			case "self_employed":
				return workSelfEmployed
			case "no":
				return workNone
			}
			return eval(c)
		}}
}

var (
	workSelfEmployed = &verdict{status: NotEligible,
		why:    lines("This is a right for employees, and you work for yourself."),
		change: lines("It would apply if you were employed.")}
	workNone = &verdict{status: NotEligible,
		why:    lines("This is a right for people in work as employees."),
		change: lines("It would apply if you were employed.")}
)

var parentalLeave = workRule("unpaid_parental_leave", "Unpaid parental leave",
	"Up to 18 weeks' unpaid leave per child (no more than four weeks a year) for employees with parental responsibility.", "2026-04-06",
	func(c *ctx) *verdict {
		// The right ends at the 18th birthday, order or not: the age comes first.
		if c.age() >= 18 {
			return uplAge
		}
		if !c.hasPR() {
			if c.considering("sgo", "cao", "adoption") {
				return uplExpect
			}
			return uplNoPR
		}
		if c.before("2026-04-06") {
			return uplService
		}
		return uplYes
	})

var (
	uplYes = &verdict{status: Eligible,
		why:      lines("You are an employee with parental responsibility for a child under 18. Since 6 April 2026, unpaid parental leave is a right from your first day in the job."),
		change:   lines("It ends when the child turns 18."),
		next:     lines("Give your employer 21 days' notice in writing of the dates."),
		requests: lines("parental_leave")}
	uplService = &verdict{status: Check,
		why:      lines("Before 6 April 2026 you needed one year's service with your employer for unpaid parental leave."),
		change:   lines("From 6 April 2026 it is a right from day one."),
		next:     lines("Check how long you have worked for your employer."),
		requests: lines("parental_leave")}
	uplExpect = &verdict{status: Check,
		why:    lines("Unpaid parental leave needs parental responsibility. You are thinking of an order that would give it; the right may cover someone who expects to have it."),
		change: lines("Once the order is made, you will have parental responsibility."),
		next:   lines("Ask your employer, or Acas, once the order is close.")}
	uplNoPR = &verdict{status: NotEligible,
		why:    lines("Unpaid parental leave needs parental responsibility, which comes with a special guardianship, child arrangements or adoption order. Foster carers and informal carers do not have it."),
		change: lines("An order giving you parental responsibility would change this.")}
	uplAge = &verdict{status: NotEligible,
		why:    lines("Unpaid parental leave is for a child under 18: the right ends at the 18th birthday, with or without an order."),
		change: lines("It does not apply at this age.")}
)

var flexibleWorking = workRule("flexible_working", "Asking to work flexibly",
	"Employees can ask to change their hours, times or place of work; the employer must deal with it reasonably.", "2024-04-06",
	func(c *ctx) *verdict {
		if c.before("2024-04-06") {
			return fwService
		}
		return fwYes
	})

var (
	fwYes = &verdict{status: Eligible,
		why:      lines("Since 6 April 2024 every employee can ask for flexible working from their first day. Your employer must decide within two months and can refuse only for set business reasons."),
		change:   lines("You can make two requests in any 12 months."),
		next:     lines("Write to your employer with the change you want and when it would start."),
		requests: lines("flexible_working")}
	fwService = &verdict{status: Check,
		why:      lines("Before 6 April 2024 you needed 26 weeks' service to make a statutory flexible working request."),
		change:   lines("From 6 April 2024 it is a right from day one."),
		next:     lines("Check how long you have worked for your employer."),
		requests: lines("flexible_working")}
)

var employerKinshipLeave = func() rule {
	r := workRule("employer_kinship_leave", "Kinship leave from your employer",
		"There is no legal right to kinship leave, but some employers give paid leave to kinship carers.", "",
		func(c *ctx) *verdict { return eklMay })
	r.kind = Advice // spec: employer_kinship_leave — advice (there is no statutory right)
	return r
}()

var eklMay = &verdict{status: MayBeEligible,
	why:    lines("There is no legal right to kinship leave, but some employers (for example \"Kinship Friendly Employers\") give paid leave."),
	change: lines("Your employer's policy decides it."),
	next:   lines("Check your staff handbook or ask HR for any kinship, special leave or compassionate leave policy.")}

var adoptionLeave = workRule("adoption_leave", "Adoption leave and pay",
	"Up to 52 weeks' leave for employees who adopt.", "",
	func(c *ctx) *verdict {
		if c.legal() == "adoption" {
			return alCheck
		}
		return alNo
	})

var (
	alCheck = &verdict{status: Check,
		why:    lines("Statutory adoption leave is for employees matched with a child for adoption. GOV.UK says it does not apply when you adopt a family member or step-child."),
		change: lines("It depends on how the adoption was arranged."),
		next:   lines("Ask your employer and Acas whether you qualify.")}
	alNo = &verdict{status: NotEligible,
		why:    lines("Adoption leave is only for adoption. Special guardians and other kinship carers do not qualify."),
		change: lines("Ask your employer about kinship or special leave instead.")}
)

var timeOffDependants = workRule("time_off_for_dependants", "Time off in an emergency",
	"Reasonable unpaid time off to deal with an emergency involving a child who lives with you.", "",
	func(c *ctx) *verdict { return todYes })

var todYes = &verdict{status: Eligible,
	why:    lines("Every employee can take reasonable unpaid time off for an emergency involving a child who lives with them, from their first day (Employment Rights Act 1996 s57A)."),
	change: lines("It is for emergencies, not planned care."),
	next:   lines("Tell your employer as soon as you can, and how long you expect to be off.")}

var carersLeave = workRule("carers_leave", "Carer's leave",
	"One week of unpaid leave a year to care for a dependant with a long-term care need.", "2024-04-06",
	func(c *ctx) *verdict {
		if !c.yes(ChildDisabled) {
			return clNo
		}
		if c.before("2024-04-06") {
			return clBefore
		}
		return clYes
	})

var (
	clYes = &verdict{status: Eligible,
		why:    lines("The child has a long-term care need, so you can take up to one week of unpaid carer's leave a year, from your first day (since 6 April 2024)."),
		change: lines("It is for planned care."),
		next:   lines("Give your employer notice: twice as many days as the leave you want, or three days if more.")}
	clBefore = &verdict{status: NotEligible,
		why:    lines("Carer's leave started on 6 April 2024."),
		change: lines("From 6 April 2024 it applies.")}
	clNo = &verdict{status: NotEligible,
		why:    lines("Carer's leave is for caring for someone with a long-term care need, such as a disability."),
		change: lines("If the child has a disability, it could apply.")}
)

var outsideEnglandSignpost = rule{
	id: "outside_england_signpost", kind: Advice, group: OutsideEnglandG, scope: scopeSignpost,
	title:   "Help outside England",
	summary: "Where to get advice if the child lives outside England.",
	eval: func(c *ctx) *verdict {
		// Read through the walk, so a missing country is check with country unanswered
		// (Reading the rules 2 and 4), like any other unknown answer.
		switch c.val(Country) {
		case "england":
			if c.nkc {
				return c.notKinship() // Reading 4: with its pointer to help for parents
			}
			return signEngland
		case "wales":
			return signWales
		case "scotland":
			return signScotland
		case "northern_ireland":
			return signNI
		}
		return signAbroad
	},
}

var (
	signEngland = &verdict{status: NotEligible,
		why:    lines("The child lives in England, so everything here is worked out on England's rules."),
		change: lines("If the child moves out of England, the answers change.")}
	signWales = &verdict{status: Eligible,
		why:    lines("The child lives in Wales. Wales has its own law on children's services and its own special guardianship support and fostering schemes. Child Benefit, Guardian's Allowance and legal aid are worked out here as in England. Anything else marked \"check\" may still apply in Wales, but we cannot work it out here: an adviser in Wales can."),
		change: lines("This is for families in Wales."),
		next:   lines("Call Kinship's advice line (England and Wales) or your council's kinship team.", "Ask the council about the Welsh special guardianship and fostering allowances.")}
	signScotland = &verdict{status: Eligible,
		why:    lines("The child lives in Scotland, which has its own law: kinship care orders and a Scottish kinship care allowance. UK benefits such as Child Benefit still apply."),
		change: lines("This is for families in Scotland."),
		next:   lines("Contact Kinship Care Advice Service for Scotland, or your council's kinship team.")}
	signNI = &verdict{status: Eligible,
		why:    lines("The child lives in Northern Ireland, which has its own law and support through the Health and Social Care Trusts. UK benefits such as Child Benefit still apply."),
		change: lines("This is for families in Northern Ireland."),
		next:   lines("Contact your Health and Social Care Trust's kinship team, or Kinship Care NI.")}
	signAbroad = &verdict{status: Eligible,
		why:    lines("The child lives outside the UK, so English law and UK schemes mostly do not apply."),
		change: lines("This is for families outside the UK."),
		next:   lines("Get advice in the country where the child lives; the British embassy can point you to local services.")}
)

// rules is every outcome in the spec's order: this order is the contract.
var rules = [...]rule{
	fosteringAllowance, sgSupportAssessment, sgAllowance, caoAllowance, kinshipAllowancePilot, s17Support,
	childBenefit, guardiansAllowance, universalCreditChild, carersAllowance, taxFreeChildcare, qualifyingCareRelief,
	childMaintenance, disabilityLivingAllowance, pensionCreditChild, healthyStart, sureStartMaternityGrant,
	asgsfRule,
	virtualSchool, pupilPremiumPlus, schoolAdmissions, fairAccess, earlyYears2, earlyYears34, freeSchoolMeals,
	educationParentRights, leavingCare,
	legalAidCare, legalAidSGO, legalAidCAO, freeLegalAdvice, councilFundedAdvice,
	kinshipLocalOffer, peerSupport, familyGroupConference, adoptionSupport, privateFosteringNotice,
	parentalLeave, flexibleWorking, employerKinshipLeave, adoptionLeave, timeOffDependants, carersLeave,
	outsideEnglandSignpost,
}

const numRules = len(rules)

var ruleIndex = func() map[string]int {
	m := make(map[string]int, numRules)
	for i, r := range rules {
		m[r.id] = i
	}
	return m
}()

// OutcomeIDs lists every outcome id in the spec's order.
func OutcomeIDs() []string {
	ids := make([]string, numRules)
	for i, r := range rules {
		ids[i] = r.id
	}
	return ids
}
