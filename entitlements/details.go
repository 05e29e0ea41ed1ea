package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
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
}

// Person is a carer.
type Person struct {
	Name     string   `json:"name,omitempty"`
	Address  []string `json:"address,omitempty"`
	Postcode string   `json:"postcode,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Email    string   `json:"email,omitempty"`
}

// Child is the child being cared for.
type Child struct {
	Name        string `json:"name,omitempty"`
	DateOfBirth string `json:"date_of_birth,omitempty"` // YYYY-MM-DD
}

// Office is an organisation a letter goes to.
type Office struct {
	Name     string   `json:"name,omitempty"`
	Team     string   `json:"team,omitempty"`
	Address  []string `json:"address,omitempty"`
	Postcode string   `json:"postcode,omitempty"`
	Email    string   `json:"email,omitempty"`
}

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
	d.Clean()
	return d, nil
}

func detailsError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "json: unknown field "); i >= 0 {
		return fmt.Errorf("details: unknown key %s; allowed keys are carer, second_carer, child, school, council, placing_council, virtual_school, employer, order (see the details format)", strings.TrimPrefix(msg[i:], "json: unknown field "))
	}
	return fmt.Errorf("details: %v", err)
}

// Clean strips control characters and terminal escape sequences from every text field.
func (d *Details) Clean() {
	for _, p := range []*Person{d.Carer, d.SecondCarer} {
		if p != nil {
			p.Name, p.Postcode, p.Phone, p.Email = CleanText(p.Name), CleanText(p.Postcode), CleanText(p.Phone), CleanText(p.Email)
			p.Address = cleanLines(p.Address)
		}
	}
	if d.Child != nil {
		d.Child.Name = CleanText(d.Child.Name)
		d.Child.DateOfBirth = CleanText(d.Child.DateOfBirth)
	}
	for _, o := range []*Office{d.School, d.Council, d.PlacingCouncil, d.VirtualSchool, d.Employer} {
		if o != nil {
			o.Name, o.Team, o.Postcode, o.Email = CleanText(o.Name), CleanText(o.Team), CleanText(o.Postcode), CleanText(o.Email)
			o.Address = cleanLines(o.Address)
		}
	}
	if d.Order != nil {
		d.Order.Court, d.Order.CaseNumber = CleanText(d.Order.Court), CleanText(d.Order.CaseNumber)
	}
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
