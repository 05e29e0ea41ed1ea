package entitlements

// Support [LE §5, §7]: the kinship local offer, peer support, family group conferences,
// adoption support and the private fostering duty.

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
