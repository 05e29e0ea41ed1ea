package wizard

import (
	"fmt"
	"strings"

	e "kincare/entitlements"
)

// Wizard walks one family through the questions that still matter.
type Wizard struct {
	asOf    e.Date
	answers e.Answers
	skipped [e.NumKeys]bool
	asked   []e.Key // answered or skipped through the wizard, in order
	result  *e.Result
}

// New starts a wizard from what is already known.
func New(a e.Answers, asOf e.Date) *Wizard {
	w := &Wizard{asOf: asOf, answers: a}
	w.reassess()
	return w
}

func (w *Wizard) reassess() { w.result = e.Assess(w.answers, w.asOf) }

// Answers returns a copy of the answers so far.
func (w *Wizard) Answers() e.Answers { return w.answers }

// AsOf is the date the rules are evaluated at.
func (w *Wizard) AsOf() e.Date { return w.asOf }

// SetAsOf changes the date the rules are evaluated at.
func (w *Wizard) SetAsOf(d e.Date) {
	w.asOf = d
	w.reassess()
}

// Result is the assessment of the answers so far (kept, not recomputed).
func (w *Wizard) Result() *e.Result { return w.result }

// Asked lists the keys answered or skipped through the wizard, in order.
func (w *Wizard) Asked() []e.Key { return append([]e.Key(nil), w.asked...) }

// Answer records an answer. Values are normalised: UK dates become YYYY-MM-DD (a month alone
// YYYY-MM), a known
// council's name its usual form; an unknown council is kept as typed (and counts as unknown).
func (w *Wizard) Answer(k e.Key, v string) error {
	v = strings.TrimSpace(e.CleanText(v))
	q := QuestionFor(k)
	switch q.Kind {
	case e.DateValue:
		d, err := ParseDateOrMonthInput(v)
		if err != nil {
			return err
		}
		v = d
	case e.Text:
		if c, ok := e.FindCouncil(v); ok {
			v = c.Name
		}
	case e.Number:
		v = strings.TrimSuffix(strings.TrimSuffix(v, " years"), " year")
	case e.Choice:
		// Accept a label as well as a value, so typed answers work in the line mode.
		for _, o := range q.Options {
			if strings.EqualFold(v, o.Label) {
				v = o.Value
			}
		}
	}
	if err := w.answers.Set(k, v); err != nil {
		return friendly(q, err)
	}
	w.skipped[k] = false
	w.note(k)
	w.reassess()
	return nil
}

func friendly(q Question, err error) error {
	switch q.Kind {
	case e.Number:
		return fmt.Errorf("please give the age as a whole number from 0 to 25")
	case e.Choice:
		labels := make([]string, len(q.Options))
		for i, o := range q.Options {
			labels[i] = o.Label
		}
		return fmt.Errorf("please choose one of: %s", strings.Join(labels, "; "))
	}
	return err
}

// Skip leaves a question unanswered; it is not asked again unless the person goes back to it.
func (w *Wizard) Skip(k e.Key) {
	w.answers.Clear(k)
	w.skipped[k] = true
	w.note(k)
	w.reassess()
}

// Clear forgets an answer, so the question can be asked again.
func (w *Wizard) Clear(k e.Key) {
	w.answers.Clear(k)
	w.skipped[k] = false
	for i, a := range w.asked {
		if a == k {
			w.asked = append(w.asked[:i], w.asked[i+1:]...)
			break
		}
	}
	w.reassess()
}

func (w *Wizard) note(k e.Key) {
	for _, a := range w.asked {
		if a == k {
			return
		}
	}
	w.asked = append(w.asked, k)
}

// SkippedKeys lists the keys the person skipped, in asking order (to keep with the case).
func (w *Wizard) SkippedKeys() []e.Key {
	var ks []e.Key
	for _, k := range askOrder {
		if w.skipped[k] {
			ks = append(ks, k)
		}
	}
	for _, k := range []e.Key{e.OrderDate, e.PlacingCouncil} {
		if w.skipped[k] {
			ks = append(ks, k)
		}
	}
	return ks
}

