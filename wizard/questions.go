// Package wizard asks a family the questions that matter. Session (session.go) holds a case's
// household and children and is the only place that takes an answer, reassesses, compares and
// chooses the next question, from the rules themselves: a question is asked only while some
// answer to it could still change the arrangement or an outcome, and only where it fits the
// child. The questions and their wording are here. It has no terminal, disk or clock: the same
// session serves the full screen and the plain line mode.
package wizard

import (
	e "kincare/entitlements"
)

// Option is one answer a person can pick.
type Option struct {
	Value   string // the spec's value
	Label   string // what the person reads (the carer's wording)
	Adviser string // the adviser's wording, where it differs ("the child lives with the carer")
}

// Question is one answer key, worded for a carer and for an adviser.
type Question struct {
	Key     e.Key
	Name    string
	Kind    e.ValueKind
	Carer   string // the carer's wording
	Adviser string // the adviser's wording
	Help    string // what it means and how to find out
	Options []Option
	// When says whether the question may be asked yet: a key the spec describes "with ..." is
	// asked only once that condition is known to hold (entitlements.Askable, the one home of
	// those conditions), and a question that cannot fit the child (the type of school before
	// school age) not at all. The table below gives only the second kind; byKey adds the first.
	When func(a *e.Answers) bool
}

// Prompt is the question in the wording for who is at the keyboard ("carer" or "adviser").
func (q Question) Prompt(user string) string {
	if user == "adviser" {
		return q.Adviser
	}
	return q.Carer
}

// For returns the question worded for who is at the keyboard: an adviser reads "the carer"
// where a carer reads "me".
func (q Question) For(user string) Question {
	if user != "adviser" {
		return q
	}
	opts := make([]Option, len(q.Options))
	for i, o := range q.Options {
		if o.Adviser != "" {
			o.Label = o.Adviser
		}
		opts[i] = o
	}
	q.Options = opts
	return q
}

// OptionLabel is the label for a stored value ("" if none).
func (q Question) OptionLabel(v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return ""
}

var notSure = Option{e.NotSure, "Not sure", ""}

func yn(yes, no string) []Option { return []Option{{"yes", yes, ""}, {"no", no, ""}} }

func ynn(yes, no string) []Option { return []Option{{"yes", yes, ""}, {"no", no, ""}, notSure} }

