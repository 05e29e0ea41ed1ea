package tui

import (
	"encoding/json"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// caseState is the case in front: the session that asks its questions and holds its answers,
// and what the session's last step said, written out once so views only draw it. Every
// screen of the case shares it; the root saves it shortly after each change.
type caseState struct {
	c    storage.Case
	s    *wizard.Session
	ids  childIDs    // the case file's id for each child
	step wizard.Step // the last step: the next question, what changed, what is still open

	results []*entitlements.Result // each child's assessment
	rep     entitlements.Report    // the family as one: each outcome at its best for any child
	counts  map[entitlements.Status]int
	// childCounts are each child's counts, worked out once per step so the view only draws.
	childCounts []map[entitlements.Status]int
	top         []entitlements.Outcome // the best few outcomes, for the live results
	// answered are the answers so far, household first then each child's.
	answered []wizard.AnswerLine

	dirty   bool // changed since the last save
	saveSeq int  // the last change, so only the newest save tick saves
	// lettersCursor is the letter chosen in the list, kept while the case is open.
	lettersCursor int
	// today is the real date, for what is late (a complaint is offered only then).
	today entitlements.Date
}

func newCaseState(c storage.Case, today entitlements.Date) (*caseState, error) {
	asOf := today
	if c.AsOf != "" {
		if d, err := entitlements.ParseDate(c.AsOf); err == nil {
			asOf = d
		}
	}
	s, ids, err := sessionOf(c, asOf)
	if err != nil {
		return nil, err
	}
	cs := &caseState{c: c, s: s, ids: ids, today: today}
	cs.apply(s.Current())
	return cs, nil
}

// apply takes a step of the session and writes out the assessment it leaves.
func (cs *caseState) apply(st wizard.Step) {
	cs.step = st
	n := cs.s.NumChildren()
	cs.results = cs.results[:0]
	for i := 0; i < n; i++ {
		cs.results = append(cs.results, cs.s.Result(i))
	}
	cs.rep = familyAsOne(cs.results, cs.eldest())
	if n > 1 {
		cs.rep.Money = cs.s.FamilyResult().Money()
	}
	cs.counts = countsOf(cs.rep)
	cs.childCounts = cs.childCounts[:0]
	for _, r := range cs.results {
		cs.childCounts = append(cs.childCounts, childCounts(r))
	}
	cs.top = topOutcomes(cs.rep, 4)
	cs.answered = cs.s.Answered()
}

// eldest is the oldest child: the family's rule, kept in one place.
func (cs *caseState) eldest() int { return cs.s.Eldest() }

// readOut is the short summary to read out: the family's, taken as one.
func (cs *caseState) readOut() string {
	return cs.s.ReadOut()
}

// fullList is every outcome with its reasons and next steps: the read-out's long form.
func (cs *caseState) fullList() string {
	return cs.s.FullText()
}

func countsOf(rep entitlements.Report) map[entitlements.Status]int {
	counts := map[entitlements.Status]int{}
	for _, o := range rep.Outcomes {
		if o.Kind == entitlements.Entitlement || o.Status != entitlements.NotEligible {
			counts[o.Status]++
		}
	}
	return counts
}

// childCounts counts one child's outcomes by status, as countsOf does, from the statuses alone.
func childCounts(r *entitlements.Result) map[entitlements.Status]int {
	counts := map[entitlements.Status]int{}
	for _, ru := range ruleKinds {
		if st := r.Status(ru.ID); ru.Kind == entitlements.Entitlement || st != entitlements.NotEligible {
			counts[st]++
		}
	}
	return counts
}

var ruleKinds = entitlements.Rules()

// familyAsOne is the family's assessment as one: the eldest child's arrangement, and each
// outcome as it is for the child it is best for.
func familyAsOne(results []*entitlements.Result, eldest int) entitlements.Report {
	if len(results) == 1 {
		return results[0].Report()
	}
	e := results[eldest]
	rep := entitlements.Report{AsOf: e.AsOf.String(), Arrangement: e.Arrangement, KinshipCare: e.KinshipCare(), Unanswered: []string{}}
	for _, id := range entitlements.OutcomeIDs() {
		best := eldest
		for i, r := range results {
			if entitlements.StatusRank[r.Status(id)] < entitlements.StatusRank[results[best].Status(id)] {
				best = i
			}
		}
		o, _ := results[best].Outcome(id)
		rep.Outcomes = append(rep.Outcomes, o)
	}
	var mask [entitlements.NumKeys]bool
	rep.Asks = map[string]string{}
	for _, r := range results {
		for _, k := range r.Unanswered() {
			mask[k] = true
		}
		// A key is asked (or gives way to the key it waits on) if it may be for any child.
		for k, ask := range r.Asks() {
			if rep.Asks[k] == "" {
				rep.Asks[k] = ask
			}
		}
	}
	for k := entitlements.Key(0); k < entitlements.NumKeys; k++ {
		if mask[k] {
			rep.Unanswered = append(rep.Unanswered, k.String())
		}
	}
	return rep
}

// whoFor names the children an outcome has this status for, when that is not every child.
func (cs *caseState) whoFor(id string, st entitlements.Status) []string {
	if len(cs.results) < 2 {
		return nil
	}
	var names []string
	for i, r := range cs.results {
		if r.Status(id) == st {
			names = append(names, cs.s.Child(i).Label)
		}
	}
	if len(names) == len(cs.results) {
		return nil
	}
	return names
}

// touch marks the case changed and asks for a save shortly after the last change.
func (cs *caseState) touch() tea.Cmd {
	cs.dirty = true
	cs.saveSeq++
	return tick(400*time.Millisecond, saveTickMsg{seq: cs.saveSeq})
}

func (cs *caseState) user() string { return cs.s.User() }

func (cs *caseState) label() string {
	if l := entitlements.CleanText(cs.c.Label); l != "" {
		return l
	}
	// An unlabelled case is called by its people, as the case list calls it.
	var names []string
	if p := cs.c.Details.Carer; p != nil {
		if n := entitlements.CleanText(p.Name); n != "" {
			names = append(names, n)
		}
	}
	var children []string
	for _, ch := range cs.c.Children {
		if f := strings.Fields(entitlements.CleanText(ch.Name)); len(f) > 0 {
			children = append(children, f[0])
		}
	}
	if len(children) > 0 {
		names = append(names, entitlements.JoinAnd(children))
	}
	if len(names) == 0 {
		return "New case"
	}
	return strings.Join(names, " · ")
}

// asOf is the date the case is assessed on: its own, or today.
func (cs *caseState) asOf(today entitlements.Date) entitlements.Date {
	if cs.c.AsOf != "" {
		if d, err := entitlements.ParseDate(cs.c.AsOf); err == nil {
			return d
		}
	}
	return today
}

// answersFor are the answers a letter is written from: those of the first child whose
// outcomes offer it, or the eldest's.
func (cs *caseState) answersFor(request string) entitlements.Answers {
	for i, r := range cs.results {
		if o, ok := offering(r, request); ok && o.Status != entitlements.NotEligible {
			return cs.s.Answers(i)
		}
	}
	return cs.s.Answers(cs.eldest())
}

// snapshot is the case as it should be saved now.
func (cs *caseState) snapshot() storage.Case {
	c := cs.c
	saveSession(cs.s, cs.ids, &c)
	c.Notes = append([]storage.Note(nil), cs.c.Notes...)
	// Requests and details are copied deeply: the save runs alongside the screen.
	c.Requests = make([]storage.Request, len(cs.c.Requests))
	for i, r := range cs.c.Requests {
		r.Versions = append([]storage.LetterVersion(nil), r.Versions...)
		r.FollowUps = append([]storage.LetterVersion(nil), r.FollowUps...)
		c.Requests[i] = r
	}
	if b, err := json.Marshal(cs.c.Details); err == nil {
		var d entitlements.Details
		if json.Unmarshal(b, &d) == nil {
			c.Details = d
		}
	}
	return c
}

// request is the case's tracking of a letter, or nil.
func (cs *caseState) request(id string) *storage.Request {
	for i := range cs.c.Requests {
		if cs.c.Requests[i].ID == id {
			return &cs.c.Requests[i]
		}
	}
	return nil
}

func (cs *caseState) ensureRequest(id string) *storage.Request {
	if r := cs.request(id); r != nil {
		return r
	}
	cs.c.Requests = append(cs.c.Requests, storage.Request{ID: id, Status: storage.StatusDrafted, Children: cs.aboutChildren(id)})
	return &cs.c.Requests[len(cs.c.Requests)-1]
}

// overdueCount is how many letters of the case wait for a late reply.
func (cs *caseState) overdueCount(today entitlements.Date) int {
	n := 0
	for i := range cs.c.Requests {
		if requestOverdue(&cs.c.Requests[i], today) {
			n++
		}
	}
	return n
}

// aboutChildren are the case file's ids of the children a letter is about, in a family: those
// whose outcomes offer it. None means the whole family.
func (cs *caseState) aboutChildren(request string) []string {
	if len(cs.results) < 2 {
		return nil
	}
	var out []string
	for i, r := range cs.results {
		if _, ok := offering(r, request); ok {
			out = append(out, cs.ids.fileID(cs.s.Child(i).ID))
		}
	}
	if len(out) == len(cs.results) {
		return nil
	}
	return out
}

// offering is the child's outcome that offers a letter, if any does and could be got.
func offering(r *entitlements.Result, request string) (entitlements.Outcome, bool) {
	for _, ru := range ruleKinds {
		if r.Status(ru.ID) == entitlements.NotEligible {
			continue
		}
		o, _ := r.Outcome(ru.ID)
		for _, id := range o.Requests {
			if id == request {
				return o, true
			}
		}
	}
	return entitlements.Outcome{}, false
}
