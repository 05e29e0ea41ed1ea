package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func richCases() []Case {
	a := sampleCase("export-a")
	a.ID = NewID()
	a.AsOf = "2026-11-22"
	a.Label = "Okafor — نور 🌟 family"
	a.Created = mustTime("2026-01-02T03:04:05.123456789Z")
	a.Updated = mustTime("2026-02-03T04:05:06Z")
	a.Notes[0].ID = "n1"
	a.Notes[0].At = mustTime("2026-01-05T10:00:00Z")
	a.Notes[0].Edited = mustTime("2026-01-06T10:00:00Z")
	a.Requests[0].Versions[0].At = mustTime("2026-01-07T10:00:00Z")
	a.Requests[0].Versions = append(a.Requests[0].Versions, LetterVersion{At: mustTime("2026-01-08T10:00:00Z"), Text: "edited\ntext", Edited: true})
	a.Requests[0].FollowUps = []LetterVersion{{At: mustTime("2026-01-09T10:00:00Z"), Text: "chasing",
		SentOn: "2026-11-23", SentHow: "post", ReplyDue: "2026-12-09"}}
	a.Requests[0].RepliedOn = "2026-01-10"
	a.Requests[0].Children = []string{a.Children[1].ID}
	a.HouseholdSkipped = []string{"in_work"}
	a.Children = append(a.Children, Child{ID: NewChildID(), Name: "Łucja", Answers: json.RawMessage(`{"child_age":0}`)})
	b := sampleCase("export-b")
	b.ID = NewID()
	b.Created = mustTime("2026-01-02T03:04:05Z")
	b.Updated = b.Created
	b.Notes[0].ID, b.Notes[0].At = "n2", b.Created
	b.Requests[0].Versions[0].At = b.Created
	return []Case{*a, *b}
}

func TestExportRoundTrip(t *testing.T) {
	for _, pass := range []string{"", "export pass"} {
		cases := richCases()
		data, err := Export(cases, []byte(pass))
		if err != nil {
			t.Fatal(err)
		}
		if pass != "" && bytes.Contains(data, []byte("export-a")) {
			t.Fatal("encrypted export holds plain text")
		}
		if pass == "" && !bytes.HasPrefix(data, []byte(`{`+"\n"+`  "format": "kincare-export",`)) {
			t.Fatalf("export head: %.80s", data)
		}
		got, err := Import(data, []byte(pass))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatal("count")
		}
		for i := range cases {
			sameCase(t, cases[i], got[i])
		}
		if pass != "" {
			if _, err := Import(data, nil); !errors.Is(err, ErrNeedPassphrase) {
				t.Fatalf("no passphrase: %v", err)
			}
			if _, err := Import(data, []byte("wrong")); !errors.Is(err, ErrWrongPassphrase) {
				t.Fatalf("wrong passphrase: %v", err)
			}
		}
	}
}

func TestImportRefusesEdited(t *testing.T) {
	data, _ := Export(richCases(), nil)
	edits := map[string][]byte{
		"name changed":  bytes.Replace(data, []byte("Margaret export-a"), []byte("Margaret export-z"), 1),
		"truncated":     data[:len(data)/2],
		"not json":      []byte("hello"),
		"other format":  []byte(`{"format":"something","version":1}`),
		"newer":         bytes.Replace(data, []byte(`"version": 2`), []byte(`"version": 7`), 1),
		"extra key":     bytes.Replace(data, []byte(`"count"`), []byte(`"surprise": 1, "count"`), 1),
		"checksum gone": bytes.Replace(data, []byte(`"sha256"`), []byte(`"sha257"`), 1),
		"empty":         nil,
	}
	for name, b := range edits {
		_, err := Import(b, nil)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "This export file cannot be imported") {
			t.Errorf("%s: message %q", name, err)
		}
	}
	enc, _ := Export(richCases(), []byte("pw"))
	var env map[string]any
	json.Unmarshal(enc, &env)
	env["data"] = strings.Replace(env["data"].(string), "A", "B", 1)
	bad, _ := json.Marshal(env)
	if _, err := Import(bad, []byte("pw")); err == nil {
		t.Error("edited encrypted export accepted")
	}
}

