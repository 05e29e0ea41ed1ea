package wizard

import (
	e "kincare/entitlements"
)

// next is the next question worth asking: the focused child's first, then the other children's
// in order, each child's in asking order (a carer's own question comes up, once, the first time
// it matters for any child); then the details letters need. False when there is none.
func (s *Session) next() (Ask, bool) {
	for _, i := range s.childOrder() {
		if r, ok := s.nextFor(i); ok {
			return s.AskFor(r), true
		}
	}
	for _, i := range s.childOrder() {
		if r, ok := s.extraFor(i); ok {
			a := s.AskFor(r)
			a.Extra = true // the council too, when asked only for letters
			return a, true
		}
	}
	return Ask{}, false
}

func (s *Session) childOrder() []int {
	order := make([]int, 0, len(s.kids))
	f := min(s.focus, len(s.kids)-1)
	order = append(order, f)
	for i := range s.kids {
		if i != f {
			order = append(order, i)
		}
	}
	return order
}

// nextFor is child i's next question that could still change the arrangement or a result.
func (s *Session) nextFor(i int) (Ref, bool) {
	kd := s.kids[i]
	for _, k := range askOrder {
		r := s.norm(Ref{k, i})
		if kd.merged.Has(k) || s.IsSkipped(r) || !s.fits(i, k) {
			continue
		}
		if relevant(kd, k) {
			return r, true
		}
	}
	return Ref{}, false
}

// relevant says whether some answer to k could still change the child's arrangement or an
// outcome. It asks the rules, so it never drifts from them.
func relevant(kd *kid, k e.Key) bool {
	return kd.result.Matters(k) || changesArrangement(&kd.merged, k)
}

// Matters says whether the question r could be asked now: it fits the child, and some answer
// to it could still change the child's arrangement or a result (for a carer's own question,
// any child's).
func (s *Session) Matters(r Ref) bool {
	r = s.norm(r)
	if r.Child != Household {
		return s.fits(r.Child, r.Key) && relevant(s.kids[r.Child], r.Key)
	}
	for i, kd := range s.kids {
		if s.fits(i, r.Key) && relevant(kd, r.Key) {
			return true
		}
	}
	return false
}

// isExtra says whether k is a detail letters need and never changes a result.
func isExtra(k e.Key) bool { return k == e.OrderDate || k == e.PlacingCouncil }

// extraFor is child i's next detail for letters: the date of the order and the council that
// looked after the child before it (the three-year rule), then the carer's council.
func (s *Session) extraFor(i int) (Ref, bool) {
	kd := s.kids[i]
	a := &kd.merged
	if e.Askable(e.OrderDate, a) && !a.Has(e.OrderDate) && !kd.skipped[e.OrderDate] {
		return Ref{e.OrderDate, i}, true
	}
	if e.Askable(e.PlacingCouncil, a) && !a.Has(e.PlacingCouncil) && !kd.skipped[e.PlacingCouncil] {
		return Ref{e.PlacingCouncil, i}, true
	}
	if kd.result.KinshipCare() && !a.Has(e.CouncilKey) && !s.hSkipped[e.CouncilKey] {
		return Ref{e.CouncilKey, Household}, true
	}
	return Ref{}, false
}

// open lists the questions that could still change a result and are not settled: skipped,
// answered "not sure", or not reached yet. The carer's own come once.
func (s *Session) open() []Ask {
	var out []Ask
	seen := map[Ref]bool{}
	for i, kd := range s.kids {
		for _, k := range askOrder {
			r := s.norm(Ref{k, i})
			if seen[r] {
				continue
			}
			// Unsettled: not answered, "not sure", or answered in a way the rules cannot read
			// (a council kincare does not know).
			v := kd.merged.Value(k)
			unsettled := v == "" || v == e.NotSure || kd.result.Matters(k)
			if unsettled && s.fits(i, k) && relevant(kd, k) {
				seen[r] = true
				out = append(out, s.AskFor(r))
			}
		}
	}
	return out
}

