package wizard

import (
	"strconv"
	"strings"
	"unicode"

	e "kincare/entitlements"
)

// Ask is one question put to the person: which answer it fills (the key, and the child it is
// about or the household), worded for who is at the keyboard and fitted to the child.
type Ask struct {
	Ref
	ChildName string   // the child's label ("Tyler", or "Child 2"); "" for the household
	Question  Question // worded for the user, its options fitted to the child
	Prompt    string   // the question to show or read
	Hint      string   // how to type a typed answer ("Type the age as a number, like 7."); "" for a choice
	// Choices are the answers to pick from, numbered from 1 in this order: "Same as Tyler"
	// first where it is offered, then the question's options. Empty for a typed question.
	Choices []Choice
	SameAs  *SameAs // the answer another child already has, offered first (typed questions too)
	Value   string  // the answer now held (when changing one); "" if none
	Editing bool    // an earlier answer is being changed
	Extra   bool    // a detail letters need: it never changes a result
	Number  int     // the question's place in this call, from 1; going back keeps the number
}

// Choice is one numbered answer.
type Choice struct {
	Value string // the answer's stored value
	Label string // what the person reads
	Same  bool   // "Same as Tyler": Value is that child's answer
}

// SameAs is another child's answer to the same question, offered where siblings usually share it.
type SameAs struct {
	Child int
	Name  string
	Value string
	Words string // the answer in words ("Special guardianship order")
}

// Typed says whether the person types the answer rather than choosing it.
func (a Ask) Typed() bool { return len(a.Choices) == 0 }

// About says who the question is about: "the household", or the child's label.
func (a Ask) About() string {
	if a.Child == Household {
		return "the household"
	}
	return a.ChildName
}

// Step is what one operation returns: the question to ask next, what changed, and what is
// still open.
type Step struct {
	Ask  Ask  // the next question; the zero Ask when Done
	Done bool // no question left that could change a result, nor a detail letters need
	// Edit is true when this step changed an earlier answer, removed an answer, or changed
	// the date: the front end should say what changed.
	Edit bool
	// Changes are, for each child whose results moved, which outcomes moved and why.
	Changes []ChildChanges
	// Open are the questions not yet settled (skipped, "not sure" or not reached) that could
	// still change a result, each answerable as it is.
	Open []Ask
}

// Settled says whether nothing could still change the results.
func (st Step) Settled() bool { return st.Done && len(st.Open) == 0 }

// ChildChanges are the outcomes that moved for one child.
type ChildChanges struct {
	Child   int
	Name    string
	Changes []Change
}

// Current is the step as things stand: the next question and the open ones, nothing changed.
func (s *Session) Current() Step { return s.step(nil, false) }

// results keeps each child's assessment before a change, to compare with after.
func (s *Session) results() []*e.Result {
	rs := make([]*e.Result, len(s.kids))
	for i, kd := range s.kids {
		rs[i] = kd.result
	}
	return rs
}

func (s *Session) step(before []*e.Result, edit bool) Step {
	st := Step{Edit: edit}
	for i, b := range before {
		if i >= len(s.kids) {
			break
		}
		if cs := Diff(b, s.kids[i].result); len(cs) > 0 {
			st.Changes = append(st.Changes, ChildChanges{Child: i, Name: s.label(i), Changes: cs})
		}
	}
	if a, ok := s.next(); ok {
		st.Ask = a
	} else {
		st.Done = true
	}
	st.Open = s.open()
	return st
}

// AskFor is the question for one answer, as it would be asked now (to change an answer, or
// to answer one of the open questions).
func (s *Session) AskFor(r Ref) Ask {
	r = s.norm(r)
	user := s.User()
	base := QuestionFor(r.Key)
	var merged *e.Answers
	if r.Child != Household {
		merged = &s.kids[r.Child].merged
	} else {
		merged = &s.kids[min(s.focus, len(s.kids)-1)].merged
	}
	q := fitted(base, merged).For(user)
	a := Ask{Ref: r, Question: q, Prompt: q.Prompt(user), Hint: hints[q.Kind], Extra: isExtra(r.Key)}
	if r.Child != Household {
		a.ChildName = s.label(r.Child)
		a.Value = s.kids[r.Child].own.Value(r.Key)
	} else {
		a.Value = s.house.Value(r.Key)
	}
	a.Editing = a.Value != "" || s.IsSkipped(r)
	if same := s.sameAs(r, q); same != nil {
		a.SameAs = same
		if q.Kind == e.Choice {
			a.Choices = append(a.Choices, Choice{Value: same.Value, Label: "Same as " + same.Name + " (" + same.Words + ")", Same: true})
		}
	}
	for _, o := range q.Options {
		a.Choices = append(a.Choices, Choice{Value: o.Value, Label: o.Label})
	}
	// Who is at the keyboard is not one of the questions about the family: it is not counted.
	a.Number = 1
	for _, x := range s.asked {
		if x == r {
			return a
		}
		if x.Key != e.User {
			a.Number++
		}
	}
	return a
}