func TestImportCasesConflicts(t *testing.T) {
	for _, s := range []Store{NewMemory(), openT(t, filepath.Join(t.TempDir(), "k.db"), "pw")} {
		cases := richCases()
		data, _ := Export(cases, nil)
		in, _ := Import(data, nil)
		ids, err := ImportCases(s, in, ImportRefuse)
		if err != nil || len(ids) != 2 || ids[0] != cases[0].ID {
			t.Fatalf("first import: %v %v", ids, err)
		}
		got, _ := s.Get(cases[0].ID)
		sameCase(t, cases[0], got) // timestamps kept: nothing lost
		_, err = ImportCases(s, in, ImportRefuse)
		var ce *ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || len(ce.IDs) != 2 || !strings.Contains(err.Error(), "Nothing was imported") {
			t.Fatalf("conflict: %v", err)
		}
		if l, _ := s.List(""); len(l) != 2 {
			t.Fatal("refused import changed the store")
		}
		ids, err = ImportCases(s, in, ImportAsCopies)
		if err != nil || ids[0] == cases[0].ID {
			t.Fatalf("as copies: %v %v", ids, err)
		}
		if l, _ := s.List(""); len(l) != 4 {
			t.Fatal("copies not added")
		}
		in[0].Label = "replaced"
		if _, err := ImportCases(s, in, ImportReplace); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Get(cases[0].ID); got.Label != "replaced" {
			t.Fatal("not replaced")
		}
		all, err := ExportAll(s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := Import(all, nil); err != nil || len(back) != 4 {
			t.Fatalf("export all: %d %v", len(back), err)
		}
		s.Close()
	}
}

func FuzzImport(f *testing.F) {
	plain, _ := Export(richCases(), nil)
	enc, _ := Export(richCases()[:1], []byte("pw"))
	empty, _ := Export(nil, nil)
	for _, s := range [][]byte{plain, enc, empty, []byte(`{"format":"kincare-export","version":1,"count":0,"sha256":"","cases":[]}`), []byte("{"), nil} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		cases, err := Import(data, []byte("pw"))
		if err == nil {
			for _, c := range cases {
				if !validID(c.ID) {
					t.Fatal("invalid id accepted")
				}
			}
		}
		if time.Since(start) > 5*time.Second {
			t.Fatal("import too slow")
		}
	})
}

// An export made before families imports: each case becomes a family of one.
func TestImportOlderExport(t *testing.T) {
	old, _ := oldCases(t, "v2-cases.json")
	for name, pass := range map[string]string{"export-v1.json": "", "export-v1-encrypted.json": fixturePass} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Import(data, []byte(pass))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(old) {
			t.Fatalf("%s: %d cases", name, len(got))
		}
		s := openT(t, filepath.Join(t.TempDir(), "k.db"), "")
		if _, err := ImportCases(s, got, ImportRefuse); err != nil {
			t.Fatal(err)
		}
		for i := range old {
			c, err := s.Get(old[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			checkFamilyOfOne(t, old[i], c)
		}
		s.Close()
	}
}

// A large import goes through a fresh copy in batches; it lands whole, in id order, and a
// failure part way leaves the store exactly as it was.
func TestLargeImportAllOrNothing(t *testing.T) {
	for _, pass := range []string{"", "pw"} {
		path := filepath.Join(t.TempDir(), "k.db")
		s := openT(t, path, pass)
		kept := sampleCase("kept")
		if err := s.Save(kept); err != nil {
			t.Fatal(err)
		}
		n := 2*importBatch + 17
		cases := make([]Case, n)
		for i := range cases {
			c := sampleCase(fmt.Sprint("bulk", i))
			c.ID = NewID()
			cases[i] = *c
		}
		cases[5].ID = kept.ID // replaces the kept case
		cases[5].Label = "replaced by the import"

		importFault = func(batch int) error {
			if batch == 1 {
				return errors.New("disk full")
			}
			return nil
		}
		_, err := ImportCases(s, cases, ImportReplace)
		importFault = nil
		if err == nil {
			t.Fatal("a failed batch did not fail the import")
		}
		if l, _ := s.List(""); len(l) != 1 || l[0].Label != kept.Label {
			t.Fatalf("failed import changed the store: %d cases", len(l))
		}
		if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
			t.Fatalf("the failed import left %d files", len(ents))
		}

		ids, err := ImportCases(s, cases, ImportReplace)
		if err != nil || len(ids) != n {
			t.Fatalf("import: %d %v", len(ids), err)
		}
		if l, _ := s.List(""); len(l) != n {
			t.Fatalf("%d cases after import, want %d", len(l), n)
		}
		if got, _ := s.Get(kept.ID); got.Label != "replaced by the import" {
			t.Fatal("not replaced")
		}
		got, _ := s.Get(cases[n-1].ID)
		want := cases[n-1]
		want.Created, want.Updated = got.Created, got.Updated // the sample had none
		sameCase(t, want, got)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// the replaced text is cleared out on close, as after a save
		if pass == "" && len(folderContains(t, filepath.Dir(path), []byte("Margaret kept"))) > 0 {
			t.Fatal("the replaced case's text is still in the file")
		}
		s = openT(t, path, pass)
		if l, _ := s.List(""); len(l) != n {
			t.Fatalf("%d cases after reopening", len(l))
		}
		s.Close()
	}
}

