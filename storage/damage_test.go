package storage

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	d := openT(t, path, "")
	defer d.Close()
	start := time.Now()
	_, err := Open(path, Options{Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "already open in another window") {
		t.Fatalf("message: %q", err)
	}
	t.Logf("second open returned after %v: %v", time.Since(start), err)
	if _, err := IsProtected(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("IsProtected on an open file: %v", err)
	}
}

// checkRefused opens a bad file and checks: a clear error naming the file, no panic, and the
// file byte-for-byte unchanged.
func checkRefused(t *testing.T, path string, kinds ...error) (refused bool) {
	t.Helper()
	before, _ := os.ReadFile(path)
	d, err := Open(path, Options{Timeout: 500 * time.Millisecond})
	if err == nil {
		// some damage only shows when reading
		_, err = d.List("")
		if err == nil {
			var ids []string
			l, _ := d.List("")
			for _, s := range l {
				ids = append(ids, s.ID)
			}
			for _, id := range ids {
				if _, err = d.Get(id); err != nil {
					break
				}
			}
		}
		d.opts.NoCompactOnClose = true
		d.Close()
		if err == nil {
			return false // damage fell in unused space: fine, as long as it did not panic
		}
	}
	ok := false
	for _, k := range kinds {
		ok = ok || errors.Is(err, k)
	}
	if !ok {
		t.Fatalf("%s: unexpected error kind: %v", filepath.Base(path), err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Fatalf("message does not name the file: %q", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatalf("%s: a refused file was changed", filepath.Base(path))
	}
	return true
}

func TestDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	d := openT(t, good, "")
	for i := 0; i < 300; i++ {
		if err := d.Save(sampleCase("c")); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	data, _ := os.ReadFile(good)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 64*1024)
	rand.Read(random)
	checkRefused(t, write("random.db", random), ErrNotKincare)
	checkRefused(t, write("empty.db", nil), ErrNotKincare)
	checkRefused(t, write("text.db", []byte("Dear Sir or Madam,\n")), ErrNotKincare)
	for _, n := range []int{100, 4096, 4096 + 100, 8192, len(data) / 2, len(data) - 4096} {
		checkRefused(t, write("truncated.db", data[:n]), ErrNotKincare, ErrDamaged)
	}
	// scribble over each page after the headers in turn
	pages, refused := len(data)/4096, 0
	for p := 2; p < pages; p++ {
		b := bytes.Clone(data)
		rand.Read(b[p*4096+16 : p*4096+2048])
		if checkRefused(t, write("scribbled.db", b), ErrDamaged) {
			refused++
		}
	}
	t.Logf("%d of %d scribbled pages detected (the rest were unused space)", refused, pages-2)
	if refused == 0 {
		t.Fatal("no scribbled page was detected")
	}
	// both header pages broken
	b := bytes.Clone(data)
	copy(b[16+8:], []byte{9, 9, 9, 9, 9, 9, 9, 9})
	copy(b[4096+16+8:], []byte{9, 9, 9, 9, 9, 9, 9, 9})
	checkRefused(t, write("header.db", b), ErrDamaged, ErrNotKincare)

	// a bbolt file from another program
	other := filepath.Join(dir, "other.db")
	ob, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	ob.Update(func(tx *bolt.Tx) error {
		bk, _ := tx.CreateBucket([]byte("widgets"))
		return bk.Put([]byte("a"), []byte("b"))
	})
	ob.Close()
	checkRefused(t, other, ErrNotKincare)
	// a folder
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrNotKincare) {
		t.Fatalf("folder: %v", err)
	}
}

// A protected file whose encrypted records were swapped between cases is detected.
func TestSwappedValuesDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	d := openT(t, path, "pw")
	a, b := sampleCase("a"), sampleCase("b")
	d.Save(a)
	d.Save(b)
	d.Close()
	bd, _ := bolt.Open(path, 0o600, nil)
	bd.Update(func(tx *bolt.Tx) error {
		cb := tx.Bucket([]byte(bucketCases))
		va, vb := bytes.Clone(cb.Get([]byte(a.ID))), bytes.Clone(cb.Get([]byte(b.ID)))
		cb.Put([]byte(a.ID), vb)
		return cb.Put([]byte(b.ID), va)
	})
	bd.Close()
	d = openT(t, path, "pw")
	defer d.Close()
	if _, err := d.Get(a.ID); !errors.Is(err, ErrDamaged) {
		t.Fatalf("swapped value accepted: %v", err)
	}
}

func TestTooNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	d := openT(t, path, "")
	d.Close()
	bd, _ := bolt.Open(path, 0o600, nil)
	bd.Update(func(tx *bolt.Tx) error { return putSchema(tx.Bucket([]byte(bucketMeta)), 99) })
	bd.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrTooNew) {
		t.Fatalf("newer file: %v", err)
	}
}

func FuzzDecodeValue(f *testing.F) {
	key := make([]byte, 32)
	aead := newAEAD(key)
	f.Add([]byte(`{"id":"x"}`), false)
	f.Add(sealValue(aead, bucketCases, "k", []byte(`{"id":"x"}`)), true)
	f.Add([]byte{sealedTag}, true)
	f.Add([]byte{}, false)
	e := indexEntry{Label: "l", Dues: []string{"2026-01-01"}}
	f.Add(e.marshal(), false)
	f.Add(sumValue(bucketCases, "k", []byte(`{"id":"k"}`)), false)
	f.Fuzz(func(t *testing.T, v []byte, protected bool) {
		var a = aead
		if !protected {
			a = nil
		}
		out, err := decodeValue(a, bucketCases, "k", v)
		if err == nil && protected && string(out) != `{"id":"x"}` {
			t.Fatalf("forged value accepted: %q", out)
		}
		if err == nil && !protected && len(v) > 0 && v[0] == summedTag && !bytes.Equal(sumValue(bucketCases, "k", out), v) {
			t.Fatalf("a value with a wrong checksum was accepted: %q", v)
		}
		_, _ = unmarshalIndex(v)
		d := &DB{aead: a}
		_, _ = d.decodeCase([]byte("k"), v)
	})
}

func TestSecondProcessIsLocked(t *testing.T) {
	if p := os.Getenv("KINCARE_LOCK_CHILD"); p != "" {
		_, err := Open(p, Options{Timeout: 300 * time.Millisecond})
		if errors.Is(err, ErrLocked) {
			fmt.Println("LOCKED", err)
		} else {
			fmt.Println("NOTLOCKED", err)
		}
		return
	}
	path := filepath.Join(t.TempDir(), "kincare.db")
	d := openT(t, path, "")
	defer d.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcessIsLocked$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KINCARE_LOCK_CHILD="+path)
	out, _ := cmd.Output()
	if !bytes.Contains(out, []byte("LOCKED kincare is already open in another window ("+path+")")) || bytes.Contains(out, []byte("NOTLOCKED")) {
		t.Fatalf("second process: %s", out)
	}
}
