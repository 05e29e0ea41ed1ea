package entitlements

// Outside England [LE §6], and the list of every rule in the order the contract fixes.

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