// sameAs is the answer an earlier child already has for a question siblings usually share.
func (s *Session) sameAs(r Ref, q Question) *SameAs {
	if r.Child <= 0 || !sharedKeys[r.Key] {
		return nil
	}
	for j := 0; j < r.Child; j++ {
		v := s.kids[j].merged.Value(r.Key)
		if v == "" {
			continue
		}
		words := valueWords(q, v)
		if q.Kind == e.Choice && q.OptionLabel(v) == "" {
			continue // not a choice for this child
		}
		return &SameAs{Child: j, Name: s.label(j), Value: v, Words: words}
	}
	return nil
}

// sharedKeys are the questions whose answer brothers and sisters usually share: how the carer
// is related, how the children came and their legal status, the council's part, the court and
// the parents. Each later child is offered "Same as" the first child's answer.
var sharedKeys = func() [e.NumKeys]bool {
	var m [e.NumKeys]bool
	for _, k := range []e.Key{e.Relationship, e.LivingWithCarer, e.ParentInHome, e.Duration, e.LegalStatus,
		e.CouncilInvolved, e.PreviouslyLookedAfter, e.AdoptedAbroad, e.SGFinancialSupport, e.CourtCase,
		e.ConsideringOrder, e.ParentsDied, e.SurvivingParent, e.OrderDate, e.PlacingCouncil} {
		m[k] = true
	}
	for _, name := range []string{"order_route", "otherwise_in_care"} {
		if k, ok := e.KeyNamed(name); ok {
			m[k] = true
		}
	}
	return m
}()

// AnswerLine is one answer given so far, for the "answers so far" list and "change an answer".
type AnswerLine struct {
	Ref
	ChildName string // "" for the household
	Prompt    string // the question, worded for the user
	Words     string // the answer in words, "(skipped)" for a skipped one
	Skipped   bool
}

// Answered lists every answer given or skipped: the household's first, then each child's, each
// in asking order. The order never changes when an answer does, so a list does not move under
// the person's eyes.
func (s *Session) Answered() []AnswerLine {
	var out []AnswerLine
	add := func(r Ref, held e.Answers, skipped bool) {
		v := held.Value(r.Key)
		if v == "" && !skipped {
			return
		}
		merged := &s.kids[max(r.Child, 0)].merged
		q := fitted(QuestionFor(r.Key), merged).For(s.User())
		l := AnswerLine{Ref: r, Prompt: q.Prompt(s.User()), Skipped: v == "" && skipped}
		if r.Child != Household {
			l.ChildName = s.label(r.Child)
		}
		if l.Skipped {
			l.Words = "(skipped)"
		} else {
			l.Words = valueWords(q, v)
		}
		out = append(out, l)
	}
	for _, k := range allOrder {
		if k != e.User {
			add(Ref{k, Household}, s.house, s.hSkipped[k])
		}
	}
	for i, kd := range s.kids {
		for _, k := range allOrder {
			if !e.IsHouseholdKey(k) || kd.own.Has(k) {
				add(Ref{k, i}, kd.own, kd.skipped[k])
			}
		}
	}
	return out
}

// Words is the answer held for r, in words ("" when none).
func (s *Session) Words(r Ref) string {
	r = s.norm(r)
	held := s.house
	if r.Child != Household {
		held = s.kids[r.Child].own
	}
	v := held.Value(r.Key)
	if v == "" {
		return ""
	}
	return valueWords(QuestionFor(r.Key).For(s.User()), v)
}

// valueWords is a stored value as the person reads it: an option's label, a date in words.
func valueWords(q Question, v string) string {
	if l := q.OptionLabel(v); l != "" {
		return l
	}
	if q.Kind == e.DateValue {
		return DateWords(v)
	}
	return e.CleanText(v)
}

// Explain is what the answers make decisive for child i (not kinship care, private fostering,
// outside England), or "".
func (s *Session) Explain(i int) string {
	r := s.kids[i].result
	switch r.Arrangement {
	case e.ArrNotKinship:
		return r.Situation()
	case e.ArrPrivateFoster, e.ArrOutsideEngland:
		return e.ArrangementWords(r.Arrangement)
	}
	return ""
}

// allOrder is every key a person may answer, in asking order: the questions, then the details
// for letters.
var allOrder = func() []e.Key {
	ks := append([]e.Key{e.User}, askOrder...)
	for _, q := range questions {
		if isExtra(q.Key) {
			ks = append(ks, q.Key)
		}
	}
	return ks
}()
