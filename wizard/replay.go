package wizard

import e "kincare/entitlements"

// Replay is the record of answering a complete answers file through the wizard.
type Replay struct {
	Asked    []string `json:"asked"`
	NotAsked []string `json:"not_asked"`
	Done     bool     `json:"done"`
}

// ReplayAnswers answers every question the wizard asks from a, skipping those a leaves out,
// until the wizard is done. Every question is asked at most once, so it always ends.
func ReplayAnswers(a e.Answers, asOf e.Date) (Replay, *Wizard) {
	var start e.Answers
	if u, ok := a.Get(e.User); ok {
		start.Set(e.User, u)
	}
	w := New(start, asOf)
	rep := Replay{Asked: []string{}, NotAsked: []string{}}
	for i := 0; i < int(e.NumKeys)+1; i++ {
		q, ok := w.Next()
		if !ok {
			rep.Done = true
			break
		}
		rep.Asked = append(rep.Asked, q.Name)
		if v, has := a.Get(q.Key); has {
			if err := w.Answer(q.Key, v); err != nil {
				w.Skip(q.Key)
			}
		} else {
			w.Skip(q.Key)
		}
	}
	asked := map[string]bool{}
	for _, n := range rep.Asked {
		asked[n] = true
	}
	for _, k := range a.Known() {
		if k != e.User && !asked[k.String()] {
			rep.NotAsked = append(rep.NotAsked, k.String())
		}
	}
	return rep, w
}