// questions, in the order they are asked: the decisive ones first (country, who the carer
// is, whether a parent is the main carer, the legal status), then what most often settles
// many outcomes at once.
var questions = []Question{
	{Key: e.Country,
		Carer:   "Where does the child live?",
		Adviser: "Which country does the child live in?",
		Help:    "The rules here are England's. Wales, Scotland and Northern Ireland have their own, and we will point you to help there.",
		Options: []Option{{"england", "England", ""}, {"wales", "Wales", ""}, {"scotland", "Scotland", ""}, {"northern_ireland", "Northern Ireland", ""}, {"outside_uk", "Outside the UK", ""}}},
	{Key: e.Relationship,
		Carer:   "How are you related to the child?",
		Adviser: "What is the carer's relationship to the child?",
		Help:    "Brothers, sisters, aunts and uncles include half-relatives and relatives by marriage or civil partnership. A parent's partner means someone not married to (or in a civil partnership with) the parent.",
		Options: []Option{{"grandparent", "Grandparent", ""}, {"great_grandparent", "Great-grandparent", ""}, {"sibling", "Brother or sister", ""}, {"aunt_uncle", "Aunt or uncle", ""}, {"step_parent", "Step-parent", ""}, {"great_aunt_uncle", "Great-aunt or great-uncle", ""}, {"cousin", "Cousin", ""}, {"other_relative", "Another relative", ""}, {"family_friend", "Family friend", ""}, {"parents_partner", "A parent's partner", ""}, {"parent", "I am the child's parent", "The carer is the child's parent"}, {"other", "Someone else", ""}}},
	{Key: e.LivingWithCarer,
		Carer:   "Does the child live with you now?",
		Adviser: "Does the child live with the carer now?",
		Help:    "Choose \"Soon\" if you are thinking about taking the child, or it is being arranged.",
		Options: []Option{{"yes", "Yes, the child lives with me", "Yes, the child lives with the carer"}, {"soon", "Soon, or I am thinking about it", "Soon, or the carer is thinking about it"}, {"no", "No", ""}}},
	{Key: e.ParentInHome,
		Carer:   "Does one of the child's parents live with you and do most of the caring?",
		Adviser: "Does a parent live in the same home and act as the child's main carer?",
		Help:    "If a parent lives with you and is still the main carer, it is not kinship care: the help is for the parent instead.",
		Options: yn("Yes, a parent is the main carer", "No")},
	{Key: e.LegalStatus,
		Carer:   "Is there a court order about the child, or is the child in the council's care?",
		Adviser: "What is the child's legal status with the carer?",
		Help:    "The order's title is at the top of the first page of the court order. \"In the council's care\" (looked after) means a care order, an interim care order, or the parents agreed to it (section 20) and you were approved as the child's foster carer.",
		Options: []Option{{"none", "No order, and not in the council's care", ""}, {"kinship_foster", "In the council's care, I am their foster carer", "In the council's care, the carer is their foster carer"}, {"sgo", "Special guardianship order", ""}, {"cao", "Child arrangements order (lives with me)", "Child arrangements order (lives with the carer)"}, {"residence_order", "Residence order (before April 2014)", ""}, {"adoption", "I adopted the child", "The carer adopted the child"}, {"guardian", "I was appointed guardian (for example in a will)", "The carer was appointed guardian (for example in a will)"}, notSure}},
	{Key: e.CouncilInvolved,
		Carer:   "Did children's services (a social worker) arrange for the child to come to you?",
		Adviser: "Did children's services arrange the move, or is there a social worker or child protection plan?",
		Help:    "For example a social worker asked you to take the child, or the child has a social worker or a child protection plan. With an order: did children's services arrange the move before the order?",
		Options: ynn("Yes, children's services arranged it", "No, the family arranged it")},
	{Key: e.PreviouslyLookedAfter,
		Carer:   "Was the child in the care of a council just before the order was made?",
		Adviser: "Was the child looked after by a council in England or Wales immediately before the order?",
		Help:    "\"Looked after\" means in care under a care order, or accommodated by the council with the parents' agreement (section 20). The court papers or the social worker can tell you.",
		Options: ynn("Yes, the child was in care", "No, never in care")},
	{Key: e.OrderRoute,
		Carer:   "Did the council take the case to court, or did your family apply?",
		Adviser: "Was the order made in care proceedings brought by the council (public law), or on the family's own application (private law)?",
		Help:    "Choose the council if children's services started the court case (care proceedings). Choose your family if you or a relative applied to the court yourselves. The order, or your solicitor, can tell you. In a Kinship Zone this decides whether a child arrangements order qualifies for the kinship allowance.",
		Options: []Option{{"care_proceedings", "The council took the case to court", "Care proceedings brought by the council"}, {"private", "My family applied to the court", "The family applied (private law)"}, notSure}},
	{Key: e.OtherwiseInCare,
		Carer:   "Before the child came to you, was there a child protection plan, court safeguarding concerns, or a family meeting deciding they should live with you?",
		Adviser: "Is there evidence the child would otherwise be in care: a child protection plan, safeguarding concerns the court noted, or a family meeting's decision?",
		Help:    "Any one of these counts. A child protection plan is agreed at a child protection conference run by children's services. The court may note safeguarding concerns from a report by Cafcass or a social worker. A family meeting means a family group conference, or a similar meeting arranged by children's services, that decided the child should live with you full time.",
		Options: ynn("Yes, at least one of these", "No, none of these")},
	{Key: e.AdoptedAbroad,
		Carer:   "Was the child adopted from state care outside England and Wales?",
		Adviser: "Was the child adopted from state care abroad?",
		Help:    "For example from a children's home or state orphanage in another country.",
		Options: yn("Yes, from state care abroad", "No")},
	{Key: e.ChildAge, Kind: e.Number,
		Carer:   "How old is the child?",
		Adviser: "How old is the child, in whole years?",
		Help:    "Their age today in whole years, from 0 to 25."},
	{Key: e.Duration,
		Carer:   "How long will the child live with you?",
		Adviser: "How long has the child lived, or will they live, with the carer?",
		Help:    "28 days or more matters: a friend or distant relative caring that long must tell the council (private fostering).",
		Options: []Option{{"under_28_days", "Less than 28 days", ""}, {"28_days_or_more", "28 days or more", ""}, notSure}},
	{Key: e.ChildDisabled,
		Carer:   "Does the child have a disability or long-term health condition?",
		Adviser: "Is the child disabled, or do they have a long-term condition?",
		Help:    "Including autism, ADHD or a learning disability, even without a diagnosis yet.",
		Options: ynn("Yes", "No")},
	{Key: e.ConsideringOrder,
		Carer:   "Are you thinking of applying for a court order?",
		Adviser: "Is the carer considering an order, or being assessed for one?",
		Help:    "Special guardianship gives you parental responsibility until 18. A child arrangements order says the child lives with you. Adoption makes you the legal parent.",
		Options: []Option{{"none", "No", ""}, {"sgo", "Special guardianship", ""}, {"cao", "Child arrangements order", ""}, {"adoption", "Adoption", ""}, notSure}},
	{Key: e.CourtCase,
		Carer:   "Is there a court case about the child right now?",
		Adviser: "Is there a court case under way?",
		Help:    "Care proceedings are the council's court case. A private case is between family members. A parent may apply to change or end your order.",
		Options: []Option{{"none", "No", ""}, {"care_proceedings", "Care proceedings by the council", ""}, {"private_proceedings", "A private family court case", ""}, {"parent_applying", "A parent is applying to change or end my order", "A parent is applying to change or end the carer's order"}, notSure}},
	{Key: e.CouncilKey, Kind: e.Text,
		Carer:   "Which council area do you live in?",
		Adviser: "Which council does the carer live in?",
		Help:    "The council you pay council tax to. For example Leeds, Kent, or Camden."},
	{Key: e.SGFinancialSupport,
		Carer:   "Do you already get special guardianship money from the council?",
		Adviser: "Does the carer already get special guardianship financial support from the council?",
		Help:    "A regular special guardianship allowance or other payments under a support plan.",
		Options: []Option{{"yes", "Yes, I get it", "Yes, the carer gets it"}, {"no", "No", ""}}},
	{Key: e.InWork,
		Carer:   "Do you work?",
		Adviser: "Is the carer in work?",
		Help:    "Employees have rights to leave and flexible working; self-employed people do not.",
		Options: []Option{{"yes", "Yes, as an employee", ""}, {"self_employed", "Yes, self-employed", ""}, {"no", "No", ""}}},
	{Key: e.EducationKey,
		Carer:   "What stage of education is the child at?",
		Adviser: "What stage of education is the child at?",
		Help:    "Early years means nursery or pre-school from age 2.",
		Options: []Option{{"not_yet", "Not started yet", ""}, {"early_years", "Nursery or pre-school", ""}, {"primary", "Primary school (reception to year 6)", ""}, {"secondary", "Secondary school (years 7 to 11)", ""}, {"post_16", "Sixth form, college or training (16 to 19)", ""}, {"not_in_education", "Not in education", ""}}},
	{Key: e.SchoolType,
		Carer:   "What kind of school is it?",
		Adviser: "What type of school does the child attend?",
		Help:    "State schools include academies and free schools. Independent schools charge fees.",
		Options: []Option{{"state", "State school (including academies)", ""}, {"independent", "Independent (fee-paying) school", ""}, {"home_educated", "Home education", ""}, notSure},
		When:    atSchool},
	{Key: e.EHCP,
		Carer:   "Does the child have an Education, Health and Care plan (EHCP)?",
		Adviser: "Does the child have an Education, Health and Care plan?",
		Help:    "A legal document from the council setting out a child's special educational needs. The school's SENCO can tell you.",
		Options: ynn("Yes", "No")},
	{Key: e.ParentsDied,
		Carer:   "Has either of the child's parents died?",
		Adviser: "Has either of the child's parents died?",
		Help:    "This decides Guardian's Allowance, a weekly payment on top of Child Benefit. If the father was never known and the mother has died, choose one parent has died.",
		Options: []Option{{"none", "No, both are alive", ""}, {"one", "One parent has died", ""}, {"both", "Both parents have died", ""}, {e.NotSure, "Not sure: nobody knows whether a parent is alive", ""}}},
	{Key: e.SurvivingParent,
		Carer:   "What is the other parent's situation?",
		Adviser: "What is the surviving parent's situation?",
		Help:    "Prison counts only if at least two years of the sentence were left when the other parent died.",
		Options: []Option{{"whereabouts_unknown", "Nobody knows where they are", ""}, {"in_prison_2_years", "In prison, two years or more left", ""}, {"hospital_order", "Held in hospital by a court", ""}, {"divorced_not_maintaining", "Divorced and not paying for the child", ""}, {"father_unknown", "The father is not known", ""}, {"other", "None of these", ""}}},
	{Key: e.Benefits,
		Carer:   "Do you get Universal Credit, Pension Credit or another means-tested benefit?",
		Adviser: "Does the carer get a means-tested benefit such as Universal Credit or Pension Credit?",
		Help:    "Means-tested benefits depend on your income and savings. Child Benefit and State Pension do not count here.",
		Options: ynn("Yes", "No")},
	{Key: e.CarerPensionAge,
		Carer:   "Have you reached State Pension age?",
		Adviser: "Has the carer reached State Pension age (for a couple, both)?",
		Help:    "State Pension age is now 66. For a couple, choose yes only if both have reached it.",
		Options: ynn("Yes", "No")},
	{Key: e.ChildDLA,
		Carer:   "Does the child get Disability Living Allowance (DLA) or PIP?",
		Adviser: "Does the child get Disability Living Allowance, or PIP from 16?",
		Help:    "PIP (Personal Independence Payment) replaces DLA from age 16.",
		Options: ynn("Yes", "No")},
	{Key: e.OrderDate, Kind: e.DateValue,
		Carer:   "When was the order made?",
		Adviser: "What date was the order made?",
		Help:    "The date is on the first page of the order. You can write it like 1 March 2024 or 01/03/2024. If you only know the month, write it like March 2024."},
	{Key: e.PlacingCouncil, Kind: e.Text,
		Carer:   "Which council looked after the child before the order?",
		Adviser: "Which council looked after the child before the order?",
		Help:    "For three years after the order, that council is responsible for support."},
	{Key: e.User,
		Carer:   "Who is using this?",
		Adviser: "Who is using this?",
		Help:    "This only changes the wording of the questions.",
		Options: []Option{{"carer", "I am the carer", ""}, {"adviser", "I am an adviser helping a carer", ""}}},
}

