package storage

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"kincare/entitlements"
)

func TestStoreBasics(t *testing.T) {
	for _, pass := range []string{"", "correct horse"} {
		t.Run("pass="+pass, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sub", "kincare.db")
			d := openT(t, path, pass)
			if d.Protected() != (pass != "") {
				t.Fatalf("Protected = %v", d.Protected())
			}
			a := sampleCase("alpha")
			if err := d.Save(a); err != nil {
				t.Fatal(err)
			}
			if !validID(a.ID) || a.Created.IsZero() || a.Updated.IsZero() {
				t.Fatalf("save did not fill id/times: %+v", a)
			}
			time.Sleep(2 * time.Millisecond)
			b := sampleCase("bravo")
			b.Household, b.Children = nil, nil
			b.Details.Council = &entitlements.Office{Name: "Wakefield Council"}
			if err := d.Save(b); err != nil {
				t.Fatal(err)
			}
			if string(b.Household) != "{}" || len(b.Children) != 1 || string(b.Children[0].Answers) != "{}" || !validChildID(b.Children[0].ID) {
				t.Fatalf("no answers stored as %s and %+v", b.Household, b.Children)
			}
			got, err := d.Get(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			sameCase(t, *a, got)
			list, err := d.List("2026-11-22")
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID {
				t.Fatalf("list order wrong: %+v", list)
			}
			if list[1].Council != "Leeds alpha" || list[1].CarerName != "Margaret alpha" || list[1].ChildName != "Tyler alpha" || list[1].Overdue != 1 {
				t.Fatalf("summary wrong: %+v", list[1])
			}
			if list[0].Council != "Wakefield Council" {
				t.Fatalf("council from details not used: %+v", list[0])
			}
			if l2, _ := d.List("2026-11-19"); l2[1].Overdue != 0 || l2[1].NextDue != "2026-11-20" {
				t.Fatalf("next due wrong: %+v", l2[1])
			}
			for q, want := range map[string]int{"TYLER": 2, "alpha": 1, "wakefield": 1, "leeds bravo": 0, "margaret BRAVO": 1, "nobody": 0, "": 2} {
				res, err := d.Search(q, "")
				if err != nil || len(res) != want {
					t.Fatalf("search %q: %d results, %v", q, len(res), err)
				}
			}
			// update keeps one case and moves it to the top
			got.Label = "Renamed \x1b[31mred"
			if err := d.Save(&got); err != nil {
				t.Fatal(err)
			}
			if got.Label != "Renamed red" {
				t.Fatalf("label not cleaned: %q", got.Label)
			}
			list, _ = d.List("")
			if len(list) != 2 || list[0].ID != a.ID || list[0].Label != "Renamed red" {
				t.Fatalf("after update: %+v", list)
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(path); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
				t.Fatalf("file mode: %v %v", fi.Mode(), err)
			}
			// reopen: everything is still there
			d = openT(t, path, pass)
			defer d.Close()
			list, _ = d.List("")
			if len(list) != 2 || list[0].Label != "Renamed red" {
				t.Fatalf("after reopen: %+v", list)
			}
			if _, err := d.Get(NewID()); !errors.Is(err, ErrNotFound) {
				t.Fatalf("missing case: %v", err)
			}
			if err := d.Delete(b.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Get(b.ID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("deleted case still there: %v", err)
			}
			if list, _ = d.List(""); len(list) != 1 {
				t.Fatalf("after delete: %+v", list)
			}
			if err := d.Delete(b.ID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("second delete: %v", err)
			}
		})
	}
}

func TestSaveRejectsBadInput(t *testing.T) {
	d := openT(t, filepath.Join(t.TempDir(), "k.db"), "")
	defer d.Close()
	for _, c := range []*Case{
		{Household: json.RawMessage(`[1,2]`)},
		{Household: json.RawMessage(`{"council":`)},
		{Children: []Child{{Answers: json.RawMessage(`"sgo"`)}}},
		{Children: []Child{{ID: "a1b2c3d4"}, {ID: "a1b2c3d4"}}},
		{Children: []Child{{ID: "Tyler"}}},
		{Children: make([]Child, 13)},
		{Children: []Child{{Name: strings.Repeat("x", 101)}}},
		{ID: "Margaret-Okafor"},
		{AsOf: "22/11/2026"},
	} {
		if err := d.Save(c); !errors.Is(err, ErrInvalid) {
			t.Fatalf("%+v: %v", c, err)
		}
	}
}

func TestPassphrase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare.db")
	d := openT(t, path, "")
	c := sampleCase("ZEBRAMARKER")
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	if hits := folderContains(t, dir, []byte("ZEBRAMARKER")); len(hits) == 0 {
		t.Fatal("unprotected file should hold plain JSON")
	}
	if err := d.SetPassphrase([]byte("s3cret")); err != nil {
		t.Fatal(err)
	}
	if hits := folderContains(t, dir, []byte("ZEBRAMARKER")); len(hits) != 0 {
		t.Fatalf("plaintext left after protecting: %v", hits)
	}
	if got, err := d.Get(c.ID); err != nil || got.Label != c.Label {
		t.Fatalf("get after protect: %v", err)
	}
	d.Lock()
	if _, err := d.List(""); !errors.Is(err, ErrNeedPassphrase) {
		t.Fatalf("list while locked: %v", err)
	}
	if d.key != nil || d.aead != nil || d.idx != nil {
		t.Fatal("Lock kept secrets")
	}
	if err := d.Unlock([]byte("wrong")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("unlock wrong: %v", err)
	}
	if err := d.Unlock([]byte("s3cret")); err != nil {
		t.Fatal(err)
	}
	if l, err := d.List(""); err != nil || len(l) != 1 {
		t.Fatalf("list after unlock: %v", err)
	}
	key := d.key
	d.Close()
	for _, b := range key {
		if b != 0 {
			t.Fatal("key not wiped on Close")
		}
	}
	if p, err := IsProtected(path); err != nil || !p {
		t.Fatalf("IsProtected = %v %v", p, err)
	}
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNeedPassphrase) || !strings.Contains(err.Error(), path) {
		t.Fatalf("open without passphrase: %v", err)
	}
	_, err = Open(path, Options{Passphrase: []byte("nope")})
	if !errors.Is(err, ErrWrongPassphrase) || !strings.Contains(err.Error(), path) {
		t.Fatalf("open with wrong passphrase: %v", err)
	}
	d = openT(t, path, "s3cret")
	if err := d.SetPassphrase(nil); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if p, _ := IsProtected(path); p {
		t.Fatal("protection not removed")
	}
	d = openT(t, path, "")
	if got, err := d.Get(c.ID); err != nil {
		t.Fatal(err)
	} else {
		sameCase(t, *c, got)
	}
	d.Close()
}

