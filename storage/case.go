package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kincare/entitlements"
)

// Case is one family's record: a household and the 1 to 12 children in it. The JSON tags are
// the form used in exports (EXPORT.md) and, for unprotected files, in the file itself; they
// are part of the saved format.
type Case struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	AsOf  string `json:"as_of,omitempty"`
	// Household holds the carer's own answers (entitlements.HouseholdKeys), given once for
	// every child: an answers object of the assess format.
	Household json.RawMessage `json:"household"`
	// HouseholdSkipped are the household answer keys the person chose to skip.
	HouseholdSkipped []string `json:"household_skipped,omitempty"`
	// Children are the family's children in the order the family gave them; a saved case
	// always has at least one. A child's own answer wins over the household's.
	Children []Child              `json:"children"`
	Details  entitlements.Details `json:"details"`
	Notes    []Note               `json:"notes,omitempty"`
	Requests []Request            `json:"requests,omitempty"`
	Created  time.Time            `json:"created"`
	Updated  time.Time            `json:"updated"`
}

// Child is one child of a family.
type Child struct {
	// ID is chosen at random when the child is added and never changes, so letters and
	// tracking can name the child even after a rename or the removal of a brother or sister.
	ID string `json:"id"`
	// Name is the name the family uses; it may be empty until someone gives it.
	Name string `json:"name,omitempty"`
	// Answers is the child's own answers object (the assess format).
	Answers json.RawMessage `json:"answers"`
	// Skipped are the child's answer keys the person chose to skip, so a later session does
	// not ask them again.
	Skipped []string `json:"skipped,omitempty"`
}

// Note is a dated free-text note. Edited is zero until the note is changed.
type Note struct {
	ID     string    `json:"id"`
	At     time.Time `json:"at"`
	Text   string    `json:"text"`
	Edited time.Time `json:"edited,omitzero"`
}

// Request tracks one letter asking for something (a request id from the spec) and its
// follow-up. tracking.go holds what may be done to it.
type Request struct {
	ID string `json:"id"`
	// Children are the ids of the children the letter is about. Empty means the whole
	// family (cases saved before families were kept name their only child).
	Children []string        `json:"children,omitempty"`
	Versions []LetterVersion `json:"versions,omitempty"`
	Status   string          `json:"status,omitempty"` // "drafted", "sent", "replied"
	// SentOn, SentHow and ReplyDue are the original letter's. They are set when it is marked
	// sent and a follow-up never changes them: the follow-up carries its own.
	SentOn    string `json:"sent_on,omitempty"`
	SentHow   string `json:"sent_how,omitempty"`
	ReplyDue  string `json:"reply_due,omitempty"`
	RepliedOn string `json:"replied_on,omitempty"`
	// FollowUps are the texts of the follow-up letter; the one that was sent carries its
	// own sent and due dates.
	FollowUps []LetterVersion `json:"follow_ups,omitempty"`
}

// LetterVersion is one saved text of a letter; Edited says a person changed the drafted text.
// A follow-up's version that was sent records when, how, and when its reply is due.
type LetterVersion struct {
	At       time.Time `json:"at"`
	Text     string    `json:"text"`
	Edited   bool      `json:"edited,omitempty"`
	SentOn   string    `json:"sent_on,omitempty"`
	SentHow  string    `json:"sent_how,omitempty"`
	ReplyDue string    `json:"reply_due,omitempty"`
}

// Summary is one line of the case list, built from the small index only.
// Overdue counts requests whose reply is late on the date given to List/Search;
// NextDue is the earliest reply date on or after that date ("" if none).
type Summary struct {
	ID, Label, Council, CarerName, ChildName string
	// Children are the family's children, in order (shared with the cached list: read only).
	Children []ChildSummary
	Updated  time.Time
	Overdue  int
	NextDue  string
}