// consideringAnother is the "considering an order" question for a carer who already holds
// one: it asks about a different order, so nobody answers about the order they have.
var consideringAnother = Question{
	Carer:   "Are you thinking of applying for a different order, such as adoption?",
	Adviser: "Is the carer considering a different order, such as adoption, or being assessed for one?",
	Help:    "This is about a new order, not the one you have now. Special guardianship gives you parental responsibility until 18. A child arrangements order says the child lives with you. Adoption makes you the legal parent.",
}

var byKey = func() [e.NumKeys]*Question {
	var m [e.NumKeys]*Question
	for i := range questions {
		q := &questions[i]
		s := q.Key.Spec()
		q.Name = s.Name
		q.Kind = s.Kind
		q.Options = allowed(q.Options, s)
		own, key := q.When, q.Key
		q.When = func(a *e.Answers) bool { return e.Askable(key, a) && (own == nil || own(a)) }
		m[q.Key] = q
	}
	return m
}()

// allowed keeps the options whose value the contract allows for the key, so an option such
// as "Not sure" is offered exactly where the answers may hold it.
func allowed(opts []Option, s e.KeySpec) []Option {
	if s.Kind != e.Choice {
		return opts
	}
	ok := map[string]bool{}
	for _, v := range s.Values {
		ok[v] = true
	}
	out := opts[:0:0]
	for _, o := range opts {
		if ok[o.Value] {
			out = append(out, o)
		}
	}
	return out
}

// QuestionFor returns the question for a key.
func QuestionFor(k e.Key) Question { return *byKey[k] }

// Questions lists every question in asking order.
func Questions() []Question { return append([]Question(nil), questions...) }

// asked is the order the wizard considers keys in: everything but who is at the keyboard
// (which only changes wording) and the two details letters need (they never change an outcome).
var askOrder = func() []e.Key {
	var ks []e.Key
	for _, q := range questions {
		switch q.Key {
		case e.User, e.OrderDate, e.PlacingCouncil:
			continue
		}
		ks = append(ks, q.Key)
	}
	return ks
}()
