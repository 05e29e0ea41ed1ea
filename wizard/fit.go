package wizard

import (
	e "kincare/entitlements"
)

// A question is asked only where it fits the child: a key the contract describes "with ..." only
// once its condition is known to hold (assess.md "Answers"), no school questions for a child not
// at school, and only the stages of education possible at the child's age. The "with ..."
// conditions are the contract's (entitlements.Askable); the wizard's own are the questions'
// (Question.When, in questions.go, which includes both); the fitting of options is here.

// fits says whether key k may be asked about child i now: the question's own condition.
func (s *Session) fits(i int, k e.Key) bool {
	q := byKey[k]
	if q == nil {
		return e.Askable(k, &s.kids[i].merged)
	}
	return q.When(&s.kids[i].merged)
}

// atSchool says whether the child is known to be at school, or of school age with the stage
// not given: only then is the type of school asked.
func atSchool(a *e.Answers) bool {
	switch a.Value(e.EducationKey) {
	case "primary", "secondary", "post_16":
		return true
	case "":
		age, ok := a.Age()
		return ok && age >= compulsorySchoolAge
	}
	return false
}

// compulsorySchoolAge is the age by which every child in England must be in education (the
// term after the fifth birthday; most start in reception at 4).
const compulsorySchoolAge = 5

// stageAges are the ages at which each stage of education is possible, with a year's room
// either side of the usual for a child held back or moved up. Not in education is possible
// from 4 (before that a child has simply not started).
var stageAges = []struct {
	value    string
	from, to int
}{
	{"not_yet", 0, 5},
	{"early_years", 2, 5},
	{"primary", 4, 12},
	{"secondary", 10, 17},
	{"post_16", 15, 25},
	{"not_in_education", 4, 25},
}

// stagesFor are the stages of education possible for the child (all of them if the age is
// not known).
func stagesFor(a *e.Answers) map[string]bool {
	age, ok := a.Age()
	out := map[string]bool{}
	for _, s := range stageAges {
		if !ok || (age >= s.from && age <= s.to) {
			out[s.value] = true
		}
	}
	return out
}

// fitted is a question made to fit the child: the stages of education possible at the
// child's age, and "considering an order" worded for a carer who already holds one (without
// the order they hold).
func fitted(q Question, a *e.Answers) Question {
	switch q.Key {
	case e.EducationKey:
		ok := stagesFor(a)
		q.Options = keep(q.Options, func(o Option) bool { return ok[o.Value] })
	case e.ConsideringOrder:
		held := a.Value(e.LegalStatus)
		switch held {
		case "sgo", "cao", "residence_order", "adoption", "guardian":
			alt := consideringAnother
			alt.Key, alt.Name, alt.Kind, alt.Options = q.Key, q.Name, q.Kind, q.Options
			q = alt
			if held == "residence_order" {
				held = "cao"
			}
			q.Options = keep(q.Options, func(o Option) bool { return o.Value != held })
		}
	}
	return q
}

func keep(opts []Option, ok func(Option) bool) []Option {
	out := make([]Option, 0, len(opts))
	for _, o := range opts {
		if ok(o) {
			out = append(out, o)
		}
	}
	return out
}
