package storage

import (
	"slices"
	"strings"

	"kincare/entitlements"
)

// index is the in-memory copy of the small index, kept for the session so a second listing
// costs a sort at most. It holds names, so Lock and Close drop it.
type index struct {
	byID   map[string]*indexEntry
	sorted []*indexEntry // newest first; nil when it needs sorting again
}

func newIndex(n int) *index { return &index{byID: make(map[string]*indexEntry, n)} }

func (x *index) set(e indexEntry) {
	p := new(indexEntry)
	*p = e
	x.byID[e.ID] = p
	x.sorted = nil
}

func (x *index) remove(id string) {
	delete(x.byID, id)
	x.sorted = nil
}

func (x *index) search(query, today string) []Summary {
	if x.sorted == nil {
		// Sorting keys held in the slice itself avoids chasing a pointer per comparison,
		// which made this the slowest part of listing 100,000 cases.
		type keyed struct {
			upd int64
			e   *indexEntry
		}
		ks := make([]keyed, 0, len(x.byID))
		for _, e := range x.byID {
			ks = append(ks, keyed{e.Updated, e})
		}
		slices.SortFunc(ks, func(a, b keyed) int {
			switch {
			case a.upd > b.upd:
				return -1
			case a.upd < b.upd:
				return 1
			}
			return strings.Compare(a.e.ID, b.e.ID)
		})
		s := make([]*indexEntry, len(ks))
		for i, k := range ks {
			s[i] = k.e
		}
		x.sorted = s
	}
	words := strings.Fields(strings.ToLower(query))
	day, _ := entitlements.ParseDate(today)
	late := lateOn(day)
	var out []Summary
	if len(words) == 0 {
		out = make([]Summary, 0, len(x.sorted))
	}
next:
	for _, e := range x.sorted {
		if len(words) > 0 {
			f := e.foldText()
			for _, w := range words {
				if !strings.Contains(f, w) {
					continue next
				}
			}
		}
		out = append(out, e.summary(late, today))
	}
	return out
}