// ImportFile streams a plain export and checks the same checksum Import checks.
func TestImportFileStreams(t *testing.T) {
	cases := make([]Case, 300)
	for i := range cases {
		c := sampleCase(fmt.Sprintf("%06d", i))
		c.ID = NewID()
		c.Created, c.Updated = mustTime("2026-01-02T03:04:05Z"), mustTime("2026-01-03T03:04:05Z")
		c.Notes[0].ID, c.Notes[0].At = "n", c.Created
		c.Requests[0].Versions[0].At = c.Created
		cases[i] = *c
	}
	data, _ := Export(cases, nil)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	want, err := Import(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ImportFile(write("plain.json", data), nil)
	if err != nil || len(got) != len(want) {
		t.Fatalf("%d cases, %v", len(got), err)
	}
	for i := range want {
		sameCase(t, want[i], got[i])
	}
	for name, b := range map[string][]byte{
		"last case edited":  bytes.Replace(data, []byte("Margaret 000299"), []byte("Margaret 000298"), 1),
		"first case edited": bytes.Replace(data, []byte("Margaret 000000"), []byte("Margaret 000001"), 1),
		"space after list":  bytes.Replace(data, []byte("]\n}"), []byte("] \n}"), 1),
	} {
		_, err := ImportFile(write(name, b), nil)
		if name == "space after list" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "check number") {
			t.Errorf("%s: %v", name, err)
		}
	}
	enc, _ := Export(cases[:3], []byte("pw"))
	if got, err := ImportFile(write("enc.json", enc), []byte("pw")); err != nil || len(got) != 3 {
		t.Fatalf("encrypted: %d %v", len(got), err)
	}
}

// ImportFileTo imports as ImportFile and ImportCases do, in every mode, all or nothing.
func TestImportFileTo(t *testing.T) {
	dir := t.TempDir()
	cases := richCases()
	data, _ := Export(cases, nil)
	path := filepath.Join(dir, "export.json")
	os.WriteFile(path, data, 0o600)
	s := openT(t, filepath.Join(dir, "k.db"), "pw")
	defer s.Close()
	ids, err := ImportFileTo(s, path, nil, ImportRefuse)
	if err != nil || len(ids) != 2 || ids[0] != cases[0].ID {
		t.Fatalf("%v %v", ids, err)
	}
	got, _ := s.Get(cases[0].ID)
	sameCase(t, cases[0], got)
	if _, err := ImportFileTo(s, path, nil, ImportRefuse); !errors.Is(err, ErrConflict) {
		t.Fatalf("conflict: %v", err)
	}
	if ids, err := ImportFileTo(s, path, nil, ImportAsCopies); err != nil || ids[0] == cases[0].ID {
		t.Fatalf("copies: %v %v", ids, err)
	}
	if l, _ := s.List(""); len(l) != 4 {
		t.Fatalf("%d cases", len(l))
	}
	if _, err := ImportFileTo(s, path, nil, ImportReplace); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, bytes.Replace(data, []byte("Margaret export-b"), []byte("Margaret export-c"), 1), 0o600)
	if _, err := ImportFileTo(s, bad, nil, ImportAsCopies); err == nil {
		t.Fatal("an edited export was imported")
	}
	if l, _ := s.List(""); len(l) != 4 {
		t.Fatalf("a refused import changed the store: %d cases", len(l))
	}
}
