package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"kincare/entitlements"
)

// Case is one family's record. The JSON tags are the form used in exports (EXPORT.md)
// and, for unprotected files, in the file itself; they are part of the saved format.
type Case struct {
	ID       string               `json:"id"`
	Label    string               `json:"label"`
	AsOf     string               `json:"as_of,omitempty"`
	Answers  json.RawMessage      `json:"answers"`
	Details  entitlements.Details `json:"details"`
	Notes    []Note               `json:"notes,omitempty"`
	Requests []Request            `json:"requests,omitempty"`
	// Skipped are the answer keys the person chose to skip, so a later session does not
	// ask them again.
	Skipped []string  `json:"skipped,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Note is a dated free-text note. Edited is zero until the note is changed.
type Note struct {
	ID     string    `json:"id"`
	At     time.Time `json:"at"`
	Text   string    `json:"text"`
	Edited time.Time `json:"edited,omitzero"`
}

// Request tracks one letter asking for something (a request id from the spec).
type Request struct {
	ID        string          `json:"id"`
	Versions  []LetterVersion `json:"versions,omitempty"`
	Status    string          `json:"status,omitempty"` // "drafted", "sent", "replied"
	SentOn    string          `json:"sent_on,omitempty"`
	SentHow   string          `json:"sent_how,omitempty"`
	ReplyDue  string          `json:"reply_due,omitempty"`
	RepliedOn string          `json:"replied_on,omitempty"`
	FollowUps []LetterVersion `json:"follow_ups,omitempty"`
}

// LetterVersion is one saved text of a letter; Edited says a person changed the drafted text.
type LetterVersion struct {
	At     time.Time `json:"at"`
	Text   string    `json:"text"`
	Edited bool      `json:"edited,omitempty"`
}

// Summary is one line of the case list, built from the small index only.
// Overdue counts sent requests whose reply is past due on the date given to List/Search;
// NextDue is the earliest reply date on or after that date ("" if none).
type Summary struct {
	ID, Label, Council, CarerName, ChildName string
	Updated                                  time.Time
	Overdue                                  int
	NextDue                                  string
}

// Request statuses.
const (
	StatusDrafted = "drafted"
	StatusSent    = "sent"
	StatusReplied = "replied"
)

// NewID returns a random 128-bit identifier in hex. Ids are random rather than derived from
// anything about the family so that they reveal nothing when seen in a file or a log.
func NewID() string { return randHex(16) }

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("kincare: the system random number source failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

func validID(id string) bool {
	if len(id) != 32 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// prepare checks and cleans a case before it is stored, so that nothing pasted into a
// field can later break a screen, a letter or an export.
func prepare(c *Case, now time.Time) error {
	if err := checkLimits(c); err != nil {
		return err
	}
	if c.ID == "" {
		c.ID = NewID()
	} else if !validID(c.ID) {
		return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("The case reference %q is not one kincare made, so the case was not saved.", c.ID)}
	}
	c.Label = entitlements.CleanText(c.Label)
	c.AsOf = entitlements.CleanText(c.AsOf)
	if c.AsOf != "" {
		if _, err := time.Parse("2006-01-02", c.AsOf); err != nil {
			return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("The assessment date %q is not a date in the form YYYY-MM-DD, so the case was not saved.", c.AsOf)}
		}
	}
	ans, err := normaliseAnswers(c.Answers)
	if err != nil {
		return err
	}
	c.Answers = ans
	c.Details.Clean()
	for i := range c.Notes {
		n := &c.Notes[i]
		if n.ID == "" {
			n.ID = randHex(8)
		}
		if n.At.IsZero() {
			n.At = now
		}
		n.Text = cleanMultiline(n.Text)
	}
	for i := range c.Requests {
		r := &c.Requests[i]
		r.ID = entitlements.CleanText(r.ID)
		r.Status, r.SentOn, r.SentHow = entitlements.CleanText(r.Status), entitlements.CleanText(r.SentOn), entitlements.CleanText(r.SentHow)
		r.ReplyDue, r.RepliedOn = entitlements.CleanText(r.ReplyDue), entitlements.CleanText(r.RepliedOn)
		for _, vs := range [][]LetterVersion{r.Versions, r.FollowUps} {
			for j := range vs {
				vs[j].Text = cleanMultiline(vs[j].Text)
				if vs[j].At.IsZero() {
					vs[j].At = now
				}
			}
		}
	}
	if c.Created.IsZero() {
		c.Created = now
	}
	return nil
}

func normaliseAnswers(a json.RawMessage) (json.RawMessage, error) {
	t := bytes.TrimSpace(a)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		return json.RawMessage("{}"), nil
	}
	var m map[string]json.RawMessage
	if t[0] != '{' || json.Unmarshal(t, &m) != nil {
		return nil, &Error{Kind: ErrInvalid, Msg: "The answers for this case are not in the expected form (a JSON object), so the case was not saved."}
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, t); err != nil {
		return nil, &Error{Kind: ErrInvalid, Msg: "The answers for this case are not in the expected form (a JSON object), so the case was not saved."}
	}
	return json.RawMessage(buf.Bytes()), nil
}

// cleanMultiline keeps line breaks in notes and letters while removing everything else
// CleanText removes.
func cleanMultiline(s string) string {
	if s == "" {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = entitlements.CleanText(l)
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// indexEntry is what the case list needs, kept apart from the full case so that listing
// 100,000 cases does not read 100,000 full cases.
type indexEntry struct {
	ID                                   string
	Label, Council, Carer, Second, Child string
	Updated                              int64 // Unix nanoseconds
	Dues                                 []string
	fold                                 string // lower-cased search text, memory only
}

func entryOf(c *Case) indexEntry {
	e := indexEntry{ID: c.ID, Label: c.Label, Updated: c.Updated.UnixNano()}
	var ans struct {
		Council any `json:"council"`
	}
	_ = json.Unmarshal(c.Answers, &ans)
	if s, ok := ans.Council.(string); ok {
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
		if awaiting(r) {
			e.Dues = append(e.Dues, r.ReplyDue)
		}
	}
	return e
}

func awaiting(r Request) bool {
	return r.Status == StatusSent && r.RepliedOn == "" && r.ReplyDue != ""
}

func (e *indexEntry) foldText() string {
	if e.fold == "" {
		e.fold = string(e.appendFold(nil))
	}
	return e.fold
}

// appendFold appends the lower-cased search text, with a fast path for plain ASCII.
func (e *indexEntry) appendFold(dst []byte) []byte {
	for i, f := range [...]string{e.Label, e.Council, e.Carer, e.Second, e.Child} {
		if i > 0 {
			dst = append(dst, 0)
		}
		ascii := true
		for j := 0; j < len(f); j++ {
			if f[j] >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			dst = append(dst, strings.ToLower(f)...)
			continue
		}
		for j := 0; j < len(f); j++ {
			c := f[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
	}
	return dst
}

func (e *indexEntry) summary(today string) Summary {
	s := Summary{ID: e.ID, Label: e.Label, Council: e.Council, CarerName: e.Carer, ChildName: e.Child, Updated: time.Unix(0, e.Updated)}
	for _, d := range e.Dues {
		if d < today {
			s.Overdue++
		} else if s.NextDue == "" || d < s.NextDue {
			s.NextDue = d
		}
	}
	return s
}

func todayOr(today string) string {
	if today == "" {
		return time.Now().Format("2006-01-02")
	}
	return today
}

// cloneCase gives callers their own copy, so that changing a returned case never changes
// what is stored until Save.
func cloneCase(c Case) Case {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	var out Case
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}
