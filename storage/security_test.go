package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A case file reached through a link is deleted where it really lives.
func TestSymlinkedCaseFileDeletedWhereItLives(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real", "kincare.db")
	link := filepath.Join(t.TempDir(), "kincare.db")
	d := openT(t, real, "")
	d.Close()
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	const marker = "LINKMARKER4417"
	d = openT(t, link, "")
	c := sampleCase(marker)
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	if err := d.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if hits := folderContains(t, filepath.Dir(real), []byte(marker)); len(hits) != 0 {
		t.Fatalf("the deleted case is still in the real file: %v", hits)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v %v", fi.Mode(), err)
	}
	d = openT(t, link, "")
	if err := d.Save(sampleCase(marker)); err != nil {
		t.Fatal(err)
	}
	if err := d.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(real); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("delete all left the real file: %v", err)
	}
	if _, err := os.Lstat(link); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("delete all left the link: %v", err)
	}
	// A link to nowhere is refused with a message, not created through.
	os.Symlink(filepath.Join(t.TempDir(), "gone", "x.db"), link)
	if _, err := Open(link, Options{}); err == nil || !strings.Contains(err.Error(), "link") {
		t.Fatalf("a dangling link: %v", err)
	}
}

// mountSmallDisk mounts a small tmpfs (root only, Linux) so a full disk can be tested for real.
func mountSmallDisk(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux to mount a small disk")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small disk: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, dir string) string {
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	return p
}

// On a full disk, deleting a case either completes or changes nothing, leaves no temporary
// files and says what happened; once there is space again it works.
func TestDeleteOnFullDisk(t *testing.T) {
	for _, pass := range []string{"", "pw"} {
		t.Run("pass="+pass, func(t *testing.T) {
			dir := mountSmallDisk(t, "2m")
			path := filepath.Join(dir, "kincare.db")
			d := openT(t, path, pass)
			defer d.Close()
			const marker = "FULLDISKMARKER"
			var victim *Case
			for i := 0; i < 20; i++ {
				c := sampleCase(marker)
				c.Notes[0].Text = strings.Repeat("note ", 2000)
				if err := d.Save(c); err != nil {
					t.Fatal(err)
				}
				victim = c
			}
			filler := fill(t, dir)
			err := d.Delete(victim.ID)
			if err == nil {
				t.Skip("the disk was not full enough to fail the delete")
			}
			if !strings.Contains(err.Error(), "space") && !strings.Contains(err.Error(), "nothing was deleted") {
				t.Errorf("the message does not say what happened: %v", err)
			}
			if _, err := d.Get(victim.ID); err != nil {
				t.Fatalf("a failed delete changed the file: %v", err)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.Contains(e.Name(), ".tmp") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
			os.Remove(filler)
			if l, err := d.List(""); err != nil || len(l) != 20 {
				t.Fatalf("store not usable after the failed delete: %d %v", len(l), err)
			}
			if err := d.Delete(victim.ID); err != nil {
				t.Fatalf("delete once there is space: %v", err)
			}
			if _, err := d.Get(victim.ID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("after delete: %v", err)
			}
		})
	}
}

// editBolt changes a closed case file directly, as another program could.
func editBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
	b.Close()
}

// Deleting the passphrase settings of a protected file must not turn it into a plain one.
func TestStrippedProtectionIsDamage(t *testing.T) {
	for _, empty := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "kincare.db")
		d := openT(t, path, "pw")
		if !empty {
			if err := d.Save(sampleCase("one")); err != nil {
				t.Fatal(err)
			}
		}
		d.Close()
		editBolt(t, path, func(tx *bolt.Tx) error {
			mb := tx.Bucket([]byte(bucketMeta))
			mb.Delete([]byte(keyKDF))
			return mb.Delete([]byte(keyVerifier))
		})
		before, _ := os.ReadFile(path)
		d, err := Open(path, Options{})
		if err == nil {
			err = d.Save(sampleCase("STRIPPEDMARKER"))
			d.Close()
			t.Fatalf("empty=%v: a stripped protected file opened and took a save (err %v)", empty, err)
		}
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "passphrase") {
			t.Fatalf("empty=%v: %v", empty, err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatalf("empty=%v: the refused file was changed", empty)
		}
	}
}

// A changed byte in an unprotected file is reported, even where the text still reads well.
func TestUnprotectedValuesAreChecked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	d := openT(t, path, "")
	c := sampleCase("Okafor")
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	d.Close()
	for _, bucket := range []string{bucketCases, bucketIndex} {
		editBolt(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucket))
			v := bytes.Clone(b.Get([]byte(c.ID)))
			i := bytes.Index(v, []byte("Okafor"))
			if i < 0 {
				t.Fatalf("%s: marker not stored", bucket)
			}
			v[i] ^= 0x20 // "okafor": still good text
			return b.Put([]byte(c.ID), v)
		})
		d := openT(t, path, "")
		var err error
		if bucket == bucketCases {
			_, err = d.Get(c.ID)
		} else {
			_, err = d.List("")
		}
		d.opts.NoCompactOnClose = true
		d.Close()
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("%s: a changed value was read as good: %v", bucket, err)
		}
		// put it back for the next round
		editBolt(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucket))
			v := bytes.Clone(b.Get([]byte(c.ID)))
			i := bytes.Index(v, []byte("okafor"))
			v[i] ^= 0x20
			return b.Put([]byte(c.ID), v)
		})
	}
}

