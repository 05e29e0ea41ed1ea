package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Key is one answer key of the spec (spec/assess.md, "Answers").
type Key uint8

// The answer keys, in the spec's order. Their names and values are fixed: they are saved in
// users' files and exchanged with other tools.
const (
	Country Key = iota
	User
	LivingWithCarer
	Relationship
	ParentInHome
	Duration
	ChildAge
	ChildDisabled
	LegalStatus
	CouncilInvolved
	OrderRoute
	OtherwiseInCare
	PreviouslyLookedAfter
	AdoptedAbroad
	OrderDate
	CouncilKey
	PlacingCouncil
	EducationKey
	SchoolType
	EHCP
	ParentsDied
	SurvivingParent
	Benefits
	CarerPensionAge
	ChildDLA
	SGFinancialSupport
	CourtCase
	ConsideringOrder
	InWork
	NumKeys // the number of answer keys; not a key
)

// ValueKind says how an answer is written.
type ValueKind uint8

const (
	Choice    ValueKind = iota // one of Values
	Number                     // a whole number from Min to Max
	Text                       // free text (a council's name)
	DateValue                  // YYYY-MM-DD, or YYYY-MM where only the month is known (order_date)
)

// KeySpec describes one answer key exactly as the spec gives it.
type KeySpec struct {
	Key      Key
	Name     string
	Kind     ValueKind
	Values   []string // for Choice, including "not_sure" where the spec allows it
	Min, Max int      // for Number
}

// NotSure is the answer "I don't know".
const NotSure = "not_sure"

var yesNoNotSure = []string{"yes", "no", NotSure}

var keySpecs = [NumKeys]KeySpec{
	{Key: Country, Name: "country", Values: []string{"england", "wales", "scotland", "northern_ireland", "outside_uk"}},
	{Key: User, Name: "user", Values: []string{"carer", "adviser"}},
	{Key: LivingWithCarer, Name: "living_with_carer", Values: []string{"yes", "soon", "no"}},
	{Key: Relationship, Name: "relationship", Values: []string{"grandparent", "great_grandparent", "sibling", "aunt_uncle", "step_parent", "great_aunt_uncle", "cousin", "other_relative", "family_friend", "parents_partner", "parent", "other"}},
	{Key: ParentInHome, Name: "parent_in_home", Values: []string{"yes", "no"}},
	{Key: Duration, Name: "duration", Values: []string{"under_28_days", "28_days_or_more", NotSure}},
	{Key: ChildAge, Name: "child_age", Kind: Number, Min: 0, Max: 25},
	{Key: ChildDisabled, Name: "child_disabled", Values: yesNoNotSure},
	{Key: LegalStatus, Name: "legal_status", Values: []string{"none", "kinship_foster", "sgo", "cao", "residence_order", "adoption", "guardian", NotSure}},
	{Key: CouncilInvolved, Name: "council_involved", Values: yesNoNotSure},
	{Key: OrderRoute, Name: "order_route", Values: []string{"care_proceedings", "private", NotSure}},
	{Key: OtherwiseInCare, Name: "otherwise_in_care", Values: yesNoNotSure},
	{Key: PreviouslyLookedAfter, Name: "previously_looked_after", Values: yesNoNotSure},
	{Key: AdoptedAbroad, Name: "adopted_from_state_care_abroad", Values: []string{"yes", "no"}},
	{Key: OrderDate, Name: "order_date", Kind: DateValue},
	{Key: CouncilKey, Name: "council", Kind: Text},
	{Key: PlacingCouncil, Name: "placing_council", Kind: Text},
	{Key: EducationKey, Name: "education", Values: []string{"not_yet", "early_years", "primary", "secondary", "post_16", "not_in_education"}},
	{Key: SchoolType, Name: "school_type", Values: []string{"state", "independent", "home_educated", NotSure}},
	{Key: EHCP, Name: "ehcp", Values: yesNoNotSure},
	{Key: ParentsDied, Name: "parents_died", Values: []string{"none", "one", "both", NotSure}},
	{Key: SurvivingParent, Name: "surviving_parent", Values: []string{"whereabouts_unknown", "in_prison_2_years", "hospital_order", "divorced_not_maintaining", "father_unknown", "other"}},
	{Key: Benefits, Name: "benefits", Values: yesNoNotSure},
	{Key: CarerPensionAge, Name: "carer_pension_age", Values: yesNoNotSure},
	{Key: ChildDLA, Name: "child_dla", Values: yesNoNotSure},
	{Key: SGFinancialSupport, Name: "sg_financial_support", Values: []string{"yes", "no"}},
	{Key: CourtCase, Name: "court_case", Values: []string{"none", "care_proceedings", "private_proceedings", "parent_applying", NotSure}},
	{Key: ConsideringOrder, Name: "considering_order", Values: []string{"none", "sgo", "cao", "adoption", NotSure}},
	{Key: InWork, Name: "in_work", Values: []string{"yes", "self_employed", "no"}},
}

