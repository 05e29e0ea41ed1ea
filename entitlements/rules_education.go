package entitlements

// Therapy [MO §4] and education [LE §3–§4].

var asgsfRule = rule{
	id: "asgsf", kind: Entitlement, group: Therapy, scope: scopeEnglandOnly,
	ends:    "2028-03-31",
	title:   "Therapy paid for by the Adoption and Special Guardianship Support Fund",
	summary: "Funding for therapy for children who were in care before an adoption, special guardianship or child arrangements order.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "kinship_foster":
			return asgsfFoster
		case "sgo", "cao", "adoption":
		default:
			return asgsfNo
		}
		if age := c.age(); age > 25 || (age > 21 && !c.yes(EHCP)) {
			return asgsfAge
		}
		if !c.plac() {
			return asgsfNever
		}
		if c.asOf.After(MustDate("2028-03-31")) {
			return asgsfAfterFund
		}
		return asgsfYes
	},
}

var (
	asgsfYes = &verdict{status: Eligible,
		why:      lines("The child was in care before the order, so they can get therapy paid for by the fund, up to a yearly limit per child.", "You cannot apply yourself: the council (or regional adoption agency) assesses the child's needs and applies for you."),
		change:   lines("The fund is confirmed until 31 March 2028."),
		next:     lines("Ask the responsible council in writing for an assessment of the child's therapy needs and an application to the fund."),
		requests: lines("asgsf_assessment"),
		extra:    responsibleCouncilLine,
		figures:  func(e *Env) []Figure { return figures(e.AsOf, "asgsf", "fair_access_limit") }}
	asgsfAfterFund = &verdict{status: Check,
		why:      lines("The child would qualify, but the fund is only confirmed until 31 March 2028."),
		change:   lines("If the fund is extended, it applies again."),
		next:     lines("Ask the council whether the fund, or something replacing it, is open."),
		requests: lines("asgsf_assessment")}
	asgsfNever = &verdict{status: NotEligible,
		why:    lines("The fund is only for children who were in care (looked after by a council) before the order. Children who were never in care do not qualify."),
		change: lines("If the child was in fact looked after just before the order, they would qualify.")}
	asgsfFoster = &verdict{status: NotEligible,
		why:    lines("The child is still in the council's care, so their care plan should cover therapy. The fund becomes available after an adoption, special guardianship or child arrangements order."),
		change: lines("After an order, the child could get therapy from the fund.")}
	asgsfAge = &verdict{status: NotEligible,
		why:    lines("The fund is for young people up to 21, or up to 25 with an Education, Health and Care plan."),
		change: lines("An Education, Health and Care plan would extend it to 25.")}
	asgsfNo = &verdict{status: NotEligible,
		why:    lines("The fund is for children adopted or under a special guardianship or child arrangements order after being in care."),
		change: lines("It could apply after such an order if the child was looked after just before it.")}
)

var virtualSchool = rule{
	id: "virtual_school", kind: Advice, group: Education, scope: scopeEnglandOnly,
	starts:  "2024-09-01",
	title:   "Advice from the Virtual School",
	summary: "Every council has a Virtual School Head who helps with the education of children in care and children who were in care, and now advises kinship carers.",
	eval: func(c *ctx) *verdict {
		if !c.ageIn(2, 18) {
			return vsAge
		}
		switch c.legal() {
		case "kinship_foster":
			return vsLooked
		case "sgo", "cao":
			if !c.before("2024-09-01") {
				return vsKinship
			}
			if c.plac() {
				return vsPrevious
			}
			return vsBefore
		case "adoption":
			if c.plac() {
				return vsPrevious
			}
		}
		return vsNo
	},
}

var (
	vsLooked = &verdict{status: Eligible,
		why:      lines("The child is looked after, so the Virtual School must promote their education: a personal education plan, Pupil Premium Plus and a designated teacher at school."),
		change:   lines("If an order is made, the Virtual School still gives advice, but the full duty ends."),
		next:     lines("Ask the social worker for the child's personal education plan (PEP) and the Virtual School's contact."),
		requests: lines("virtual_school_advice")}
	vsPrevious = &verdict{status: Eligible,
		why:      lines("The child was in care before the order, so the Virtual School must give you advice and information about their education if you ask (Children Act 1989 s23ZZA)."),
		change:   lines("This stays with the child while they are at school in England."),
		next:     lines("Contact the Virtual School of the council where the child goes to school, and ask for advice."),
		requests: lines("virtual_school_advice")}
	vsKinship = &verdict{status: Eligible,
		why:      lines("Since September 2024 Virtual Schools also give advice and information to carers with a special guardianship or child arrangements order, even if the child was never in care. (If the child was in care before the order, it is a legal duty.)"),
		change:   lines("This is the Virtual School's extended role; it does not include Pupil Premium Plus for children never in care."),
		next:     lines("Contact the Virtual School of the council where the child goes to school, and ask for advice."),
		requests: lines("virtual_school_advice")}
	vsBefore = &verdict{status: NotEligible,
		why:    lines("Before September 2024 Virtual Schools advised only on children who had been in care."),
		change: lines("From 1 September 2024 Virtual Schools also advise carers with an order.")}
	vsNo = &verdict{status: NotEligible,
		why:    lines("Individual advice from the Virtual School is for children in care, children who were in care, and children under a special guardianship or child arrangements order.", "The Virtual School still champions the education of all children in kinship care: with your agreement, the school can ask it for advice."),
		change: lines("An order, or the child coming into care, would change this."),
		next:   lines("Ask the school's designated teacher to talk to the Virtual School about the child.")}
	vsAge = &verdict{status: NotEligible,
		why:    lines("Virtual Schools work with children aged 2 to 18."),
		change: lines("It applies between the ages of 2 and 18.")}
)