// hints say how to type a typed answer: one home for the wording both front ends show.
var hints = map[e.ValueKind]string{
	e.Number:    "Type the age as a number, like 7.",
	e.DateValue: "Type the date, like 14/3/2024 or 14 March 2024. If you know only the month, type it like March 2024.",
	e.Text:      "Type the council's name, like Leeds or Kent.",
}

// Choose answers a by the number of one of its choices (from 1).
func (s *Session) Choose(a Ask, n int) (Step, error) { return s.Answer(a, strconv.Itoa(n)) }

// AnswerSame gives a the same answer as the child its SameAs names.
func (s *Session) AnswerSame(a Ask) (Step, error) {
	if a.SameAs == nil {
		return s.Current(), &AnswerError{Key: a.Key, Message: "There is no other child's answer to copy for this question."}
	}
	return s.Answer(a, "same")
}

// Answer takes what the person gave for a: for a choice, the number of a choice, its words or
// its value (or "same" for the other child's answer); for a typed question, the text typed
// (an age, a date in any usual form, a council's name). A refused answer returns an
// *AnswerError saying what to type instead, and changes nothing.
func (s *Session) Answer(a Ask, input string) (Step, error) {
	r := s.norm(a.Ref)
	before := s.results()
	edit := s.held(r)
	if err := s.take(a, input); err != nil {
		return s.Current(), err
	}
	return s.step(before, edit), nil
}

// take reads the input for a and stores it, reassessing whoever it touches.
func (s *Session) take(a Ask, input string) error {
	a.Ref = s.norm(a.Ref)
	in := strings.TrimSpace(e.CleanText(input))
	if in == "" {
		return &AnswerError{Key: a.Key, Message: msgEmpty}
	}
	if a.SameAs != nil && isSame(in, a.SameAs.Name) {
		return s.store(a.Ref, a.SameAs.Value)
	}
	v, err := s.value(a, in)
	if err != nil {
		return err
	}
	return s.store(a.Ref, v)
}

func isSame(in, name string) bool {
	l := strings.ToLower(in)
	return l == "same" || l == "same as" || l == strings.ToLower("same as "+name)
}

// store keeps a checked value and reassesses whoever it touches: every child for the carer's
// own answer, else the one child.
func (s *Session) store(r Ref, v string) error {
	held := &s.house
	skipped := &s.hSkipped
	if r.Child != Household {
		held, skipped = &s.kids[r.Child].own, &s.kids[r.Child].skipped
	}
	if err := held.Set(r.Key, v); err != nil {
		if r.Key.Spec().Kind == e.DateValue {
			// An engine that reads only whole days: ask for the day too.
			return &AnswerError{Key: r.Key, Input: v, Message: msgDay}
		}
		return &AnswerError{Key: r.Key, Input: v, Message: msgNotAllowed}
	}
	skipped[r.Key] = false
	s.note(r)
	s.touched(r)
	return nil
}

// touched reassesses whoever an answer reaches.
func (s *Session) touched(r Ref) {
	if r.Child == Household {
		s.reassessAll()
	} else {
		s.reassess(r.Child)
	}
}

// held says whether r already had an answer or a skip: changing it is an edit.
func (s *Session) held(r Ref) bool {
	if r.Child == Household {
		return s.house.Has(r.Key) || s.hSkipped[r.Key]
	}
	return s.kids[r.Child].own.Has(r.Key) || s.kids[r.Child].skipped[r.Key]
}

// Skip leaves a unanswered. It is not asked again, but stays among the open questions while it
// could change a result.
func (s *Session) Skip(a Ask) Step {
	r := s.norm(a.Ref)
	before := s.results()
	edit := s.held(r) && !s.IsSkipped(r)
	s.skip(r)
	return s.step(before, edit)
}

