package storage

import (
	"encoding/json"
	"fmt"
	"slices"

	"kincare/entitlements"
)

// A case keeps answers as JSON objects, as saved, so that a key this version does not know
// (saved by a newer kincare) is carried along rather than lost. The helpers here turn a case
// into the engine's entitlements.Family and back.

// Family returns the case's household and children as the engine reads them. A child with
// no name yet is called "Child 1", "Child 2"… (the engine uses names only in wording).
func (c Case) Family() (entitlements.Family, error) {
	var f entitlements.Family
	if err := unmarshalAnswers(c.Household, &f.Household); err != nil {
		return entitlements.Family{}, fmt.Errorf("the household's answers: %w", err)
	}
	for i, ch := range c.Children {
		fc := entitlements.FamilyChild{Name: ch.Name}
		if fc.Name == "" {
			fc.Name = fmt.Sprintf("Child %d", i+1)
		}
		if err := unmarshalAnswers(ch.Answers, &fc.Answers); err != nil {
			return entitlements.Family{}, fmt.Errorf("%s's answers: %w", fc.Name, err)
		}
		f.Children = append(f.Children, fc)
	}
	return f, nil
}

// SetFamily stores a family's answers and names. Children are matched by position: the
// first keeps the first child's id and skipped keys, and so on; added children get new ids.
// Requests naming a child who is no longer there keep the id, so the record stays true.
func (c *Case) SetFamily(f entitlements.Family) error {
	if len(f.Children) == 0 || len(f.Children) > entitlements.MaxChildren {
		return invalid("A family has 1 to %d children, not %d", entitlements.MaxChildren, len(f.Children))
	}
	c.Household = mustAnswers(f.Household)
	old := c.Children
	c.Children = make([]Child, len(f.Children))
	for i, fc := range f.Children {
		ch := Child{ID: NewChildID()}
		if i < len(old) {
			ch = old[i]
		}
		ch.Name, ch.Answers = entitlements.CleanText(fc.Name), mustAnswers(fc.Answers)
		c.Children[i] = ch
	}
	return nil
}

// NewFamilyCase is a new, unsaved case holding a family.
func NewFamilyCase(label string, f entitlements.Family) (Case, error) {
	c := Case{Label: label}
	err := c.SetFamily(f)
	return c, err
}

// MergedAnswers is child i's answers with the household's filled in where the child gives
// none: what the engine assesses for that child (entitlements.Family.Merged), as JSON.
func (c Case) MergedAnswers(i int) json.RawMessage {
	m := map[string]json.RawMessage{}
	_ = json.Unmarshal(c.Household, &m)
	if i >= 0 && i < len(c.Children) {
		var own map[string]json.RawMessage
		_ = json.Unmarshal(c.Children[i].Answers, &own)
		for k, v := range own {
			m[k] = v
		}
	}
	b, _ := json.Marshal(m)
	return b
}

// SetMergedAnswers stores one child's answers given in one object, as a front end that
// shows one child at a time holds them: household keys go to the household (and so to every
// child), the rest to child i. A household key the child already answered for itself stays
// the child's own, so saving one child never changes a brother's or sister's answers.
// Household keys the object lacks are cleared.
func (c *Case) SetMergedAnswers(i int, merged json.RawMessage) error {
	c.ensureChild()
	if i < 0 || i >= len(c.Children) {
		return invalid("There is no child %d in this case", i+1)
	}
	norm, err := normaliseAnswers(merged, "this child")
	if err != nil {
		return err
	}
	var m, house, before map[string]json.RawMessage
	_ = json.Unmarshal(norm, &m)
	_ = json.Unmarshal(c.Household, &house)
	_ = json.Unmarshal(c.Children[i].Answers, &before)
	if house == nil {
		house = map[string]json.RawMessage{}
	}
	own := map[string]json.RawMessage{}
	for k := range house {
		if _, kept := m[k]; !kept {
			if _, overridden := before[k]; !overridden {
				delete(house, k) // cleared for the whole family
			}
		}
	}
	for k, v := range m {
		_, overridden := before[k]
		if isHouseholdName(k) && !overridden {
			house[k] = v
		} else {
			own[k] = v
		}
	}
	hb, _ := json.Marshal(house)
	ob, _ := json.Marshal(own)
	c.Children = slices.Clone(c.Children) // the caller may share the old slice
	c.Household, c.Children[i].Answers = hb, ob
	return nil
}

// ensureChild gives a case not yet saved its first child.
func (c *Case) ensureChild() {
	if len(c.Children) == 0 {
		c.Children = []Child{{ID: NewChildID()}}
	}
}

// Skipped is every key skipped for child i, the household's included.
func (c Case) Skipped(i int) []string {
	out := slices.Clone(c.HouseholdSkipped)
	if i >= 0 && i < len(c.Children) {
		out = append(out, c.Children[i].Skipped...)
	}
	return out
}

// SetSkipped records the keys skipped for child i, household keys in the household.
func (c *Case) SetSkipped(i int, keys []string) {
	c.ensureChild()
	if i < 0 || i >= len(c.Children) {
		return
	}
	c.Children = slices.Clone(c.Children)
	c.HouseholdSkipped, c.Children[i].Skipped = splitKeys(keys)
}

// ChildIndex is the position of the child with the given id, or -1.
func (c Case) ChildIndex(id string) int {
	return slices.IndexFunc(c.Children, func(ch Child) bool { return ch.ID == id })
}

// AllChildIDs are the ids of every child, for a letter about the whole family.
func (c Case) AllChildIDs() []string {
	ids := make([]string, len(c.Children))
	for i, ch := range c.Children {
		ids[i] = ch.ID
	}
	return ids
}

// isHouseholdName says whether an answer key (by its name in the file) is the carer's own.
func isHouseholdName(name string) bool {
	k, ok := entitlements.KeyNamed(name)
	return ok && entitlements.IsHouseholdKey(k)
}

// splitAnswers divides one answers object into the household's keys and the rest.
func splitAnswers(merged json.RawMessage) (household, own json.RawMessage, err error) {
	norm, err := normaliseAnswers(merged, "this child")
	if err != nil {
		return nil, nil, err
	}
	var m map[string]json.RawMessage
	_ = json.Unmarshal(norm, &m)
	h, o := map[string]json.RawMessage{}, map[string]json.RawMessage{}
	for k, v := range m {
		if isHouseholdName(k) {
			h[k] = v
		} else {
			o[k] = v
		}
	}
	hb, _ := json.Marshal(h)
	ob, _ := json.Marshal(o)
	return hb, ob, nil
}

func splitKeys(keys []string) (household, own []string) {
	for _, k := range keys {
		if isHouseholdName(k) {
			household = append(household, k)
		} else {
			own = append(own, k)
		}
	}
	return household, own
}

func unmarshalAnswers(raw json.RawMessage, a *entitlements.Answers) error {
	if len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, a)
}

func mustAnswers(a entitlements.Answers) json.RawMessage {
	b, _ := a.MarshalJSON() // never fails
	return b
}