var pupilPremiumPlus = rule{
	id: "pupil_premium_plus", kind: Entitlement, group: Education, scope: scopeEnglandOnly,
	title:   "Pupil Premium Plus",
	summary: "Extra money for the school to support a child who is or was in care.",
	eval: func(c *ctx) *verdict {
		if !c.in(EducationKey, "primary", "secondary") {
			return ppNotSchool
		}
		looked := c.legal() == "kinship_foster"
		if !looked && !c.plac() {
			return ppNever
		}
		switch c.val(SchoolType) {
		case "home_educated":
			return ppHome
		case "independent":
			return ppIndependent
		}
		if looked {
			return ppLooked
		}
		return ppPrevious
	},
}

var (
	ppFigures = func(e *Env) []Figure { return figures(e.AsOf, "pupil_premium_plus", "per_pupil") }
	ppLooked  = &verdict{status: Eligible,
		why:     lines("The child is looked after, so Pupil Premium Plus is paid for them. The Virtual School manages it and agrees its use in the personal education plan."),
		change:  lines("After an order the school claims it directly."),
		next:    lines("Ask at the personal education plan meeting how the money will be used."),
		figures: ppFigures}
	ppPrevious = &verdict{status: Eligible,
		why:      lines("The child was in care before the order, so the school gets Pupil Premium Plus for them, but only if you tell the school and show the order before the October census."),
		change:   lines("If the school is not told, it cannot claim."),
		next:     lines("Write to the school, enclosing a copy of the order, and ask them to record the child as previously looked after before the October census."),
		requests: lines("school_pupil_premium_plus"),
		figures:  ppFigures}
	ppNever = &verdict{status: NotEligible,
		why:    lines("Pupil Premium Plus is only for children who are, or were, in care. Children in kinship care who were never in care do not get it."),
		change: lines("If the child was looked after before the order, they would qualify.")}
	ppHome = &verdict{status: NotEligible,
		why:    lines("Pupil Premium Plus is paid to state-funded schools, so it does not apply to home education."),
		change: lines("It would apply if the child went to a state-funded school.")}
	ppIndependent = &verdict{status: Check,
		why:      lines("At an independent school, Pupil Premium Plus applies only where the council pays for the place (for example through an Education, Health and Care plan)."),
		change:   lines("If the council pays the fees, it applies."),
		next:     lines("Ask the school whether the council funds the place."),
		requests: lines("school_pupil_premium_plus")}
	ppNotSchool = &verdict{status: NotEligible,
		why:    lines("Pupil Premium Plus is for children from reception to year 11."),
		change: lines("It applies once the child is in reception, up to year 11.")}
)

var schoolAdmissions = rule{
	id: "school_admissions_priority", kind: Entitlement, group: Education, scope: scopeEnglandOnly,
	title:   "Top priority for school places",
	summary: "Children in care and children who were in care come first when schools are oversubscribed.",
	eval: func(c *ctx) *verdict {
		if c.legal() == "kinship_foster" || c.plac() {
			return admYes
		}
		return admNo
	},
}

var (
	admYes = &verdict{status: Eligible,
		why:    lines("Children in care, and children who were in care before an adoption, special guardianship or child arrangements order, get the highest priority for school places (School Admissions Code 2021)."),
		change: lines("This stays with the child."),
		next:   lines("On every school application, tick that the child is (or was) looked after and send a copy of the order.")}
	admNo = &verdict{status: NotEligible,
		why:    lines("The top priority is only for children who are, or were, in care. There is no priority for kinship children who were never in care."),
		change: lines("If the child was looked after before the order, they would have priority.")}
)

