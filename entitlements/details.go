package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Details are the people's names and addresses that fill letters (spec/details.md).
// They never change an outcome.
type Details struct {
	Carer          *Person `json:"carer,omitempty"`
	SecondCarer    *Person `json:"second_carer,omitempty"`
	Child          *Child  `json:"child,omitempty"`
	School         *Office `json:"school,omitempty"`
	Council        *Office `json:"council,omitempty"`
	PlacingCouncil *Office `json:"placing_council,omitempty"`
	VirtualSchool  *Office `json:"virtual_school,omitempty"`
	Employer       *Office `json:"employer,omitempty"`
	Order          *Order  `json:"order,omitempty"`
	// Children are a family's children, matched to the case's children by position (Child
	// stays valid for a single child).
	Children []Child `json:"children,omitempty"`
	// Story is how the children came to live with the carer, in the carer's own words.
	Story string `json:"story,omitempty"`
}

// Person is a carer.
type Person struct {
	Name     string   `json:"name,omitempty"`
	Address  []string `json:"address,omitempty"`
	Postcode string   `json:"postcode,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Email    string   `json:"email,omitempty"`
	// RelationshipWords is how the carer names the relationship in a letter ("grandmother",
	// "uncle"); without it a relationship the answers leave open is a gap.
	RelationshipWords string `json:"relationship_words,omitempty"`
}

// Child is the child being cared for.
type Child struct {
	Name        string `json:"name,omitempty"`
	DateOfBirth string `json:"date_of_birth,omitempty"` // YYYY-MM-DD
	Needs       string `json:"needs,omitempty"`         // what this child needs, in the carer's words
}

// Office is an organisation a letter goes to. A council's letters go to the service that deals
// with them (Services), falling back to the office's own fields.
type Office struct {
	Name      string              `json:"name,omitempty"`
	Team      string              `json:"team,omitempty"`
	Contact   string              `json:"contact,omitempty"` // a named person: "Dear Ms Khan ... Yours sincerely"
	Address   []string            `json:"address,omitempty"`
	Postcode  string              `json:"postcode,omitempty"`
	Email     string              `json:"email,omitempty"`
	Reference string              `json:"reference,omitempty"`
	CopyTo    []string            `json:"copy_to,omitempty"`
	Services  map[string]*Service `json:"services,omitempty"`
}

// Service is one team of a council: who a letter to that service goes to.
type Service struct {
	Team      string   `json:"team,omitempty"`
	Contact   string   `json:"contact,omitempty"`
	Address   []string `json:"address,omitempty"`
	Postcode  string   `json:"postcode,omitempty"`
	Email     string   `json:"email,omitempty"`
	Reference string   `json:"reference,omitempty"`
	CopyTo    []string `json:"copy_to,omitempty"`
}

// ServiceNames are the council services a letter can go to (spec/details.md).
var ServiceNames = []string{"children_services", "kinship", "fostering", "adoption_support",
	"private_fostering", "leaving_care", "virtual_school", "complaints"}

// Order is the court order behind the arrangement.
type Order struct {
	Court      string `json:"court,omitempty"`
	CaseNumber string `json:"case_number,omitempty"`
}

// ParseDetails reads the details JSON strictly: an unknown key is an error naming it,
// and every text field is cleaned of control characters and terminal escape sequences.
func ParseDetails(data []byte) (Details, error) {
	if err := CheckJSON(data, MaxDetailsFileBytes, "the details file"); err != nil {
		return Details{}, err
	}
	var d Details
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Details{}, detailsError(err)
	}
	if dec.More() {
		return Details{}, fmt.Errorf("details: extra data after the JSON object")
	}
	if d.Child != nil && d.Child.DateOfBirth != "" {
		if _, err := ParseDate(d.Child.DateOfBirth); err != nil {
			return Details{}, fmt.Errorf("details: child.date_of_birth %q is not a date in the form YYYY-MM-DD", d.Child.DateOfBirth)
		}
	}
	for i, c := range d.Children {
		if c.DateOfBirth != "" {
			if _, err := ParseDate(c.DateOfBirth); err != nil {
				return Details{}, fmt.Errorf("details: children[%d].date_of_birth %q is not a date in the form YYYY-MM-DD", i, c.DateOfBirth)
			}
		}
	}
	if len(d.Children) > MaxChildren {
		return Details{}, fmt.Errorf("details: children has %d entries; a family has at most %d", len(d.Children), MaxChildren)
	}
	for _, o := range []struct {
		key string
		o   *Office
	}{{"council", d.Council}, {"placing_council", d.PlacingCouncil}} {
		if o.o == nil {
			continue
		}
		for name := range o.o.Services {
			if !slices.Contains(ServiceNames, name) {
				return Details{}, fmt.Errorf("details: %s.services: unknown service %q; allowed services are %s", o.key, name, strings.Join(ServiceNames, ", "))
			}
		}
	}
	for _, o := range []struct {
		key string
		o   *Office
	}{{"school", d.School}, {"virtual_school", d.VirtualSchool}, {"employer", d.Employer}} {
		if o.o != nil && len(o.o.Services) > 0 {
			return Details{}, fmt.Errorf("details: %s.services: only council and placing_council have services", o.key)
		}
	}
	d.Clean()
	return d, nil
}

func detailsError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "json: unknown field "); i >= 0 {
		return fmt.Errorf("details: unknown key %s; allowed keys are carer, second_carer, child, children, story, school, council, placing_council, virtual_school, employer, order (see the details format)", strings.TrimPrefix(msg[i:], "json: unknown field "))
	}
	return fmt.Errorf("details: %v", err)
}

// Clean strips control characters and terminal escape sequences from every text field.
func (d *Details) Clean() {
	for _, p := range []*Person{d.Carer, d.SecondCarer} {
		if p != nil {
			p.Name, p.Postcode, p.Phone, p.Email = CleanText(p.Name), CleanText(p.Postcode), CleanText(p.Phone), CleanText(p.Email)
			p.RelationshipWords = CleanText(p.RelationshipWords)
			p.Address = cleanLines(p.Address)
		}
	}
	if d.Child != nil {
		d.Child.clean()
	}
	for i := range d.Children {
		d.Children[i].clean()
	}
	d.Story = CleanText(d.Story)
	for _, o := range []*Office{d.School, d.Council, d.PlacingCouncil, d.VirtualSchool, d.Employer} {
		if o != nil {
			o.Name, o.Team, o.Postcode, o.Email = CleanText(o.Name), CleanText(o.Team), CleanText(o.Postcode), CleanText(o.Email)
			o.Contact, o.Reference = CleanText(o.Contact), CleanText(o.Reference)
			o.Address, o.CopyTo = cleanLines(o.Address), cleanLines(o.CopyTo)
			for _, s := range o.Services {
				if s != nil {
					s.Team, s.Contact, s.Postcode = CleanText(s.Team), CleanText(s.Contact), CleanText(s.Postcode)
					s.Email, s.Reference = CleanText(s.Email), CleanText(s.Reference)
					s.Address, s.CopyTo = cleanLines(s.Address), cleanLines(s.CopyTo)
				}
			}
		}
	}
	if d.Order != nil {
		d.Order.Court, d.Order.CaseNumber = CleanText(d.Order.Court), CleanText(d.Order.CaseNumber)
	}
}

func (c *Child) clean() {
	c.Name, c.DateOfBirth, c.Needs = CleanText(c.Name), CleanText(c.DateOfBirth), CleanText(c.Needs)
}

// plainASCII says s is printable ASCII with no space at either end, which CleanText keeps as is.
func plainASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func cleanLines(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if l = CleanText(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ansiSeq matches CSI, OSC, DCS/SOS/PM/APC strings and two-byte ESC sequences.
var ansiSeq = regexp.MustCompile(`\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]`)

// CleanText removes terminal escape sequences and control characters (keeping ordinary
// spaces), so pasted text can never move the cursor, change colours or set the clipboard.
// Letters, emoji and right-to-left text are kept as given; bidi override controls are removed
// because they can make a name display as something else.
func CleanText(s string) string {
	if plainASCII(s) {
		return s // nothing to remove: the common case, and importing 100,000 cases cleans millions
	}
	s = ansiSeq.ReplaceAllString(s, "")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(' ')
		case unicode.IsControl(r):
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// CopyInto lays the service's own fields over an office's: a letter to the service uses them.
func (s *Service) CopyInto(o *Office) {
	if s.Team != "" {
		o.Team = s.Team
	}
	if s.Contact != "" {
		o.Contact = s.Contact
	}
	if len(s.Address) > 0 {
		o.Address, o.Postcode = s.Address, s.Postcode
	} else if s.Postcode != "" {
		o.Postcode = s.Postcode
	}
	if s.Email != "" {
		o.Email = s.Email
	}
	if s.Reference != "" {
		o.Reference = s.Reference
	}
	if len(s.CopyTo) > 0 {
		o.CopyTo = s.CopyTo
	}
}
