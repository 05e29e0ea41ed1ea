package storage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kincare/entitlements"
)

// One-off: writes the schema 2 fixtures with the schema 2 code.
func TestWriteV2Fixtures(t *testing.T) {
	if os.Getenv("KINCARE_WRITE_V2") == "" {
		t.Skip()
	}
	var cases []Case
	for i := 0; i < 5; i++ {
		c := sampleCase(fmt.Sprintf("old%d", i))
		c.ID = fmt.Sprintf("%032x", 0x200+i)
		c.Created = time.Date(2026, 6, 1+i, 9, 0, 0, 0, time.UTC)
		c.Updated = c.Created.Add(time.Hour)
		c.AsOf = "2026-11-22"
		c.Notes[0].ID, c.Notes[0].At = fmt.Sprintf("note%04d", i), c.Created
		c.Requests[0].Versions[0].At = c.Created
		switch i {
		case 0: // household and child answers, skipped keys of both kinds, a follow-up
			c.Answers = json.RawMessage(`{"country":"england","user":"adviser","council":"Leeds","benefits":"universal_credit","carer_pension_age":"no","in_work":"yes","relationship":"grandparent","legal_status":"sgo","child_age":7,"living_with_carer":"yes"}`)
			c.Skipped = []string{"in_work", "school_stage"}
			c.Requests[0].FollowUps = []LetterVersion{{At: c.Created.Add(48 * time.Hour), Text: "Dear school, I wrote on 1 November."}}
		case 1: // no answers at all, no child name
			c.Answers = json.RawMessage(`{}`)
			c.Details.Child = nil
			c.Requests = nil
		case 2: // not-sure answers and a replied request
			c.Answers = json.RawMessage(`{"country":"england","benefits":"not_sure","legal_status":"not_sure","child_age":15}`)
			c.Requests[0].Status, c.Requests[0].RepliedOn = StatusReplied, "2026-11-10"
		case 3: // only household answers
			c.Answers = json.RawMessage(`{"country":"england","council":"Camden","user":"carer"}`)
			c.Skipped = []string{"benefits"}
		case 4: // unusual text
			c.Label = "Zoë Łukasz — family"
			c.Details.Child = &entitlements.Child{Name: "Łukasz Nowak-Smith", DateOfBirth: "2012-02-29"}
		}
		cases = append(cases, *c)
	}
	for name, pass := range map[string]string{"v2.db": "", "v2-protected.db": fixturePass} {
		path := filepath.Join("testdata", name)
		os.Remove(path)
		d := openT(t, path, pass)
		d.created = "2026-06-01T00:00:00Z"
		batch := make([]*Case, len(cases))
		for i := range cases {
			c := cloneCase(cases[i])
			batch[i] = &c
		}
		if err := d.put(batch); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
	}
	j, _ := json.MarshalIndent(cases, "", "  ")
	os.WriteFile(filepath.Join("testdata", "v2-cases.json"), append(j, '\n'), 0o644)
	exp, err := Export(cases, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join("testdata", "export-v1.json"), exp, 0o644)
	exp, err = Export(cases, []byte(fixturePass))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join("testdata", "export-v1-encrypted.json"), exp, 0o644)
	// the v1 fixtures' cases, in their (v1 = v2) form
	j, _ = json.MarshalIndent(fixtureCases(), "", "  ")
	os.WriteFile(filepath.Join("testdata", "v1-cases.json"), append(j, '\n'), 0o644)
}