var keyByName = func() map[string]Key {
	m := make(map[string]Key, NumKeys)
	for _, s := range keySpecs {
		m[s.Name] = s.Key
	}
	return m
}()

// Spec describes the key.
func (k Key) Spec() KeySpec { return keySpecs[k] }

// String is the key's name in the spec, e.g. "legal_status".
func (k Key) String() string {
	if k < NumKeys {
		return keySpecs[k].Name
	}
	return pseudoNames[k-NumKeys]
}

// AllKeys lists every answer key in the spec's order.
func AllKeys() []Key {
	ks := make([]Key, NumKeys)
	for i := range ks {
		ks[i] = Key(i)
	}
	return ks
}

// KeyNamed finds a key by its spec name.
func KeyNamed(name string) (Key, bool) {
	k, ok := keyByName[name]
	return k, ok
}

// Answers holds what is known about one family. The zero value knows nothing.
// Every value is kept as its spec string (child_age as decimal digits); "" means not answered.
type Answers struct {
	vals [NumKeys]string
}

// Get returns the answer for k and whether it was given.
func (a Answers) Get(k Key) (string, bool) {
	v := a.vals[k]
	return v, v != ""
}

// Value returns the answer for k, or "" when it was not given.
func (a Answers) Value(k Key) string { return a.vals[k] }

// Has says whether k was answered (not_sure counts as answered: the person said they don't know).
func (a Answers) Has(k Key) bool { return a.vals[k] != "" }

// Age returns the child's age and whether it is known.
func (a Answers) Age() (int, bool) {
	if a.vals[ChildAge] == "" {
		return 0, false
	}
	n, err := strconv.Atoi(a.vals[ChildAge])
	return n, err == nil
}

// Set checks v against the spec and stores it. An error names the key and the allowed values.
func (a *Answers) Set(k Key, v string) error {
	if k >= NumKeys {
		return fmt.Errorf("unknown answer key %d", k)
	}
	s := keySpecs[k]
	switch s.Kind {
	case Choice:
		for _, ok := range s.Values {
			if v == ok {
				a.vals[k] = v
				return nil
			}
		}
		return fmt.Errorf("%s: %q is not allowed; allowed values are %s", s.Name, v, strings.Join(s.Values, ", "))
	case Number:
		n, err := strconv.Atoi(v)
		if err != nil || n < s.Min || n > s.Max {
			return fmt.Errorf("%s: %q is not allowed; it must be a whole number from %d to %d", s.Name, v, s.Min, s.Max)
		}
		a.vals[k] = strconv.Itoa(n)
		return nil
	case DateValue:
		if _, _, err := ParseDateOrMonth(v); err != nil {
			return fmt.Errorf("%s: %q is not a date in the form YYYY-MM-DD, or a month in the form YYYY-MM", s.Name, v)
		}
		a.vals[k] = v
		return nil
	default:
		v = CleanText(v)
		if v == "" {
			return fmt.Errorf("%s: the answer is empty; leave the key out instead", s.Name)
		}
		if len(v) > 200 {
			return fmt.Errorf("%s: the answer is longer than 200 characters", s.Name)
		}
		a.vals[k] = v
		return nil
	}
}

// Clear forgets the answer for k.
func (a *Answers) Clear(k Key) { a.vals[k] = "" }

// Known lists the answered keys in spec order.
func (a Answers) Known() []Key {
	var ks []Key
	for k := Key(0); k < NumKeys; k++ {
		if a.vals[k] != "" {
			ks = append(ks, k)
		}
	}
	return ks
}

