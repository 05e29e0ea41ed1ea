package entitlements

// The Sure Start Maternity Grant (rules.md, additions.md §B2): a one-off £500 from the
// Department for Work and Pensions, for a baby, in England and Wales.

var sureStartMaternityGrant = rule{
	id: "sure_start_maternity_grant", kind: Entitlement, group: Money, scope: scopeGrant,
	title:   "Sure Start Maternity Grant",
	summary: "A one-off payment of £500 from the Department for Work and Pensions towards the costs of a baby, for families on certain benefits.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" {
			return ssmgFoster
		}
		if c.age() != 0 {
			return ssmgAge
		}
		if c.yes(Benefits) {
			return ssmgMay
		}
		return ssmgNoBenefits
	},
}

var (
	ssmgMay = &verdict{status: MayBeEligible,
		why: lines("The baby is 12 months old or under, lives with you (or is about to), and you get a means-tested benefit. Someone who becomes responsible for a baby, such as a grandparent, can claim the grant; the Department for Work and Pensions decides.",
			"There must be no other child under 16 in your family, except children who were over 12 months old when they came to live with you."),
		change:  lines("The Department for Work and Pensions decides. Another child under 16 in the family who came to you as a baby would stop it."),
		next:    lines("Claim on form SF100 within 6 months of the birth, or of the order, adoption or placement that made you responsible for the baby: after that it is too late.", "Send proof of your benefit and, if there is one, a copy of the court order."),
		figures: func(e *Env) []Figure { return figures(e.AsOf, "sure_start_maternity_grant", "grant") }}
	ssmgFoster = &verdict{status: NotEligible,
		why:    lines("A baby in the council's care is the council's responsibility, so the council meets these costs."),
		change: lines("With a special guardianship or child arrangements order, you could claim within 6 months of the order.")}
	ssmgAge = &verdict{status: NotEligible,
		why:    lines("The grant is for a baby: the child must be 12 months old or under when you claim."),
		change: lines("It does not apply at this age.")}
	ssmgNoBenefits = &verdict{status: NotEligible,
		why:    lines("The grant is for families who get a means-tested benefit such as Universal Credit or Pension Credit."),
		change: lines("If you claim Universal Credit or Pension Credit while the baby is under 12 months, it could apply: claim within 6 months.")}
	grantOutsideUK = &verdict{status: NotEligible,
		why:    lines("This is a UK grant, and the child lives outside the UK."),
		change: lines("It would apply only if the child lived in England or Wales (Scotland and Northern Ireland have their own grants).")}
)