// ChildSummary is what the case list shows of a child.
type ChildSummary struct {
	Name string
	Age  int // child_age; -1 when not known
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

// NewChildID returns a random id for a child (unique within its case).
func NewChildID() string { return randHex(8) }

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("kincare: the system random number source failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

func validID(id string) bool { return len(id) == 32 && lowerHex(id) }

func validChildID(id string) bool { return len(id) >= 4 && len(id) <= 32 && lowerHex(id) }

func lowerHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func invalid(format string, a ...any) error {
	return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf(format, a...) + ", so the case was not saved."}
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
		return invalid("The case reference %q is not one kincare made", c.ID)
	}
	c.Label = entitlements.CleanText(c.Label)
	c.AsOf = entitlements.CleanText(c.AsOf)
	if c.AsOf != "" {
		if _, err := time.Parse("2006-01-02", c.AsOf); err != nil {
			return invalid("The assessment date %q is not a date in the form YYYY-MM-DD", c.AsOf)
		}
	}
	ans, err := normaliseAnswers(c.Household, "the household")
	if err != nil {
		return err
	}
	c.Household = ans
	c.HouseholdSkipped = cleanList(c.HouseholdSkipped)
	if err := prepareChildren(c); err != nil {
		return err
	}
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
		prepareRequest(&c.Requests[i], now)
	}
	if c.Created.IsZero() {
		c.Created = now
	}
	return nil
}

// prepareChildren gives a new case its one child, new children their ids, and refuses what
// a family cannot be.
func prepareChildren(c *Case) error {
	if len(c.Children) == 0 {
		c.Children = []Child{{}}
	}
	if len(c.Children) > entitlements.MaxChildren {
		return invalid("The case has %d children; a family has 1 to %d", len(c.Children), entitlements.MaxChildren)
	}
	seen := map[string]bool{}
	for i := range c.Children {
		ch := &c.Children[i]
		if ch.ID == "" {
			ch.ID = NewChildID()
		}
		if !validChildID(ch.ID) || seen[ch.ID] {
			return invalid("Child %d has a reference kincare did not make, or one another child has", i+1)
		}
		seen[ch.ID] = true
		ch.Name = entitlements.CleanText(ch.Name)
		if utf8.RuneCountInString(ch.Name) > entitlements.MaxChildName {
			return invalid("Child %d's name is longer than %d characters", i+1, entitlements.MaxChildName)
		}
		who := "child " + fmt.Sprint(i+1)
		if ch.Name != "" {
			who = ch.Name
		}
		ans, err := normaliseAnswers(ch.Answers, who)
		if err != nil {
			return err
		}
		ch.Answers = ans
		ch.Skipped = cleanList(ch.Skipped)
	}
	return nil
}

func prepareRequest(r *Request, now time.Time) {
	r.ID = entitlements.CleanText(r.ID)
	r.Children = cleanList(r.Children)
	r.Status, r.SentOn, r.SentHow = entitlements.CleanText(r.Status), entitlements.CleanText(r.SentOn), entitlements.CleanText(r.SentHow)
	r.ReplyDue, r.RepliedOn = entitlements.CleanText(r.ReplyDue), entitlements.CleanText(r.RepliedOn)
	for _, vs := range [][]LetterVersion{r.Versions, r.FollowUps} {
		for j := range vs {
			v := &vs[j]
			v.Text = cleanMultiline(v.Text)
			v.SentOn, v.SentHow, v.ReplyDue = entitlements.CleanText(v.SentOn), entitlements.CleanText(v.SentHow), entitlements.CleanText(v.ReplyDue)
			if v.At.IsZero() {
				v.At = now
			}
		}
	}
}

func cleanList(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	out := l[:0]
	for _, s := range l {
		if s = entitlements.CleanText(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// normaliseAnswers checks an answers object is a JSON object and stores it compactly. Keys
// are not checked against the spec, so answers a newer kincare saved are never lost.
func normaliseAnswers(a json.RawMessage, whose string) (json.RawMessage, error) {
	t := bytes.TrimSpace(a)
	if len(t) == 0 || bytes.Equal(t, []byte("null")) {
		return json.RawMessage("{}"), nil
	}
	var m map[string]json.RawMessage
	var buf bytes.Buffer
	if t[0] != '{' || json.Unmarshal(t, &m) != nil || json.Compact(&buf, t) != nil {
		return nil, invalid("The answers for %s are not in the expected form (a JSON object)", whose)
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
