package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kincare/entitlements"
)

var realKDF = defaultKDF

func init() {
	// Tests open many protected files; the real cost is measured once in TestDefaultKDF.
	defaultKDF = kdfParams{Alg: "argon2id", Time: 1, MemoryKiB: 64, Threads: 1}
}

func sampleCase(marker string) *Case {
	return &Case{
		Label:     "Case " + marker,
		Household: json.RawMessage(`{"council":"Leeds ` + marker + `","benefits":"yes"}`),
		Children: []Child{
			{ID: NewChildID(), Name: "Tyler " + marker, Answers: json.RawMessage(`{"legal_status":"sgo","child_age":7}`)},
			{ID: NewChildID(), Name: "Ava", Answers: json.RawMessage(`{"legal_status":"sgo","child_age":2}`), Skipped: []string{"school_stage"}},
		},
		Details: entitlements.Details{
			Carer:  &entitlements.Person{Name: "Margaret " + marker, Address: []string{"12 Mill Lane " + marker, "Leeds"}, Postcode: "LS1 4AB"},
			Child:  &entitlements.Child{Name: "Tyler " + marker, DateOfBirth: "2019-05-14"},
			School: &entitlements.Office{Name: "Mill Lane Primary"},
		},
		Notes: []Note{{Text: "Phoned about " + marker + "\nsecond line"}},
		Requests: []Request{{ID: "virtual_school_advice", Status: StatusSent, SentOn: "2026-11-01", SentHow: "email",
			ReplyDue: "2026-11-20", Versions: []LetterVersion{{Text: "Dear school, " + marker}}}},
	}
}

func openT(t testing.TB, path string, pass string) *DB {
	t.Helper()
	var p []byte
	if pass != "" {
		p = []byte(pass)
	}
	d, err := Open(path, Options{Passphrase: p})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return d
}

// folderContains reports which files under dir contain needle.
func folderContains(t *testing.T, dir string, needle []byte) []string {
	t.Helper()
	var hits []string
	_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, needle) {
			hits = append(hits, p)
		}
		return nil
	})
	return hits
}

func sameCase(t *testing.T, want, got Case) {
	t.Helper()
	w, _ := json.Marshal(want)
	g, _ := json.Marshal(got)
	if !bytes.Equal(w, g) {
		t.Fatalf("case differs:\nwant %s\ngot  %s", w, g)
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