// Locking forgets the passphrase, the key and every decrypted value this package holds.
func TestLockForgetsSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	pass := []byte("correct horse battery staple")
	d, err := Open(path, Options{Passphrase: bytes.Clone(pass)})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Save(sampleCase("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.List(""); err != nil {
		t.Fatal(err)
	}
	key := d.key
	d.Lock()
	if d.opts.Passphrase != nil {
		t.Error("the passphrase is still held after the lock")
	}
	if !bytes.Equal(key, make([]byte, len(key))) {
		t.Error("the key bytes were not wiped")
	}
	if d.idx != nil || d.aead != nil {
		t.Error("decrypted list or cipher still held")
	}
	if _, err := d.List(""); !errors.Is(err, ErrNeedPassphrase) {
		t.Fatalf("list while locked: %v", err)
	}
}

// A 50 MB name in an import is refused, not stored.
func TestImportRefusesHugeFields(t *testing.T) {
	c := sampleCase("big")
	c.ID = NewID()
	c.Details.Child.Name = strings.Repeat("A", 50<<20)
	data, err := Export([]Case{*c}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(data, nil); !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "characters") {
		t.Fatalf("import of a 50 MB name: %v", err)
	}
	d := openT(t, filepath.Join(t.TempDir(), "k.db"), "")
	defer d.Close()
	c = sampleCase("big")
	c.Label = strings.Repeat("L", 5000)
	if err := d.Save(c); !errors.Is(err, ErrInvalid) {
		t.Fatalf("save of a 5,000 character label: %v", err)
	}
}

func TestLimitMessagesAreReadable(t *testing.T) {
	c := sampleCase("big")
	c.ID = NewID()
	c.Details.Child.Name = strings.Repeat("A", 5000)
	data, _ := Export([]Case{*c}, nil)
	_, err := Import(data, nil)
	if err == nil || strings.Contains(err.Error(), "..") || !strings.Contains(err.Error(), `"child.name" is 5000 characters long`) {
		t.Fatalf("message: %v", err)
	}
}

// In a folder that cannot be written to, a delete changes nothing and says so. (Root can
// write anywhere, so this runs for other accounts; TestDeleteOnFullDisk covers root.)
func TestDeleteInReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs an account that folder permissions apply to")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare.db")
	d := openT(t, path, "")
	defer d.Close()
	c := sampleCase("READONLYMARKER")
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	err := d.Delete(c.ID)
	if !errors.Is(err, ErrNotDeleted) || !strings.Contains(err.Error(), "Nothing was deleted") {
		t.Fatalf("delete in a read-only folder: %v", err)
	}
	if _, err := d.Get(c.ID); err != nil {
		t.Fatalf("the case went: %v", err)
	}
}

func TestChangePassphrase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare.db")
	d := openT(t, path, "")
	if err := d.Save(sampleCase("CHANGEMARKER")); err != nil {
		t.Fatal(err)
	}
	if err := d.ChangePassphrase(nil, []byte("a")); !errors.Is(err, ErrWeakPassphrase) || !strings.Contains(err.Error(), "such as") {
		t.Fatalf("a weak passphrase: %v", err)
	}
	good, other := []byte("purple kettle river morning"), []byte("0123456789")
	if err := d.ChangePassphrase(nil, good); err != nil {
		t.Fatal(err)
	}
	if hits := folderContains(t, dir, []byte("CHANGEMARKER")); len(hits) != 0 {
		t.Fatalf("plain text after adding a passphrase: %v", hits)
	}
	d.Close()
	before, _ := os.ReadFile(path)
	d = openT(t, path, string(good))
	if err := d.ChangePassphrase([]byte("wrong one!!"), other); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("a wrong current passphrase: %v", err)
	}
	d.opts.NoCompactOnClose = true
	d.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("a wrong current passphrase changed the file")
	}
	d = openT(t, path, string(good))
	defer d.Close()
	if err := d.ChangePassphrase(good, other); err != nil {
		t.Fatal(err)
	}
	if err := d.ChangePassphrase(other, nil); err != nil || d.Protected() {
		t.Fatalf("remove: %v", err)
	}
}

// Random single-bit flips anywhere in an unprotected file never change a case silently: the
// file is refused, a read fails, or every case reads back exactly as saved. (Before the
// checksums, about one flip in five changed case data unnoticed.)
func TestBitFlipsNeverSilentlyChangeCases(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare.db")
	d := openT(t, path, "")
	var want []Case
	for i := 0; i < 5; i++ {
		c := sampleCase(fmt.Sprintf("flip%d", i))
		if err := d.Save(c); err != nil {
			t.Fatal(err)
		}
		got, _ := d.Get(c.ID)
		want = append(want, got)
	}
	d.Close()
	orig, _ := os.ReadFile(path)
	rng := mathrand.New(mathrand.NewPCG(1, 2))
	silent, refused := 0, 0
	const flips = 300
	for i := 0; i < flips; i++ {
		b := bytes.Clone(orig)
		bit := rng.IntN(len(b) * 8)
		b[bit/8] ^= 1 << (bit % 8)
		p := filepath.Join(dir, fmt.Sprintf("f%d.db", i))
		os.WriteFile(p, b, 0o600)
		d, err := Open(p, Options{NoCompactOnClose: true})
		if err != nil {
			refused++
			continue
		}
		changed := false
		for _, w := range want {
			got, err := d.Get(w.ID)
			if err != nil {
				refused++
				changed = false
				break
			}
			g, _ := json.Marshal(got)
			x, _ := json.Marshal(w)
			if !bytes.Equal(g, x) {
				changed = true
			}
		}
		if l, err := d.List(""); err == nil && len(l) == len(want) {
			for _, s := range l {
				for _, w := range want {
					if s.ID == w.ID && s.Label != w.Label {
						changed = true
					}
				}
			}
		}
		if changed {
			silent++
		}
		d.Close()
		os.Remove(p)
	}
	t.Logf("%d flips: %d refused or failed to read, %d changed a case silently", flips, refused, silent)
	if silent > 0 {
		t.Fatalf("%d of %d bit flips changed a case without a word", silent, flips)
	}
}
