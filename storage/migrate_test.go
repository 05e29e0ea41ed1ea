package storage

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Fixtures of the first file format (schema 1: meta and cases, no index), written once by
// writeV1Fixture and committed, so every later version is tested against real old files.
// Regenerate only if they are lost: KINCARE_WRITE_FIXTURES=1 go test -run TestMigrate ./storage
const fixturePass = "fixture passphrase"

var fixtureFiles = map[string]string{"v1.db": "", "v1-protected.db": fixturePass}

func fixtureCases() []Case {
	var out []Case
	for i := 0; i < 5; i++ {
		c := sampleCase(fmt.Sprintf("fixture%d", i))
		c.ID = fmt.Sprintf("%032x", i+1)
		c.Created = time.Date(2026, 1, 1+i, 9, 0, 0, 0, time.UTC)
		c.Updated = c.Created.Add(time.Hour)
		c.Notes[0].ID, c.Notes[0].At = "note", c.Created
		c.Requests[0].Versions[0].At = c.Created
		out = append(out, *c)
	}
	return out
}

func writeV1Fixture(path, pass string) error {
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
	return b.Update(func(tx *bolt.Tx) error {
		if err := initBuckets(tx, kdf, d.aead, "2026-01-01T00:00:00Z", 1); err != nil {
			return err
		}
		cb := tx.Bucket([]byte(bucketCases))
		for _, c := range fixtureCases() {
			j, err := jsonMarshal(c)
			if err != nil {
				return err
			}
			if err := cb.Put([]byte(c.ID), encodeValue(d.aead, bucketCases, c.ID, j)); err != nil {
				return err
			}
		}
		return nil
	})
}

func TestMigrateFromV1Fixture(t *testing.T) {
	for name, pass := range fixtureFiles {
		src := filepath.Join("testdata", name)
		if _, err := os.Stat(src); os.IsNotExist(err) || os.Getenv("KINCARE_WRITE_FIXTURES") != "" {
			if err := writeV1Fixture(src, pass); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote fixture %s; commit it", src)
		}
		// the fixture really is the first format
		ro, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		ro.View(func(tx *bolt.Tx) error {
			if v := binary.BigEndian.Uint64(tx.Bucket([]byte(bucketMeta)).Get([]byte(keySchema))); v != 1 {
				t.Fatalf("%s: schema %d, want 1", name, v)
			}
			if tx.Bucket([]byte(bucketIndex)) != nil {
				t.Fatalf("%s: fixture already has an index", name)
			}
			return nil
		})
		ro.Close()

		path := filepath.Join(t.TempDir(), "kincare.db")
		copyFile(t, src, path)
		d := openT(t, path, pass)
		list, err := d.List("2026-11-22")
		if err != nil {
			t.Fatal(err)
		}
		want := fixtureCases()
		if len(list) != len(want) || list[0].ID != want[len(want)-1].ID || list[0].CarerName != "Margaret fixture4" || list[0].Overdue != 1 {
			t.Fatalf("%s: list after migration: %+v", name, list)
		}
		for _, c := range want {
			got, err := d.Get(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			prepare(&c, time.Now())
			sameCase(t, c, got)
		}
		d.Close()
		// now at the current version, and it still opens
		ro, _ = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		ro.View(func(tx *bolt.Tx) error {
			if v := binary.BigEndian.Uint64(tx.Bucket([]byte(bucketMeta)).Get([]byte(keySchema))); v != schemaVersion {
				t.Fatalf("schema after migration %d", v)
			}
			return nil
		})
		ro.Close()
		d = openT(t, path, pass)
		if l, _ := d.Search("fixture3", ""); len(l) != 1 {
			t.Fatal("search after migration")
		}
		d.Close()
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