func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/gran", nil }
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/gran/.local/share/kincare/kincare.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/kincare/kincare.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/gran/.local/share/kincare/kincare.db"},
		{"darwin", nil, "/home/gran/Library/Application Support/kincare/kincare.db"},
		{"windows", map[string]string{"LOCALAPPDATA": "/L", "APPDATA": "/Roaming"}, filepath.Join("/L", "kincare", "kincare.db")},
	}
	for _, c := range cases {
		got, err := defaultPathFor(c.goos, env(c.env), home)
		if err != nil || got != c.want {
			t.Errorf("%s %v: %q %v", c.goos, c.env, got, err)
		}
	}
	t.Setenv("KINCARE_DB", "/tmp/x/k.db")
	if p, _ := DefaultPath(); p != "/tmp/x/k.db" {
		t.Fatalf("KINCARE_DB ignored: %s", p)
	}
}

func TestNetworkDrive(t *testing.T) {
	mounts := "sysfs /sys sysfs rw 0 0\n/dev/sda1 / ext4 rw 0 0\nserver:/home /home nfs4 rw 0 0\n//nas/share /mnt/my\\040share cifs rw 0 0\n"
	for dir, want := range map[string]bool{"/home/gran/.local": true, "/homework": false, "/mnt/my share/k": true, "/var": false, "/home": true} {
		if got := networkFS(mounts, dir); got != want {
			t.Errorf("%s: %v", dir, got)
		}
	}
	if w := NetworkDriveWarning(filepath.Join(t.TempDir(), "k.db")); w != "" && runtime.GOOS != "linux" {
		t.Fatalf("unexpected warning %q", w)
	}
	if !isUNC(`\\server\share\kincare.db`) || isUNC(`C:\Users\kincare.db`) {
		t.Fatal("UNC detection")
	}
}

func TestDefaultKDF(t *testing.T) {
	if realKDF.Alg != "argon2id" || realKDF.MemoryKiB < 64*1024 || realKDF.Time < 3 {
		t.Fatalf("default KDF weakened: %+v", realKDF)
	}
	p := realKDF
	p.Salt = make([]byte, 16)
	start := time.Now()
	k := p.derive([]byte("pass"))
	t.Logf("argon2id %+v took %v", realKDF, time.Since(start))
	if len(k) != 32 {
		t.Fatal("key length")
	}
}

func TestLockHeldAcrossCompaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	d := openT(t, path, "")
	defer d.Close()
	c := sampleCase("x")
	d.Save(c)
	if err := d.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Fatalf("after compaction the file is not locked: %v", err)
	}
	c2 := sampleCase("y")
	if err := d.Save(c2); err != nil {
		t.Fatal(err)
	}
	created := c2.Created
	fresh := Case{ID: c2.ID, Label: "rebuilt"}
	if err := d.Save(&fresh); err != nil || !fresh.Created.Equal(created) {
		t.Fatalf("Created not kept: %v %v %v", err, fresh.Created, created)
	}
}

func TestWipeAEAD(t *testing.T) {
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i + 1)
	}
	a := newAEAD(key)
	sealed := sealValue(a, "b", "k", []byte("secret"))
	wipeAEAD(a)
	if _, err := decodeValue(a, "b", "k", sealed); err == nil {
		t.Fatal("cipher still holds the key after wipe")
	}
	if _, err := decodeValue(newAEAD(key), "b", "k", sealed); err != nil {
		t.Fatal(err)
	}
}
