package wizard

import (
	"fmt"
	"strings"
	"unicode/utf8"

	e "kincare/entitlements"
)

// Session is one case being asked: a household (the carer's own answers, given once) and
// 1 to 12 children, each with their own answers. It is the only place that takes an answer,
// reassesses, compares with before and chooses the next question; the full screen and the line
// mode both drive it and draw what it returns. It is pure: no terminal, disk or clock (the date
// the rules are read at is given).
//
// Every operation that changes the case returns one Step: the next question (and which child it
// is about, or the household), what changed for each child and why, and the questions still
// open. A refused answer returns an *AnswerError with plain wording and changes nothing.
type Session struct {
	asOf     e.Date
	house    e.Answers
	hSkipped [e.NumKeys]bool
	kids     []*kid
	focus    int   // the child whose questions come first
	asked    []Ref // answered or skipped through the session, in order (for going back)
	made     int   // children made so far, for ids
}

// kid is one child of the case, with the assessment of its merged answers kept up to date.
type kid struct {
	id      string
	name    string
	own     e.Answers
	skipped [e.NumKeys]bool
	merged  e.Answers
	result  *e.Result
}

// Household is the child number of a question about the carer: asked once for the family.
const Household = -1

// Ref names one answer: its key and the child it is about (Household for the carer's own).
type Ref struct {
	Key   e.Key
	Child int
}

// ChildStart is what is known of one child when a session resumes.
type ChildStart struct {
	// ID is kept for the front end (storage's lasting id). A child given none, or added in
	// the session, gets one the session makes up ("new-2"), which a front end maps to its own.
	ID      string
	Name    string
	Answers e.Answers
	Skipped []e.Key
}

// Start is a case to resume: the household and the children, as saved.
type Start struct {
	AsOf             e.Date
	Household        e.Answers
	HouseholdSkipped []e.Key
	Children         []ChildStart // none: one child, nothing known
}

// NewSession starts an empty case with one child, as at asOf.
func NewSession(asOf e.Date) *Session {
	s, _ := Resume(Start{AsOf: asOf})
	return s
}

// FromFamily starts a session from a family, as a family answers file gives it.
func FromFamily(f e.Family, asOf e.Date) (*Session, error) {
	st := Start{AsOf: asOf, Household: f.Household}
	for _, c := range f.Children {
		st.Children = append(st.Children, ChildStart{Name: c.Name, Answers: c.Answers})
	}
	return Resume(st)
}

// Resume restores a saved case. A key other than the carer's own found in the household is
// moved to each child that does not give it (the same meaning, by assess.md "Families"), so
// that changing it later changes one child, not all.
func Resume(st Start) (*Session, error) {
	if len(st.Children) > e.MaxChildren {
		return nil, fmt.Errorf("a family has at most %d children; this one has %d", e.MaxChildren, len(st.Children))
	}
	s := &Session{asOf: st.AsOf}
	children := st.Children
	if len(children) == 0 {
		children = []ChildStart{{}}
	}
	for k := e.Key(0); k < e.NumKeys; k++ {
		v, ok := st.Household.Get(k)
		if !ok {
			continue
		}
		if e.IsHouseholdKey(k) {
			s.house.Set(k, v)
			continue
		}
		for i := range children {
			if !children[i].Answers.Has(k) {
				children[i].Answers.Set(k, v)
			}
		}
	}
	for _, k := range st.HouseholdSkipped {
		if k < e.NumKeys && !s.house.Has(k) {
			s.hSkipped[k] = true
		}
	}
	for _, c := range children {
		kd := &kid{id: c.ID, name: cleanName(c.Name), own: c.Answers}
		if kd.id == "" {
			kd.id = s.newID()
		}
		for _, k := range c.Skipped {
			if k < e.NumKeys && !kd.own.Has(k) {
				kd.skipped[k] = true
			}
		}
		s.kids = append(s.kids, kd)
	}
	s.reassessAll()
	return s, nil
}