var fairAccess = rule{
	id: "fair_access_protocol", kind: Entitlement, group: Education, scope: scopeEnglandOnly,
	title:   "Help finding a school place mid-year (Fair Access Protocol)",
	summary: "The council's way of finding a school place quickly for children who need one in the middle of a school year.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "sgo", "cao":
			return fapYes
		case "kinship_foster":
			return fapFoster
		case "adoption":
			if c.plac() {
				return fapYes
			}
		}
		return fapNo
	},
}

var (
	fapYes = &verdict{status: Eligible,
		why:    lines("Children in formal kinship care, and children who were in care, are among those the council can place in a school through the Fair Access Protocol when the usual process fails."),
		change: lines("It applies when a child has no school place in the middle of a school year."),
		next:   lines("If the child has no school place, ask the council's admissions team to use the Fair Access Protocol.")}
	fapFoster = &verdict{status: Check,
		why:    lines("It is not confirmed whether the protocol's words \"formal kinship care\" cover kinship foster care. A child in care already has top priority for school places."),
		change: lines("The council's admissions team can say."),
		next:   lines("If the child has no school place, ask the Virtual School and the admissions team.")}
	fapNo = &verdict{status: NotEligible,
		why:    lines("The protocol covers children under a special guardianship or child arrangements order, and children who were in care. It does not list informal kinship care."),
		change: lines("An order would change this. If the child has no school place, ask the council's admissions team anyway.")}
)

var earlyYears2 = rule{
	id: "early_years_free_hours_2yo", kind: Entitlement, group: Education,
	title:   "Free early education at two",
	summary: "15 hours a week of free nursery or childminder time for some two-year-olds.",
	eval: func(c *ctx) *verdict {
		if c.age() != 2 {
			return ey2Age
		}
		if c.legal() == "kinship_foster" || c.plac() {
			return ey2Care
		}
		if c.yes(EHCP) {
			return ey2Need
		}
		if c.raw(ChildDisabled) != "no" && c.yes(ChildDLA) {
			return ey2Need
		}
		if c.yes(Benefits) {
			return ey2Income
		}
		return ey2No
	},
}

var (
	ey2Care = &verdict{status: Eligible,
		why:    lines("Two-year-olds who are, or were, in care get 15 free hours a week."),
		change: lines("This stays with the child."),
		next:   lines("Ask your council's Family Information Service for a code and a list of places.")}
	ey2Need = &verdict{status: Eligible,
		why:    lines("Two-year-olds with an Education, Health and Care plan or who get Disability Living Allowance get 15 free hours a week."),
		change: lines("This stays with the child."),
		next:   lines("Ask your council's Family Information Service for a code and a list of places.")}
	ey2Income = &verdict{status: MayBeEligible,
		why:    lines("With a means-tested benefit such as Universal Credit, two-year-olds can get 15 free hours if your earnings are under the limit."),
		change: lines("Your earnings decide it."),
		next:   lines("Check on GOV.UK (\"free childcare for 2-year-olds\") or ask your council.")}
	ey2No = &verdict{status: NotEligible,
		why:    lines("The free hours at two are for children who are or were in care, have a disability or plan, or whose families get certain benefits. Working families may get other free hours from nine months: check GOV.UK."),
		change: lines("Claiming a means-tested benefit, or the child getting DLA, would change this.")}
	ey2Age = &verdict{status: NotEligible,
		why:    lines("This is for two-year-olds."),
		change: lines("It does not apply at this age.")}
)

var earlyYears34 = rule{
	id: "early_years_free_hours_3_4yo", kind: Entitlement, group: Education,
	title:   "Free early education at three and four",
	summary: "15 hours a week of free early education for every three- and four-year-old.",
	eval: func(c *ctx) *verdict {
		if c.ageIn(3, 4) && !c.is(EducationKey, "primary") {
			return ey34Yes
		}
		return ey34No
	},
}

var (
	ey34Yes = &verdict{status: Eligible,
		why:    lines("Every child gets 15 free hours a week from the term after their third birthday.", "Working families can get 30 hours; whether a kinship carer counts as a \"parent\" for the 30 hours is not confirmed, so check."),
		change: lines("It ends when the child starts reception."),
		next:   lines("Ask the nursery or your council's Family Information Service.", "For 30 hours, apply on GOV.UK (Childcare Service) and ask the council whether you count as a parent for it.")}
	ey34No = &verdict{status: NotEligible,
		why:    lines("This is for three- and four-year-olds not yet in reception."),
		change: lines("It does not apply at this age or stage.")}
)