// MarshalJSON writes the answers object of the spec: absent keys left out, child_age a number.
func (a Answers) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for k := Key(0); k < NumKeys; k++ {
		v := a.vals[k]
		if v == "" {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		name, _ := json.Marshal(keySpecs[k].Name)
		b.Write(name)
		b.WriteByte(':')
		if keySpecs[k].Kind == Number {
			b.WriteString(v)
		} else {
			val, _ := json.Marshal(v)
			b.Write(val)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an answers object strictly (see ParseAnswers).
func (a *Answers) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("answers must be a JSON object of key and value: %v", err)
	}
	var out Answers
	names := make([]string, 0, len(raw))
	for name := range raw {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		k, ok := keyByName[name]
		if !ok {
			return fmt.Errorf("unknown answer key %q; allowed keys are %s", name, strings.Join(keyNames(), ", "))
		}
		val := raw[name]
		if string(val) == "null" {
			continue
		}
		var v string
		if keySpecs[k].Kind == Number {
			var n json.Number
			if t := bytes.TrimSpace(val); len(t) == 0 || t[0] == '"' {
				return fmt.Errorf("%s: %s is not allowed; it must be a whole number from %d to %d, without quotes", name, val, keySpecs[k].Min, keySpecs[k].Max)
			}
			dec := json.NewDecoder(bytes.NewReader(val))
			dec.UseNumber()
			if err := dec.Decode(&n); err != nil {
				return fmt.Errorf("%s: %s is not allowed; it must be a whole number from %d to %d", name, val, keySpecs[k].Min, keySpecs[k].Max)
			}
			v = n.String()
		} else if err := json.Unmarshal(val, &v); err != nil {
			return fmt.Errorf("%s: %s is not allowed; it must be a string%s", name, val, allowedSuffix(k))
		}
		if err := out.Set(k, v); err != nil {
			return err
		}
	}
	*a = out
	return nil
}

func allowedSuffix(k Key) string {
	if s := keySpecs[k]; s.Kind == Choice {
		return ", one of " + strings.Join(s.Values, ", ")
	}
	return ""
}

func keyNames() []string {
	ns := make([]string, NumKeys)
	for i, s := range keySpecs {
		ns[i] = s.Name
	}
	return ns
}

// Input is an answers file: {"as_of": "YYYY-MM-DD", "answers": {...}}, or the family form
// {"as_of": ..., "household": {...}, "children": [...]} (spec/assess.md "Families").
type Input struct {
	AsOf    *Date // nil when the file gives none
	Answers Answers
	// Family is set for the family form; Answers is then empty.
	Family *Family
}

// ParseInput reads an answers file strictly. Errors name the key and the allowed values.
func ParseInput(data []byte) (Input, error) {
	if err := CheckJSON(data, MaxAnswersFileBytes, "the answers file"); err != nil {
		return Input{}, err
	}
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return Input{}, fmt.Errorf("not a JSON object of the form {\"as_of\": ..., \"answers\": {...}}: %v", err)
	}
	if dec.More() {
		return Input{}, fmt.Errorf("extra data after the JSON object")
	}
	var in Input
	for name, val := range raw {
		switch name {
		case "as_of":
			var s string
			if err := json.Unmarshal(val, &s); err != nil {
				return Input{}, fmt.Errorf("as_of: %s is not a date in the form YYYY-MM-DD", val)
			}
			d, err := ParseDate(s)
			if err != nil {
				return Input{}, fmt.Errorf("as_of: %v", err)
			}
			in.AsOf = &d
		case "answers":
			if err := json.Unmarshal(val, &in.Answers); err != nil {
				return Input{}, err
			}
		case "household", "children":
			// the family form, read below once every key is known
		case "name", "description", "expect", "notes":
			// A worked case (testdata/scenarios) carries its name and expectations beside
			// the answers; they do not change the assessment.
		default:
			return Input{}, fmt.Errorf("unknown top-level key %q; allowed keys are as_of, answers, or household and children for a family", name)
		}
	}
	_, single := raw["answers"]
	children, family := raw["children"]
	household, hasHousehold := raw["household"]
	switch {
	case single && (family || hasHousehold):
		return Input{}, fmt.Errorf("give either \"answers\" (one child) or \"household\" and \"children\" (a family), not both")
	case hasHousehold && !family:
		return Input{}, fmt.Errorf("the key \"children\" is missing; a family file needs a list of 1 to %d children", MaxChildren)
	case family:
		f, err := parseFamily(household, children)
		if err != nil {
			return Input{}, err
		}
		in.Family = &f
	case !single:
		return Input{}, fmt.Errorf("the key \"answers\" is missing")
	}
	return in, nil
}
