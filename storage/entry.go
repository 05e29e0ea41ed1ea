package storage

import (
	"encoding/json"
	"strings"
	"time"

	"kincare/entitlements"
)

// indexEntry is what the case list needs, kept apart from the full case so that listing
// 100,000 cases does not read 100,000 full cases.
type indexEntry struct {
	ID                                   string
	Label, Council, Carer, Second, Child string
	Children                             []ChildSummary
	Updated                              int64 // Unix nanoseconds
	// Dues are the reply dates of the letters waiting for a reply: for each request, its
	// follow-up's if one was sent, else the original's.
	Dues []string
	fold string // lower-cased search text, memory only
}

// listAnswers are the few answers the case list shows.
type listAnswers struct {
	Council  any          `json:"council"`
	ChildAge *json.Number `json:"child_age"`
}

func entryOf(c *Case) indexEntry {
	e := indexEntry{ID: c.ID, Label: c.Label, Updated: c.Updated.UnixNano()}
	var house listAnswers
	_ = json.Unmarshal(c.Household, &house)
	e.Children = make([]ChildSummary, len(c.Children))
	for i, ch := range c.Children {
		own := house
		_ = json.Unmarshal(ch.Answers, &own)
		if i == 0 && house.Council == nil {
			house.Council = own.Council
		}
		e.Children[i] = ChildSummary{Name: ch.Name, Age: -1}
		if own.ChildAge != nil {
			if n, err := own.ChildAge.Int64(); err == nil && n >= 0 && n < 1000 {
				e.Children[i].Age = int(n)
			}
		}
	}
	if s, ok := house.Council.(string); ok {
		e.Council = entitlements.CleanText(s)
	}
	if e.Council == "" && c.Details.Council != nil {
		e.Council = c.Details.Council.Name
	}
	if c.Details.Carer != nil {
		e.Carer = c.Details.Carer.Name
	}
	if c.Details.SecondCarer != nil {
		e.Second = c.Details.SecondCarer.Name
	}
	if c.Details.Child != nil {
		e.Child = c.Details.Child.Name
	}
	for _, r := range c.Requests {
		if r.Awaiting() {
			e.Dues = append(e.Dues, r.Due())
		}
	}
	return e
}

func (e *indexEntry) foldText() string {
	if e.fold == "" {
		e.fold = string(e.appendFold(nil))
	}
	return e.fold
}

// appendFold appends the lower-cased search text, with a fast path for plain ASCII.
func (e *indexEntry) appendFold(dst []byte) []byte {
	fields := [...]string{e.Label, e.Council, e.Carer, e.Second, e.Child}
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, 0)
		}
		dst = appendLower(dst, f)
	}
	for _, ch := range e.Children {
		dst = appendLower(append(dst, 0), ch.Name)
	}
	return dst
}

func appendLower(dst []byte, f string) []byte {
	for j := 0; j < len(f); j++ {
		if f[j] >= 0x80 {
			return append(dst, strings.ToLower(f)...)
		}
	}
	for j := 0; j < len(f); j++ {
		c := f[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func (e *indexEntry) summary(late func(due string) bool, todayISO string) Summary {
	s := Summary{ID: e.ID, Label: e.Label, Council: e.Council, CarerName: e.Carer, ChildName: e.Child,
		Children: e.Children, Updated: time.Unix(0, e.Updated)}
	for _, d := range e.Dues {
		if late(d) {
			s.Overdue++
		} else if d >= todayISO && (s.NextDue == "" || d < s.NextDue) {
			s.NextDue = d
		}
	}
	return s
}