func (s *Session) newID() string {
	for {
		s.made++
		id := fmt.Sprintf("new-%d", s.made)
		taken := false
		for _, k := range s.kids {
			taken = taken || k.id == id
		}
		if !taken {
			return id
		}
	}
}

func cleanName(n string) string { return strings.TrimSpace(e.CleanText(n)) }

// reassess recomputes one child's merged answers and assessment.
func (s *Session) reassess(i int) {
	kd := s.kids[i]
	kd.merged = kd.own
	for k := e.Key(0); k < e.NumKeys; k++ {
		if !kd.merged.Has(k) {
			if v, ok := s.house.Get(k); ok {
				kd.merged.Set(k, v)
			}
		}
	}
	kd.result = e.Assess(kd.merged, s.asOf)
}

func (s *Session) reassessAll() {
	for i := range s.kids {
		s.reassess(i)
	}
}

// AsOf is the date the rules are read at.
func (s *Session) AsOf() e.Date { return s.asOf }

// SetAsOf changes the date the rules are read at and reassesses every child.
func (s *Session) SetAsOf(d e.Date) Step {
	before := s.results()
	s.asOf = d
	s.reassessAll()
	return s.step(before, false)
}

// User is who is at the keyboard: "adviser" or "carer" (the default). It changes wording only.
func (s *Session) User() string {
	if s.house.Value(e.User) == "adviser" {
		return "adviser"
	}
	return "carer"
}

// ChildInfo describes one child for a front end.
type ChildInfo struct {
	ID     string
	Name   string // as given; may be empty
	Label  string // the name, or "Child 2" where none is given yet
	Age    int
	HasAge bool
}

// Children lists the children in order.
func (s *Session) Children() []ChildInfo {
	out := make([]ChildInfo, len(s.kids))
	for i := range s.kids {
		out[i] = s.Child(i)
	}
	return out
}

// Child describes child i.
func (s *Session) Child(i int) ChildInfo {
	kd := s.kids[i]
	age, ok := kd.merged.Age()
	return ChildInfo{ID: kd.id, Name: kd.name, Label: s.label(i), Age: age, HasAge: ok}
}

// NumChildren is how many children the case holds (1 to 12).
func (s *Session) NumChildren() int { return len(s.kids) }

func (s *Session) label(i int) string {
	if i < 0 || i >= len(s.kids) {
		return ""
	}
	if s.kids[i].name != "" {
		return s.kids[i].name
	}
	return fmt.Sprintf("Child %d", i+1)
}

// Focus is the child whose questions come first.
func (s *Session) Focus() int { return s.focus }

// SetFocus puts child i's questions first (for example when the person switches child).
func (s *Session) SetFocus(i int) Step {
	if i >= 0 && i < len(s.kids) {
		s.focus = i
	}
	return s.Current()
}

// Household answers are the carer's own, given once for the family.
func (s *Session) Household() e.Answers { return s.house }

// Own is child i's own answers, without the household's.
func (s *Session) Own(i int) e.Answers { return s.kids[i].own }

// Answers is child i's answers with the household's filled in: what the rules read.
func (s *Session) Answers(i int) e.Answers { return s.kids[i].merged }

// Result is child i's assessment (kept, not recomputed).
func (s *Session) Result(i int) *e.Result { return s.kids[i].result }

// Family is the case as a family (assess.md "Families"), with a label for any unnamed child.
func (s *Session) Family() e.Family {
	f := e.Family{Household: s.house, Children: make([]e.FamilyChild, len(s.kids))}
	for i, kd := range s.kids {
		f.Children[i] = e.FamilyChild{Name: s.label(i), Answers: kd.own}
	}
	return f
}

// FamilyResult is the family's assessment, from the kept results (nothing is reassessed).
func (s *Session) FamilyResult() *e.FamilyResult {
	fr := &e.FamilyResult{AsOf: s.asOf, Family: s.Family(), Children: make([]*e.Result, len(s.kids))}
	for i, kd := range s.kids {
		fr.Children[i] = kd.result
	}
	return fr
}