func (s *Session) skip(r Ref) {
	if r.Child == Household {
		s.house.Clear(r.Key)
		s.hSkipped[r.Key] = true
	} else {
		s.kids[r.Child].own.Clear(r.Key)
		s.kids[r.Child].skipped[r.Key] = true
	}
	s.note(r)
	s.touched(r)
}

// Forget clears an answer (or a skip), so the question is asked again when it matters.
func (s *Session) Forget(r Ref) Step {
	r = s.norm(r)
	before := s.results()
	edit := s.held(r)
	if r.Child == Household {
		s.house.Clear(r.Key)
		s.hSkipped[r.Key] = false
	} else {
		s.kids[r.Child].own.Clear(r.Key)
		s.kids[r.Child].skipped[r.Key] = false
	}
	s.touched(r)
	for i, x := range s.asked {
		if x == r {
			s.asked = append(s.asked[:i], s.asked[i+1:]...)
			break
		}
	}
	return s.step(before, edit)
}

// Back forgets the last answer given in this session, so that question comes again (its
// Changes still say what moved, but it is not an Edit). With nothing asked yet it changes
// nothing.
func (s *Session) Back() Step {
	if len(s.asked) == 0 {
		return s.Current()
	}
	last := s.asked[len(s.asked)-1]
	st := s.Forget(last)
	st.Edit = false // going back is not a change to read out
	if !st.Done && (st.Ask.Ref != last) {
		// The question gone back to comes first, even where another now would.
		st.Ask = s.AskFor(last)
	}
	return st
}

// Reopen is the question for an earlier answer, to change it.
func (s *Session) Reopen(r Ref) Ask {
	a := s.AskFor(r)
	a.Editing = true
	return a
}

func (s *Session) note(r Ref) {
	for _, x := range s.asked {
		if x == r {
			return
		}
	}
	s.asked = append(s.asked, r)
}

// value reads the person's input for a into a stored value, or says what to type instead.
func (s *Session) value(a Ask, in string) (string, error) {
	q := a.Question
	switch q.Kind {
	case e.Choice:
		return chooseValue(a, in)
	case e.Number:
		return readAge(a.Key, in)
	case e.DateValue:
		v, err := ParseDateOrMonthInput(in)
		if err != nil {
			return "", &AnswerError{Key: a.Key, Input: in, Message: msgDate}
		}
		if v > s.asOf.String() {
			return "", &AnswerError{Key: a.Key, Input: in, Message: msgFutureDate}
		}
		return v, nil
	default:
		if len(in) > 200 {
			return "", &AnswerError{Key: a.Key, Input: in, Message: msgTooLong}
		}
		if !strings.ContainsFunc(in, unicode.IsLetter) {
			// A number typed where a name belongs: most likely meant for a list.
			return "", &AnswerError{Key: a.Key, Input: in, Message: msgCouncil}
		}
		if c, ok := e.FindCouncil(in); ok {
			return c.Name, nil
		}
		return in, nil
	}
}

// chooseValue reads a number, an option's words or its value.
func chooseValue(a Ask, in string) (string, error) {
	if n, err := strconv.Atoi(in); err == nil {
		if n < 1 || n > len(a.Choices) {
			return "", &AnswerError{Key: a.Key, Input: in, Message: msgNumber(len(a.Choices))}
		}
		return a.Choices[n-1].Value, nil
	}
	for _, c := range a.Choices {
		if strings.EqualFold(in, c.Label) || in == c.Value {
			return c.Value, nil
		}
	}
	// A value the spec allows but this child's options leave out (a stage of education
	// impossible at the child's age) is refused the same way.
	return "", &AnswerError{Key: a.Key, Input: in, Message: msgNumber(len(a.Choices))}
}

// readAge reads an age: "7", "7 years", "7 years old".
func readAge(k e.Key, in string) (string, error) {
	t := strings.ToLower(in)
	for _, suf := range []string{" old", " years", " year", " yrs", " yr"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suf))
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return "", &AnswerError{Key: k, Input: in, Message: msgAge}
	}
	spec := k.Spec()
	if n < spec.Min || n > spec.Max {
		return "", &AnswerError{Key: k, Input: in, Message: msgAgeRange}
	}
	return strconv.Itoa(n), nil
}
