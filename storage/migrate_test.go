package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kincare/entitlements"
)

// Fixtures of earlier file formats, committed so every later version is tested against real
// old files:
//   - v1.db, v1-protected.db: schema 1 (meta and cases, no index), holding v1-cases.json.
//   - v2.db, v2-protected.db: schema 2 (one child per case, with an index), written by the
//     schema 2 code itself (commit "storage: schema 2 fixtures…"), holding v2-cases.json.
//   - export-v1.json, export-v1-encrypted.json: exports of v2-cases.json by that code.
//
// The v1 files can be written again from v1-cases.json if lost:
// KINCARE_WRITE_FIXTURES=1 go test -run TestMigrate ./storage
const fixturePass = "fixture passphrase"

type fixture struct {
	file, pass, cases string
	schema            uint64
}

var fixtures = []fixture{
	{"v1.db", "", "v1-cases.json", 1},
	{"v1-protected.db", fixturePass, "v1-cases.json", 1},
	{"v2.db", "", "v2-cases.json", 2},
	{"v2-protected.db", fixturePass, "v2-cases.json", 2},
}

// oldCases reads a fixture's cases in their old (one child) form, each with its exact JSON.
func oldCases(t *testing.T, name string) ([]caseV2, []json.RawMessage) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var raw []json.RawMessage
	var cases []caseV2
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases, raw
}

func writeV1Fixture(t *testing.T, path, pass string) error {
	os.Remove(path)
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	d := &DB{}
	var kdf *kdfParams
	if pass != "" {
		p := newKDF()
		kdf = &p
		d.aead = newAEAD(p.derive([]byte(pass)))
	}
	cases, raw := oldCases(t, "v1-cases.json")
	return b.Update(func(tx *bolt.Tx) error {
		if err := initBuckets(tx, kdf, d.aead, "2026-01-01T00:00:00Z", 1); err != nil {
			return err
		}
		cb := tx.Bucket([]byte(bucketCases))
		for i, c := range cases {
			var buf bytes.Buffer
			json.Compact(&buf, raw[i])
			if err := cb.Put([]byte(c.ID), encodeValue(d.aead, bucketCases, c.ID, buf.Bytes())); err != nil {
				return err
			}
		}
		return nil
	})
}

func fileSchema(t *testing.T, path string) (schema uint64, hasIndex bool) {
	t.Helper()
	ro, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	ro.View(func(tx *bolt.Tx) error {
		schema = binary.BigEndian.Uint64(tx.Bucket([]byte(bucketMeta)).Get([]byte(keySchema)))
		hasIndex = tx.Bucket([]byte(bucketIndex)) != nil
		return nil
	})
	return schema, hasIndex
}

func TestMigrateFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			src := filepath.Join("testdata", fx.file)
			if fx.schema == 1 {
				if _, err := os.Stat(src); os.IsNotExist(err) || os.Getenv("KINCARE_WRITE_FIXTURES") != "" {
					if err := writeV1Fixture(t, src, fx.pass); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote fixture %s; commit it", src)
				}
			}
			// the fixture really is the old format
			if v, idx := fileSchema(t, src); v != fx.schema || idx != (fx.schema >= 2) {
				t.Fatalf("fixture is schema %d (index %v), want %d", v, idx, fx.schema)
			}
			path := filepath.Join(t.TempDir(), "kincare.db")
			copyFile(t, src, path)
			d := openT(t, path, fx.pass)
			old, _ := oldCases(t, fx.cases)
			list, err := d.List("2026-11-22")
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != len(old) {
				t.Fatalf("%d cases listed, want %d", len(list), len(old))
			}
			for _, sm := range list {
				i := slices.IndexFunc(old, func(c caseV2) bool { return c.ID == sm.ID })
				want := ChildSummary{Age: -1}
				var d entitlements.Details
				json.Unmarshal(old[i].Details, &d)
				if d.Child != nil {
					want.Name = d.Child.Name
				}
				var a struct {
					ChildAge *int `json:"child_age"`
				}
				json.Unmarshal(old[i].Answers, &a)
				if a.ChildAge != nil {
					want.Age = *a.ChildAge
				}
				if len(sm.Children) != 1 || sm.Children[0] != want {
					t.Fatalf("%s listed with children %+v, want %+v", sm.ID, sm.Children, want)
				}
			}
			for _, o := range old {
				got, err := d.Get(o.ID)
				if err != nil {
					t.Fatal(err)
				}
				checkFamilyOfOne(t, o, got)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			if v, _ := fileSchema(t, path); v != schemaVersion {
				t.Fatalf("schema after migration %d", v)
			}
			if fx.pass == "" {
				// the old form of a case is gone from the file, not left in free pages
				for _, old := range []string{`"answers":{"council"`, `"answers":{"country"`} {
					if hits := folderContains(t, filepath.Dir(path), []byte(old)); len(hits) > 0 {
						t.Fatalf("old answers still in %v", hits)
					}
				}
			}
			d = openT(t, path, fx.pass)
			defer d.Close()
			if l, _ := d.Search(old[3].Label, ""); len(l) != 1 {
				t.Fatalf("search after migration found %d", len(l))
			}
		})
	}
}

