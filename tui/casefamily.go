package tui

import (
	"encoding/json"
	"strconv"
	"strings"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// How a case's household and children are kept in the case file. A case about one child keeps
// its answers as one answers object, as it always has. A family keeps the family form of the
// answers file ({"household": {...}, "children": [{"name", "answers"}]}, spec/assess.md
// "Families"), and a child's skipped question as "N/key" (N its place, from 1).

// sessionOf resumes the session of a saved case.
func sessionOf(c storage.Case, asOf entitlements.Date) (*wizard.Session, error) {
	st := wizard.Start{AsOf: asOf}
	var form struct {
		Household *entitlements.Answers `json:"household"`
		Children  []struct {
			Name    string               `json:"name"`
			Answers entitlements.Answers `json:"answers"`
		} `json:"children"`
	}
	if len(c.Answers) > 0 && strings.Contains(string(c.Answers), `"children"`) {
		if err := json.Unmarshal(c.Answers, &form); err != nil {
			return nil, err
		}
	}
	if form.Children == nil {
		var a entitlements.Answers
		if len(c.Answers) > 0 {
			if err := json.Unmarshal(c.Answers, &a); err != nil {
				return nil, err
			}
		}
		st.Household = a
		st.Children = []wizard.ChildStart{{}}
	} else {
		if form.Household != nil {
			st.Household = *form.Household
		}
		for _, ch := range form.Children {
			st.Children = append(st.Children, wizard.ChildStart{Name: ch.Name, Answers: ch.Answers})
		}
	}
	for _, name := range c.Skipped {
		child, keyName := 0, name
		if n, rest, ok := strings.Cut(name, "/"); ok {
			i, err := strconv.Atoi(n)
			if err != nil || i < 1 || i > len(st.Children) {
				continue
			}
			child, keyName = i-1, rest
		}
		k, ok := entitlements.KeyNamed(keyName)
		if !ok {
			continue
		}
		if entitlements.IsHouseholdKey(k) {
			st.HouseholdSkipped = append(st.HouseholdSkipped, k)
		} else {
			st.Children[child].Skipped = append(st.Children[child].Skipped, k)
		}
	}
	return wizard.Resume(st)
}

// saveSession writes the session's answers and skipped questions into the case.
func saveSession(s *wizard.Session, c *storage.Case) {
	c.Skipped = nil
	for _, k := range s.Skipped(wizard.Household) {
		c.Skipped = append(c.Skipped, k.String())
	}
	f := s.Family()
	if len(f.Children) == 1 {
		c.Answers = mustJSON(f.Merged(0))
		for _, k := range s.Skipped(0) {
			c.Skipped = append(c.Skipped, k.String())
		}
		return
	}
	type child struct {
		Name    string               `json:"name"`
		Answers entitlements.Answers `json:"answers"`
	}
	form := struct {
		Household entitlements.Answers `json:"household"`
		Children  []child              `json:"children"`
	}{Household: f.Household}
	for i, info := range s.Children() {
		form.Children = append(form.Children, child{Name: info.Name, Answers: s.Own(i)})
		for _, k := range s.Skipped(i) {
			c.Skipped = append(c.Skipped, itoa(i+1)+"/"+k.String())
		}
	}
	c.Answers = mustJSON(form)
}
