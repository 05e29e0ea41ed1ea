package tui

import (
	"encoding/json"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// How a case's household and children go between the case file and the session. The session
// gives children its own ids; childIDs keeps, for each, the case file's id, so a child keeps
// the same id in the file (and in the letters about them) however often the case is saved.
type childIDs map[string]string

// sessionOf resumes the session of a saved case.
func sessionOf(c storage.Case, asOf entitlements.Date) (*wizard.Session, childIDs, error) {
	st := wizard.Start{AsOf: asOf}
	if err := readAnswers(c.Household, &st.Household); err != nil {
		return nil, nil, err
	}
	st.HouseholdSkipped = keysNamed(c.HouseholdSkipped)
	ids := childIDs{}
	for _, ch := range c.Children {
		cs := wizard.ChildStart{ID: ch.ID, Name: ch.Name, Skipped: keysNamed(ch.Skipped)}
		if err := readAnswers(ch.Answers, &cs.Answers); err != nil {
			return nil, nil, err
		}
		st.Children = append(st.Children, cs)
		if ch.ID != "" {
			ids[ch.ID] = ch.ID
		}
	}
	s, err := wizard.Resume(st)
	return s, ids, err
}

func readAnswers(raw json.RawMessage, a *entitlements.Answers) error {
	if len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, a)
}

func keysNamed(names []string) []entitlements.Key {
	var ks []entitlements.Key
	for _, n := range names {
		if k, ok := entitlements.KeyNamed(n); ok {
			ks = append(ks, k)
		}
	}
	return ks
}

func keyNames(ks []entitlements.Key) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.String())
	}
	return out
}

// fileID is the case file's id for a child of the session, made the first time it is saved.
func (ids childIDs) fileID(sessionID string) string {
	if id, ok := ids[sessionID]; ok {
		return id
	}
	id := storage.NewChildID()
	ids[sessionID] = id
	return id
}

// saveSession writes the session's household and children into the case.
func saveSession(s *wizard.Session, ids childIDs, c *storage.Case) {
	c.Household = mustJSON(s.Household())
	c.HouseholdSkipped = keyNames(s.Skipped(wizard.Household))
	c.Children = make([]storage.Child, s.NumChildren())
	for i, info := range s.Children() {
		c.Children[i] = storage.Child{ID: ids.fileID(info.ID), Name: info.Name, Answers: mustJSON(s.Own(i)), Skipped: keyNames(s.Skipped(i))}
	}
}