var freeSchoolMeals = rule{
	id: "free_school_meals", kind: Entitlement, group: Education,
	title:   "Free school meals",
	summary: "Free meals at school, and often help in the holidays.",
	eval: func(c *ctx) *verdict {
		if !c.in(EducationKey, "primary", "secondary", "post_16") {
			return fsmNotSchool
		}
		if !c.is(SchoolType, "state") {
			return fsmNotState
		}
		if c.ageIn(4, 7) && c.is(EducationKey, "primary") {
			return fsmInfant
		}
		if c.yes(Benefits) {
			if c.before("2026-09-01") {
				return fsmIncome
			}
			return fsmAllUC
		}
		return fsmNo
	},
}

var (
	fsmInfant = &verdict{status: Eligible,
		why:    lines("Every child in reception, year 1 and year 2 at a state school gets free school meals."),
		change: lines("From year 3, it depends on benefits."),
		next:   lines("Also apply through the council if you get Universal Credit: the school then gets extra money (pupil premium).")}
	fsmIncome = &verdict{status: MayBeEligible,
		why:     lines("With Universal Credit, a child gets free school meals if your household's earnings after tax are no more than the yearly limit."),
		figures: func(e *Env) []Figure { return figures(e.AsOf, "free_school_meals_earnings", "uc_net_earnings_limit") },
		change:  lines("Your earnings decide it."),
		next:    lines("Apply through your council or the school.")}
	fsmAllUC = &verdict{status: Check,
		why:    lines("The government announced free school meals for every child in a household on Universal Credit from September 2026, whatever the earnings. We have not confirmed that it has started."),
		change: lines("Once confirmed, every child in a Universal Credit household qualifies."),
		next:   lines("Ask the school or your council: apply anyway.")}
	fsmNo = &verdict{status: NotEligible,
		why:    lines("Free school meals after year 2 are for families on certain benefits."),
		change: lines("Claiming Universal Credit or another qualifying benefit would change this.")}
	fsmNotState = &verdict{status: NotEligible,
		why:    lines("Free school meals are for children at state-funded schools."),
		change: lines("It would apply at a state school.")}
	fsmNotSchool = &verdict{status: NotEligible,
		why:    lines("Free school meals are for children at school or college."),
		change: lines("It applies once the child is at school.")}
)

var educationParentRights = rule{
	id: "education_parent_rights", kind: Advice, group: Education,
	title:   "Your rights as a \"parent\" in education",
	summary: "In education law anyone who cares for a child counts as a parent.",
	eval: func(c *ctx) *verdict {
		if c.ageIn(2, 18) {
			return eprYes
		}
		return eprAge
	},
}

var (
	eprYes = &verdict{status: Eligible,
		why:    lines("In education law anyone who has care of a child is a \"parent\" (Education Act 1996 s576). You can apply for school places, appeal, and ask for an Education, Health and Care needs assessment without an order."),
		change: lines("This applies while the child lives with you."),
		next:   lines("Tell the school you are the child's carer and give them your contact details.")}
	eprAge = &verdict{status: NotEligible,
		why:    lines("This advice is for children aged 2 to 18."),
		change: lines("It applies between 2 and 18.")}
)

var leavingCare = rule{
	id: "leaving_care_support", kind: Advice, group: Education,
	title:   "Support for young people leaving care",
	summary: "Help for young people who are or were in care as they become adults.",
	eval: func(c *ctx) *verdict {
		switch c.legal() {
		case "kinship_foster":
			switch age := c.age(); {
			case age >= 18:
				return lcCareLeaver
			case age >= 16:
				return lcYes
			}
		case "sgo", "cao", "adoption":
			if c.ageIn(16, 20) && c.plac() {
				return lcMay
			}
		}
		return lcNo
	},
}

var (
	lcYes = &verdict{status: Eligible,
		why:    lines("A looked-after young person aged 16 or 17 gets a pathway plan and a personal adviser, can \"stay put\" with you to 21, and can get the 16 to 19 bursary for young people in care."),
		change: lines("An order before 18 would change what they can get."),
		next:   lines("Ask the social worker about the pathway plan and Staying Put.")}
	lcCareLeaver = &verdict{status: Eligible,
		why:    lines("The young person was looked after until 18, so they are a care leaver: they can stay with you under \"Staying Put\" to 21, have a personal adviser to 25 and a pathway plan, and can get the 16 to 19 bursary while in education."),
		change: lines("This help lasts to 21, or 25 for a personal adviser."),
		next:   lines("Ask the council's leaving care team about the pathway plan, the personal adviser and Staying Put.")}
	lcMay = &verdict{status: MayBeEligible,
		why:    lines("A young person who was looked after before the order can ask the council for advice and assistance up to 21 (Children Act 1989 s24)."),
		change: lines("The council decides what help to give."),
		next:   lines("The young person can ask the council's leaving care team for advice and assistance.")}
	lcNo = &verdict{status: NotEligible,
		why:    lines("Leaving care support is for young people who are, or were, looked after, at 16 or over."),
		change: lines("It depends on the young person's age and whether they were in care.")}
)