// checkFamilyOfOne checks that got is old made a family of one with nothing lost.
func checkFamilyOfOne(t *testing.T, old caseV2, got Case) {
	t.Helper()
	if len(got.Children) != 1 || !validChildID(got.Children[0].ID) {
		t.Fatalf("%s: children %+v", old.ID, got.Children)
	}
	child := got.Children[0]
	// everything but the answers is as it was
	same := func(what string, a, b any) {
		t.Helper()
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		var ca, cb bytes.Buffer
		json.Compact(&ca, ja)
		json.Compact(&cb, jb)
		if !bytes.Equal(ca.Bytes(), cb.Bytes()) {
			t.Fatalf("%s: %s differs:\nwant %s\ngot  %s", old.ID, what, ca.Bytes(), cb.Bytes())
		}
	}
	same("label and dates", []any{old.Label, old.AsOf, old.Created, old.Updated}, []any{got.Label, got.AsOf, got.Created, got.Updated})
	same("details", old.Details, got.Details)
	same("notes", old.Notes, got.Notes)
	for i := range old.Requests {
		old.Requests[i].Children = []string{child.ID}
	}
	same("requests", old.Requests, got.Requests)
	var details entitlements.Details
	json.Unmarshal(old.Details, &details)
	if details.Child != nil && child.Name != details.Child.Name || details.Child == nil && child.Name != "" {
		t.Fatalf("%s: child named %q", old.ID, child.Name)
	}
	sameMerged(t, old.Answers, got)
	// household keys are in the household, the rest with the child
	var h, c map[string]json.RawMessage
	json.Unmarshal(got.Household, &h)
	json.Unmarshal(child.Answers, &c)
	for k := range h {
		if !isHouseholdName(k) {
			t.Fatalf("%s: %s in the household", old.ID, k)
		}
	}
	for k := range c {
		if isHouseholdName(k) {
			t.Fatalf("%s: %s kept with the child", old.ID, k)
		}
	}
	skipped := got.Skipped(0)
	slices.Sort(skipped)
	want := slices.Clone(old.Skipped)
	slices.Sort(want)
	if !slices.Equal(skipped, want) {
		t.Fatalf("%s: skipped %v, want %v", old.ID, skipped, want)
	}
}

// sameMerged checks the family's merged answers are exactly the old answers, both as JSON
// and as the engine reads them.
func sameMerged(t *testing.T, oldAnswers json.RawMessage, got Case) {
	t.Helper()
	var want, merged map[string]any
	json.Unmarshal(oldAnswers, &want)
	json.Unmarshal(got.MergedAnswers(0), &merged)
	if len(want) == 0 {
		want = map[string]any{}
	}
	wj, _ := json.Marshal(want)
	mj, _ := json.Marshal(merged)
	if !bytes.Equal(wj, mj) {
		t.Fatalf("%s: merged answers %s, want %s", got.ID, mj, wj)
	}
	var engineOld entitlements.Answers
	if err := json.Unmarshal(oldAnswers, &engineOld); err != nil {
		// storage keeps answers the engine does not know (from a newer kincare, or a
		// fixture's made-up values); the JSON check above covers them
		return
	}
	f, err := got.Family()
	if err != nil {
		t.Fatal(err)
	}
	if f.Merged(0) != engineOld {
		t.Fatalf("%s: the engine reads different answers after the upgrade", got.ID)
	}
}

// TestUpgradeKeepsMergedAnswers upgrades 2,000 random one-child cases and checks the merged
// answers are the old ones exactly.
func TestUpgradeKeepsMergedAnswers(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	keys := entitlements.AllKeys()
	for n := 0; n < 2000; n++ {
		var a entitlements.Answers
		var skipped []string
		for _, k := range keys {
			spec := k.Spec()
			switch rng.IntN(3) {
			case 0:
				continue
			case 1:
				skipped = append(skipped, spec.Name)
				continue
			}
			v := "Leeds"
			switch spec.Kind {
			case entitlements.Choice:
				v = spec.Values[rng.IntN(len(spec.Values))]
			case entitlements.Number:
				v = fmt.Sprint(spec.Min + rng.IntN(spec.Max-spec.Min+1))
			case entitlements.DateValue:
				v = fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
			}
			if err := a.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		raw, _ := json.Marshal(a)
		old := caseV2{ID: NewID(), Answers: raw, Skipped: skipped, Created: time.Now()}
		c, err := old.upgrade()
		if err != nil {
			t.Fatal(err)
		}
		if err := prepare(&c, time.Now()); err != nil {
			t.Fatal(err)
		}
		sameMerged(t, raw, c)
		if got := c.Skipped(0); len(got) != len(skipped) {
			t.Fatalf("skipped %v, want %v", got, skipped)
		}
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}
