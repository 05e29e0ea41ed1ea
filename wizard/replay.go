package wizard

import e "kincare/entitlements"

// FamilyReplay is the record of answering a family answers file through a session: the
// questions asked for the household and for each child.
type FamilyReplay struct {
	Household []string      `json:"household"`
	Children  []ChildReplay `json:"children"`
	Done      bool          `json:"done"`
}

// ChildReplay is the questions asked about one child.
type ChildReplay struct {
	Name     string   `json:"name"`
	Asked    []string `json:"asked"`
	NotAsked []string `json:"not_asked"`
}

// Questions is how many questions were asked in all.
func (r FamilyReplay) Questions() int {
	n := len(r.Household)
	for _, c := range r.Children {
		n += len(c.Asked)
	}
	return n
}

// ReplayFamily answers every question a session asks from the family f, skipping those f
// leaves out (or gives a value the question does not offer), until the session is done. Every
// question is asked at most once, so it always ends.
func ReplayFamily(f e.Family, asOf e.Date) (FamilyReplay, *Session) {
	rep, _, s := replayFamily(f, asOf)
	return rep, s
}

// ReplayAnswers answers one child's answers file through a session, as ReplayFamily does a
// family's: the questions in the order asked.
func ReplayAnswers(a e.Answers, asOf e.Date) (Replay, *Session) {
	var f e.Family
	for _, k := range a.Known() {
		if e.IsHouseholdKey(k) {
			f.Household.Set(k, a.Value(k))
		}
	}
	f.Children = []e.FamilyChild{{Name: "the child", Answers: a}}
	rep, order, s := replayFamily(f, asOf)
	return Replay{Asked: order, NotAsked: rep.Children[0].NotAsked, Done: rep.Done}, s
}

func replayFamily(f e.Family, asOf e.Date) (FamilyReplay, []string, *Session) {
	order := []string{}
	start := e.Family{Children: make([]e.FamilyChild, len(f.Children))}
	if u, ok := f.Household.Get(e.User); ok {
		start.Household.Set(e.User, u)
	}
	for i, c := range f.Children {
		start.Children[i].Name = c.Name
	}
	s, _ := FromFamily(start, asOf)
	rep := FamilyReplay{Household: []string{}, Children: make([]ChildReplay, len(f.Children))}
	for i, c := range f.Children {
		rep.Children[i] = ChildReplay{Name: c.Name, Asked: []string{}, NotAsked: []string{}}
	}
	// The quiet forms of Answer and Skip: a replay needs the next question, not what changed.
	a, more := s.next()
	limit := (int(e.NumKeys) + 1) * (len(f.Children) + 1)
	for n := 0; n < limit && more; n++ {
		var v string
		var has bool
		if a.Child == Household {
			v, has = f.Household.Get(a.Key)
			for c := 0; !has && c < len(f.Children); c++ {
				v, has = f.Children[c].Answers.Get(a.Key)
			}
			rep.Household = append(rep.Household, a.Question.Name)
		} else {
			v, has = f.Merged(a.Child).Get(a.Key)
			rep.Children[a.Child].Asked = append(rep.Children[a.Child].Asked, a.Question.Name)
		}
		order = append(order, a.Question.Name)
		if !has || s.take(a, v) != nil {
			s.skip(s.norm(a.Ref))
		}
		a, more = s.next()
	}
	rep.Done = !more
	for i := range f.Children {
		asked := map[string]bool{}
		for _, n := range rep.Children[i].Asked {
			asked[n] = true
		}
		for _, n := range rep.Household {
			asked[n] = true
		}
		m := f.Merged(i)
		for _, k := range m.Known() {
			if k != e.User && !asked[k.String()] {
				rep.Children[i].NotAsked = append(rep.Children[i].NotAsked, k.String())
			}
		}
	}
	return rep, order, s
}

// Replay is the record of answering one child's answers file through the questions.
type Replay struct {
	Asked    []string `json:"asked"`
	NotAsked []string `json:"not_asked"`
	Done     bool     `json:"done"`
}
