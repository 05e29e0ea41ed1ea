package wizard

import (
	"fmt"
	"strings"

	e "kincare/entitlements"
)

// What the rules say about a question and an answer's effect, for the session: whether an
// answer could still change the arrangement, and what changed between two assessments.

// arrangementKeys are the answers the arrangement itself reads (spec "Arrangement").
var arrangementKeys = [e.NumKeys]bool{e.Country: true, e.Relationship: true, e.LivingWithCarer: true, e.ParentInHome: true, e.LegalStatus: true}

// changesArrangement tries each value of an unanswered key that the arrangement reads. The
// rules treat a missing "who" answer as kinship care, so this is what catches "I am the parent".
func changesArrangement(a *e.Answers, k e.Key) bool {
	if !arrangementKeys[k] {
		return false
	}
	if v, ok := a.Get(k); ok && v != e.NotSure {
		return false
	}
	current := arrangementOf(a)
	try := *a
	for _, v := range k.Spec().Values {
		if v == e.NotSure {
			continue
		}
		try.Set(k, v)
		if arrangementOf(&try) != current {
			return true
		}
	}
	return false
}

// arrangementOf names the arrangement. Outside England it also says whether arrangement step 2
// holds (a parent, or the child not living with the carer): Child Benefit and others turn on it
// there too (rules.md Reading 6), so those answers are still worth asking.
func arrangementOf(a *e.Answers) string {
	arr := e.ArrangementOf(a)
	if arr == e.ArrOutsideEngland && e.NotKinshipCare(a) {
		arr += ", not kinship care"
	}
	return arr
}

// Change is an outcome whose status moved after an answer changed.
type Change struct {
	ID, Title string
	From, To  e.Status
	Because   string
}

// Diff lists the outcomes whose status differs between two assessments, with the first
// reason for the new status.
func Diff(before, after *e.Result) []Change {
	if before == nil || after == nil {
		return nil
	}
	var out []Change
	for _, id := range e.OutcomeIDs() {
		from, to := before.Status(id), after.Status(id)
		if from == to {
			continue
		}
		o, _ := after.Outcome(id)
		c := Change{ID: id, Title: o.Title, From: from, To: to}
		if len(o.Why) > 0 {
			c.Because = o.Why[0]
		}
		out = append(out, c)
	}
	return out
}

// String is the change as a line: "Kinship allowance: may be eligible -> not eligible, because …".
func (c Change) String() string {
	s := fmt.Sprintf("%s: %s -> %s", c.Title, strings.ToLower(e.StatusWords(c.From)), strings.ToLower(e.StatusWords(c.To)))
	if c.Because != "" {
		s += ", because " + lowerFirst(c.Because)
	}
	return s
}

// Sentence is the change as a sentence to read aloud, with no arrows or symbols: "Kinship
// allowance changed from may be eligible to not eligible, because …".
func (c Change) Sentence() string {
	s := fmt.Sprintf("%s changed from %s to %s", c.Title, strings.ToLower(e.StatusWords(c.From)), strings.ToLower(e.StatusWords(c.To)))
	if c.Because != "" {
		s += ", because " + strings.TrimRight(lowerFirst(c.Because), ".")
	}
	return s + "."
}

// lowerFirst lowers an ordinary first word ("The", "You") but keeps names ("Universal
// Credit", "Leeds", "Child Benefit") as they are.
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if !ordinaryWords[first] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

var ordinaryWords = map[string]bool{
	"The": true, "You": true, "Your": true, "This": true, "It": true, "A": true, "An": true,
	"There": true, "Since": true, "Before": true, "From": true, "Every": true, "Whoever": true,
	"With": true, "After": true, "One": true, "Both": true, "Many": true, "At": true,
	"Relatives": true, "Councils": true, "Children": true, "Children's": true, "Two-year-olds": true,
	"We": true, "Only": true, "If": true,
}
