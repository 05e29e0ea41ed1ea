package tui

import (
	"encoding/json"
	"time"

	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// caseState is the case in front, with its assessment kept up to date as answers change.
// Every screen of the case shares it; the root saves it shortly after each change.
type caseState struct {
	c      storage.Case
	w      *wizard.Wizard
	res    *entitlements.Result
	rep    entitlements.Report
	counts map[entitlements.Status]int

	dirty   bool // changed since the last save
	saveSeq int  // the last change, so only the newest save tick saves
	// lettersCursor is the letter chosen in the list, kept while the case is open.
	lettersCursor int
}

func newCaseState(c storage.Case, today entitlements.Date) (*caseState, error) {
	var a entitlements.Answers
	if len(c.Answers) > 0 {
		if err := json.Unmarshal(c.Answers, &a); err != nil {
			return nil, err
		}
	}
	asOf := today
	if c.AsOf != "" {
		if d, err := entitlements.ParseDate(c.AsOf); err == nil {
			asOf = d
		}
	}
	cs := &caseState{c: c, w: wizard.New(a, asOf)}
	var skipped []entitlements.Key
	for _, name := range c.Skipped {
		if k, ok := entitlements.KeyNamed(name); ok {
			skipped = append(skipped, k)
		}
	}
	cs.w.Restore(skipped)
	cs.refresh()
	return cs, nil
}

// refresh takes the wizard's assessment and writes it out once, so views only draw it.
func (cs *caseState) refresh() {
	cs.res = cs.w.Result()
	cs.rep = cs.res.Report()
	cs.counts = map[entitlements.Status]int{}
	for _, o := range cs.rep.Outcomes {
		if o.Kind == entitlements.Entitlement || o.Status != entitlements.NotEligible {
			cs.counts[o.Status]++
		}
	}
}

// touch marks the case changed and asks for a save shortly after the last change.
func (cs *caseState) touch() tea.Cmd {
	cs.dirty = true
	cs.saveSeq++
	return tick(400*time.Millisecond, saveTickMsg{seq: cs.saveSeq})
}

func (cs *caseState) user() string {
	a := cs.w.Answers()
	if a.Value(entitlements.User) == "adviser" {
		return "adviser"
	}
	return "carer"
}

func (cs *caseState) label() string {
	if l := entitlements.CleanText(cs.c.Label); l != "" {
		return l
	}
	return "New case"
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

// snapshot is the case as it should be saved now.
func (cs *caseState) snapshot() storage.Case {
	c := cs.c
	c.Answers = mustJSON(cs.w.Answers())
	c.Skipped = nil
	for _, k := range cs.w.SkippedKeys() {
		c.Skipped = append(c.Skipped, k.String())
	}
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
	cs.c.Requests = append(cs.c.Requests, storage.Request{ID: id, Status: storage.StatusDrafted})
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
