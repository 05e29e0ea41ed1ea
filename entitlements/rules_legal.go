package entitlements

import (
	"fmt"
	"strings"
)

// Legal [MO §6]: legal aid and free or council-funded legal advice. Support is in
// rules_support.go, work in rules_work.go, and the outside-England signpost and the order of
// every rule in rules_order.go.

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
