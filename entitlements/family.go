package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A family is a household and the 1 to 12 children in it (spec/assess.md "Families"). Kinship
// carers often raise brothers and sisters together: the carer's answers are given once, in the
// household, and each child's own answers win over them.

// MaxChildren is the most children one family may hold.
const MaxChildren = 12

// MaxChildName is the longest a child's name may be, in characters.
const MaxChildName = 100

// HouseholdKeys are the carer's own answers: they are the same for every child by nature.
var HouseholdKeys = []Key{Country, User, CouncilKey, Benefits, CarerPensionAge, InWork}

// IsHouseholdKey says whether k is one of the carer's own answers.
func IsHouseholdKey(k Key) bool {
	for _, h := range HouseholdKeys {
		if h == k {
			return true
		}
	}
	return false
}

// FamilyChild is one child of a family: a name used only in wording, and the child's own answers.
type FamilyChild struct {
	Name    string  `json:"name"`
	Answers Answers `json:"answers"`
}

// Family is a household and its children.
type Family struct {
	Household Answers       `json:"household"`
	Children  []FamilyChild `json:"children"`
}

// Merged returns child i's answers with the household's filled in where the child gives none.
// A child's own value wins, not_sure included.
func (f Family) Merged(i int) Answers {
	out := f.Children[i].Answers
	for k := Key(0); k < NumKeys; k++ {
		if out.vals[k] == "" {
			out.vals[k] = f.Household.vals[k]
		}
	}
	return out
}

// Eldest is the position of the oldest child: the highest child_age, the first listed among
// equals. A child whose age is not known is older than nobody; with no ages known it is 0.
func (f Family) Eldest() int {
	best, bestAge := 0, -1
	for i := range f.Children {
		m := f.Merged(i)
		if age, ok := m.Age(); ok && age > bestAge {
			best, bestAge = i, age
		}
	}
	return best
}

// FamilyResult is a family's assessment: each child's exactly as if assessed alone on the
// merged answers.
type FamilyResult struct {
	AsOf     Date
	Family   Family
	Children []*Result
}

// AssessFamily assesses every child of a family as at asOf.
func AssessFamily(f Family, asOf Date) *FamilyResult {
	fr := &FamilyResult{AsOf: asOf, Family: f, Children: make([]*Result, len(f.Children))}
	for i := range f.Children {
		fr.Children[i] = Assess(f.Merged(i), asOf)
	}
	return fr
}

// Unanswered is the union of the children's unanswered keys, in spec order.
func (fr *FamilyResult) Unanswered() []Key {
	var mask uint64
	for _, r := range fr.Children {
		mask |= r.unanswered
	}
	return keysOf(mask)
}

// ChildReport is one child's entry in a family's output: exactly these fields.
type ChildReport struct {
	Name        string    `json:"name"`
	Arrangement string    `json:"arrangement"`
	KinshipCare bool      `json:"kinship_care"`
	Outcomes    []Outcome `json:"outcomes"`
	Unanswered  []string  `json:"unanswered"`
	// Asks is Report.Asks for this child; not part of the output.
	Asks map[string]string `json:"-"`
}

// FamilyReport is the family form of the assessment output (spec/assess.md "Families").
type FamilyReport struct {
	AsOf       string        `json:"as_of"`
	Children   []ChildReport `json:"children"`
	Money      MoneySummary  `json:"money"`
	Unanswered []string      `json:"unanswered"`
}

// Report writes out every child's outcomes.
func (fr *FamilyResult) Report() FamilyReport {
	rep := FamilyReport{AsOf: fr.AsOf.String(), Children: make([]ChildReport, len(fr.Children)), Unanswered: []string{}}
	for i, r := range fr.Children {
		one := r.Report()
		rep.Children[i] = ChildReport{Name: fr.Family.Children[i].Name, Arrangement: one.Arrangement, KinshipCare: one.KinshipCare, Outcomes: one.Outcomes, Unanswered: one.Unanswered, Asks: one.Asks}
	}
	for _, k := range fr.Unanswered() {
		rep.Unanswered = append(rep.Unanswered, k.String())
	}
	rep.Money = fr.Money()
	return rep
}

// parseFamily reads the "household" and "children" of a family file. Errors name the child
// (by position and name) and the key.
func parseFamily(household, children json.RawMessage) (Family, error) {
	var f Family
	if household != nil && string(household) != "null" {
		if err := json.Unmarshal(household, &f.Household); err != nil {
			return Family{}, fmt.Errorf("household: %v", err)
		}
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(children, &raw); err != nil {
		return Family{}, fmt.Errorf("children: must be a list of children, each {\"name\": ..., \"answers\": {...}}")
	}
	if len(raw) == 0 {
		return Family{}, fmt.Errorf("children: the list is empty; a family has 1 to %d children", MaxChildren)
	}
	if len(raw) > MaxChildren {
		return Family{}, fmt.Errorf("children: %d children listed; a family has 1 to %d children", len(raw), MaxChildren)
	}
	for i, c := range raw {
		child, err := parseFamilyChild(c)
		if err != nil {
			who := fmt.Sprintf("child %d", i+1)
			if child.Name != "" {
				who += fmt.Sprintf(" (%s)", child.Name)
			}
			return Family{}, fmt.Errorf("children: %s: %v", who, err)
		}
		f.Children = append(f.Children, child)
	}
	return f, nil
}

func parseFamilyChild(data json.RawMessage) (FamilyChild, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return FamilyChild{}, fmt.Errorf("must be an object {\"name\": ..., \"answers\": {...}}")
	}
	var c FamilyChild
	if v, ok := raw["name"]; ok {
		if err := json.Unmarshal(v, &c.Name); err != nil {
			return FamilyChild{}, fmt.Errorf("name: must be text")
		}
		c.Name = CleanText(c.Name)
	}
	for name := range raw {
		if name != "name" && name != "answers" {
			return c, fmt.Errorf("unknown key %q; a child has only name and answers", name)
		}
	}
	if c.Name == "" {
		return c, fmt.Errorf("name: missing or empty; give the child's name (1 to %d characters)", MaxChildName)
	}
	if utf8.RuneCountInString(c.Name) > MaxChildName {
		return c, fmt.Errorf("name: longer than %d characters", MaxChildName)
	}
	ans, ok := raw["answers"]
	if !ok || len(bytes.TrimSpace(ans)) == 0 || string(bytes.TrimSpace(ans)) == "null" {
		return c, fmt.Errorf("answers: missing; each child needs an answers object")
	}
	if err := json.Unmarshal(ans, &c.Answers); err != nil {
		return c, fmt.Errorf("answers: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	return c, nil
}