// Restore marks keys as skipped in an earlier session (unanswered ones only).
func (w *Wizard) Restore(skipped []e.Key) {
	for _, k := range skipped {
		if !w.answers.Has(k) {
			w.skipped[k] = true
			w.note(k)
		}
	}
}

// Skipped says whether the person skipped k.
func (w *Wizard) Skipped(k e.Key) bool { return w.skipped[k] }

// Relevant says whether some answer to k could still change the arrangement or an outcome,
// given everything else known. It asks the rules, so it can never drift from them.
func (w *Wizard) Relevant(k e.Key) bool {
	if q := byKey[k]; q != nil && q.When != nil && !q.When(&w.answers) {
		return false
	}
	if w.result.Matters(k) {
		return true
	}
	return changesArrangement(&w.answers, w.result.Arrangement, k)
}

// arrangementKeys are the answers the arrangement itself reads (spec "Arrangement").
var arrangementKeys = [e.NumKeys]bool{e.Country: true, e.Relationship: true, e.LivingWithCarer: true, e.ParentInHome: true, e.LegalStatus: true}

// changesArrangement tries each value of an unanswered key that the arrangement reads. The
// rules treat a missing "who" answer as kinship care, so this is what catches "I am the parent".
func changesArrangement(a *e.Answers, current string, k e.Key) bool {
	if !arrangementKeys[k] {
		return false
	}
	if v, ok := a.Get(k); ok && v != e.NotSure {
		return false
	}
	current = arrangementOf(a)
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

// Next returns the next question worth asking, or false when nothing left could change any
// outcome: the wizard is done.
func (w *Wizard) Next() (Question, bool) {
	for _, k := range askOrder {
		if w.answers.Has(k) || w.skipped[k] {
			continue
		}
		if w.Relevant(k) {
			return QuestionFor(k), true
		}
	}
	return Question{}, false
}

// Done says whether nothing left could change any outcome.
func (w *Wizard) Done() bool {
	_, more := w.Next()
	return !more
}

// Unanswered lists the keys not yet answered that could still change an outcome.
func (w *Wizard) Unanswered() []e.Key {
	var ks []e.Key
	for _, k := range askOrder {
		if !w.answers.Has(k) && w.Relevant(k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// Ignored lists answers that are kept but no longer change anything (for example after the
// legal status changed): the person sees them greyed out, not lost.
func (w *Wizard) Ignored() []e.Key {
	var ks []e.Key
	for _, k := range w.answers.Known() {
		if k == e.User || k == e.OrderDate || k == e.PlacingCouncil {
			continue
		}
		try := w.answers
		try.Clear(k)
		r := e.Assess(try, w.asOf)
		if !r.Matters(k) && !changesArrangement(&try, r.Arrangement, k) && r.Arrangement == w.result.Arrangement {
			ks = append(ks, k)
		}
	}
	return ks
}

// Extras are the questions that never change an outcome but fill letters: the date of the
// order and the council that looked after the child (the three-year rule), and the council.
// Skipped ones are not offered again.
func (w *Wizard) Extras() []Question {
	var qs []Question
	switch w.answers.Value(e.LegalStatus) {
	case "sgo", "cao", "residence_order", "adoption":
		if !w.answers.Has(e.OrderDate) {
			qs = append(qs, QuestionFor(e.OrderDate))
		}
		if w.answers.Value(e.PreviouslyLookedAfter) == "yes" && !w.answers.Has(e.PlacingCouncil) {
			qs = append(qs, QuestionFor(e.PlacingCouncil))
		}
	}
	if !w.answers.Has(e.CouncilKey) && w.result.KinshipCare() {
		qs = append(qs, QuestionFor(e.CouncilKey))
	}
	out := qs[:0]
	for _, q := range qs {
		if !w.skipped[q.Key] {
			out = append(out, q)
		}
	}
	return out
}

// Explain is the kinship care definition, shown when the answers make it decisive.
func (w *Wizard) Explain() string {
	switch w.result.Arrangement {
	case e.ArrNotKinship:
		return w.result.Situation()
	case e.ArrPrivateFoster, e.ArrOutsideEngland:
		return e.ArrangementWords(w.result.Arrangement)
	}
	return ""
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
