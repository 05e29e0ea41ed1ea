package entitlements

func lines(s ...string) []string { return s }

// raw is an answer without walking: "" when missing. For the few rules the spec words in
// terms of not_sure itself (e.g. "child_disabled: yes or not_sure").
// An unknown key read this way still counts as unanswered for the family: answering "no"
// would change the outcome even though "not sure" does not make it "check".
func (c *ctx) raw(k Key) string {
	v := c.a.vals[k]
	if v == "" || v == NotSure {
		c.rawUnknown |= 1 << k
	}
	return v
}

var earlyHelp = "If you are the child's parent and need help, your council's early help service supports families: search your council's website for \"early help\" or ask the child's school."

var (
	nkcParent = &verdict{status: NotEligible,
		why:    lines("You are the child's parent, so this is not kinship care. Kinship care means a relative or friend raising a child whose parents cannot.", earlyHelp),
		change: lines("If someone other than a parent becomes the child's main carer, ask again with their answers.")}
	nkcParentInHome = &verdict{status: NotEligible,
		why:    lines("A parent lives with the child and is the main carer, so this is not kinship care. Kinship care means a relative or friend raising a child whose parents cannot.", earlyHelp),
		change: lines("If you become the child's main carer (the parent no longer is), this would change.")}
	nkcNotLiving = &verdict{status: NotEligible,
		why:    lines("The child does not live with you, so this is not kinship care yet.", earlyHelp),
		change: lines("If the child comes to live with you, or might soon, answer again: much of this help would then apply.")}
	englandOnly = &verdict{status: NotEligible,
		why:    lines("This is an English scheme, and the child lives outside England."),
		change: lines("It would apply if the child lived in England."),
		next:   lines("See \"Help outside England\" for where to get advice where you live.")}
	walesOwnScheme = &verdict{status: Check,
		why:    lines("Wales has its own scheme for this, with different rules from England's."),
		change: lines("The Welsh rules decide this, not the English ones."),
		next:   lines("Ask your council's kinship or fostering team about the Welsh scheme, or call Kinship's advice line for England and Wales.")}
	outsideUKCheck = &verdict{status: Check,
		why:    lines("This is a UK benefit. The child lives outside the UK, where different rules apply."),
		change: lines("It would be worked out as in England if the child lived in the UK."),
		next:   lines("Ask HM Revenue and Customs (the Child Benefit Office) whether you can claim from abroad.")}
	outsideEnglandCheck = &verdict{status: Check,
		why:    lines("The child lives outside England. We work this out only on England's rules, and some of it differs in each UK nation, so we cannot say. It may still apply: ask an adviser where you live."),
		change: lines("It would be worked out here if the child lived in England."),
		next:   lines("See \"Help outside England\" for where to get advice where you live.")}
)

func (c *ctx) notKinship() *verdict {
	switch {
	case c.a.vals[Relationship] == "parent":
		return nkcParent
	case c.a.vals[ParentInHome] == "yes":
		return nkcParentInHome
	}
	return nkcNotLiving
}

const (
	soonWhy    = "The child does not live with you yet, so this only starts once they move in."
	soonNext   = "Claim or ask for it as soon as the child moves in; keep a note of the date."
	soonChange = "It becomes yours to claim when the child comes to live with you."
)