// ReadOut is the short read-out: one child's, or the family's taken as one (assess.md).
func (s *Session) ReadOut() string {
	if len(s.kids) == 1 {
		return e.ReadOut(s.kids[0].result.Report())
	}
	return e.FamilyReadOut(s.FamilyResult().Report())
}

// FullText is every outcome in plain words: the read-out's long form.
func (s *Session) FullText() string {
	if len(s.kids) == 1 {
		return e.FullText(s.kids[0].result.Report())
	}
	return e.FamilyFullText(s.FamilyResult().Report())
}

// Eldest is the oldest child (assess.md "Families"): the family's rule, on the session's answers.
func (s *Session) Eldest() int { return s.Family().Eldest() }

// Skipped lists the keys skipped for child i, or for the household (Household), in asking order.
func (s *Session) Skipped(child int) []e.Key {
	flags := &s.hSkipped
	if child != Household {
		flags = &s.kids[child].skipped
	}
	var ks []e.Key
	for _, k := range allOrder {
		if flags[k] {
			ks = append(ks, k)
		}
	}
	return ks
}

// IsSkipped says whether the person skipped this answer.
func (s *Session) IsSkipped(r Ref) bool {
	r = s.norm(r)
	if r.Child == Household {
		return s.hSkipped[r.Key]
	}
	return s.kids[r.Child].skipped[r.Key]
}

// Asked lists the answers given or skipped through this session, in order.
func (s *Session) Asked() []Ref { return append([]Ref(nil), s.asked...) }

// norm puts the carer's own keys on the household, except where a child's own answer to one
// stands in its place (a family file may give a child its own "not sure"): that stays the
// child's.
func (s *Session) norm(r Ref) Ref {
	if e.IsHouseholdKey(r.Key) {
		if r.Child < 0 || r.Child >= len(s.kids) || !s.kids[r.Child].own.Has(r.Key) {
			r.Child = Household
		}
	} else if r.Child < 0 || r.Child >= len(s.kids) {
		r.Child = min(max(r.Child, 0), len(s.kids)-1)
	}
	return r
}

// AddChild adds a child (the household's answers apply to it at once) and puts its questions
// next. The name may be empty and given later.
func (s *Session) AddChild(name string) (Step, error) {
	if len(s.kids) >= e.MaxChildren {
		return s.Current(), &AnswerError{Message: fmt.Sprintf("A family can have up to %d children in kincare.", e.MaxChildren)}
	}
	name = cleanName(name)
	if err := checkName(name); err != nil {
		return s.Current(), err
	}
	s.kids = append(s.kids, &kid{id: s.newID(), name: name})
	s.reassess(len(s.kids) - 1)
	s.focus = len(s.kids) - 1
	return s.Current(), nil
}

// RenameChild gives child i a name (used only in wording).
func (s *Session) RenameChild(i int, name string) error {
	if i < 0 || i >= len(s.kids) {
		return &AnswerError{Message: "There is no such child in this case."}
	}
	name = cleanName(name)
	if err := checkName(name); err != nil {
		return err
	}
	s.kids[i].name = name
	return nil
}

func checkName(name string) error {
	if utf8.RuneCountInString(name) > e.MaxChildName {
		return &AnswerError{Message: fmt.Sprintf("That name is too long. Use up to %d letters.", e.MaxChildName)}
	}
	return nil
}

// RemoveChild takes child i out of the case, with all its answers. The last child cannot be
// removed: a case is about at least one child.
func (s *Session) RemoveChild(i int) (Step, error) {
	if i < 0 || i >= len(s.kids) {
		return s.Current(), &AnswerError{Message: "There is no such child in this case."}
	}
	if len(s.kids) == 1 {
		return s.Current(), &AnswerError{Message: "A case needs at least one child, so the only child cannot be removed."}
	}
	s.kids = append(s.kids[:i], s.kids[i+1:]...)
	kept := s.asked[:0]
	for _, r := range s.asked {
		switch {
		case r.Child == i:
			continue
		case r.Child > i:
			r.Child--
		}
		kept = append(kept, r)
	}
	s.asked = kept
	if s.focus >= i && s.focus > 0 {
		s.focus--
	}
	return s.Current(), nil
}
