package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// newCase saves one case in db and returns its id.
func newCase(t *testing.T, env map[string]string, child string) string {
	t.Helper()
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.json")
	os.WriteFile(answers, []byte(`{"answers": {"country": "england", "legal_status": "sgo", "council": "Leeds"}}`), 0o600)
	details := filepath.Join(dir, "d.json")
	os.WriteFile(details, []byte(`{"child": {"name": "`+child+`"}}`), 0o600)
	code, out, stderr := runCLI(t, "", env, "new", "--answers", answers, "--details", details)
	if code != 0 {
		t.Fatal(stderr)
	}
	return strings.TrimSpace(out)
}

// A planted OUT.tmp (a link to another account's file, or a world-writable file) must be
// neither followed nor reused.
func TestExportIgnoresPlantedTemporaryFile(t *testing.T) {
	env := map[string]string{"KINCARE_DB": filepath.Join(t.TempDir(), "k.db")}
	newCase(t, env, "Tyler Okafor")
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("victim's own text"), 0o644)
	out := filepath.Join(dir, "out.json")
	if err := os.Symlink(victim, out+".tmp"); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", env, "export", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "victim's own text" {
		t.Fatalf("export wrote through a planted link: %q", b)
	}
	out2 := filepath.Join(dir, "out2.json")
	os.WriteFile(out2+".tmp", nil, 0o666)
	os.Chmod(out2+".tmp", 0o666)
	if code, _, stderr := runCLI(t, "", env, "export", "--out", out2); code != 0 {
		t.Fatal(stderr)
	}
	if fi, err := os.Stat(out2); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export file: %v %v", fi.Mode(), err)
	}
}

func TestDraftForceReplacesLinkWithoutWritingThroughIt(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.json")
	os.WriteFile(answers, []byte(`{"as_of": "2026-11-22", "answers": {"country": "england", "living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "child_age": 7, "legal_status": "sgo", "previously_looked_after": "yes", "council": "Leeds", "placing_council": "Leeds"}}`), 0o600)
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	out := filepath.Join(dir, "letter.txt")
	os.Symlink(victim, out)
	code, _, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--request", "sg_support_assessment", "--format", "txt", "--out", out, "--force")
	if code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep me" {
		t.Fatalf("draft --force wrote through a link: %q", b)
	}
	if fi, err := os.Lstat(out); err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the letter should be a new private file: %v %v", fi.Mode(), err)
	}
}

// sumValue is storage's checksummed plain value, rebuilt here as another program could.
func sumValue(bucket, key string, plain []byte) []byte {
	tab := crc32.MakeTable(crc32.Castagnoli)
	var ad []byte
	ad = binary.BigEndian.AppendUint16(ad, uint16(len(bucket)))
	ad = append(ad, bucket...)
	ad = binary.BigEndian.AppendUint16(ad, uint16(len(key)))
	ad = append(ad, key...)
	out := []byte{0x02, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(out[1:], crc32.Update(crc32.Checksum(ad, tab), tab, plain))
	return append(out, plain...)
}

// Text put into the case file by another program (with valid checksums) is never printed raw.
func TestCasesAndRequestsStripEscapes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	env := map[string]string{"KINCARE_DB": db}
	id := newCase(t, env, "Tyler Okafor")
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		cb := tx.Bucket([]byte("cases"))
		v := cb.Get([]byte(id))
		var c map[string]any
		if err := json.Unmarshal(v[5:], &c); err != nil {
			return err
		}
		c["label"] = "\x1b]0;pwned\x07\x1b[2JTyler"
		c["requests"] = []any{map[string]any{"id": "\x1b[31mred", "status": "sent", "sent_on": "2026-11-01", "reply_due": "2026-11-20"}}
		nv, _ := json.Marshal(c)
		if err := cb.Put([]byte(id), sumValue("cases", id, nv)); err != nil {
			return err
		}
		ib := tx.Bucket([]byte("index"))
		iv := bytes.Clone(ib.Get([]byte(id))[5:])
		i := bytes.Index(iv, []byte("Tyler, Leeds"))
		copy(iv[i:], "\x1b[2J\x1b[31mAAA")
		return ib.Put([]byte(id), sumValue("index", id, iv))
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"cases"}, {"requests"}} {
		code, out, stderr := runCLI(t, "", env, args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%v printed raw escapes: %q", args, out)
		}
	}
}

// zeros is /dev/zero that counts what was read, and gives up after 64 MB so a failing test
// does not take the machine's memory with it.
type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n > 64<<20 {
		return 0, io.ErrUnexpectedEOF
	}
	clear(p)
	z.n += len(p)
	return len(p), nil
}

func TestEndlessInputIsBounded(t *testing.T) {
	for _, args := range [][]string{
		{"assess", "--answers", "-"},
		{"draft", "--answers", "-", "--request", "sg_support_assessment", "--format", "txt", "--out", filepath.Join(t.TempDir(), "x.txt")},
	} {
		z := &zeros{}
		var out, errb bytes.Buffer
		code := run(args, &cliEnv{stdin: z, stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
		if code != 2 || !strings.Contains(errb.String(), "too large") {
			t.Errorf("%v: exit %d, %q", args, code, errb.String())
		}
		if z.n > 2<<20 {
			t.Errorf("%v: read %d MB of an endless input", args, z.n>>20)
		}
	}
	if runtime.GOOS == "linux" {
		code, _, stderr := runCLI(t, "", nil, "assess", "--answers", "/dev/zero")
		if code != 2 || !strings.Contains(stderr, "too large") {
			t.Errorf("/dev/zero: %d %q", code, stderr)
		}
	}
}

func TestHelpSaysWhatTheFileProtects(t *testing.T) {
	_, out, _ := runCLI(t, "", nil, "--help")
	for _, want := range []string{"kincare passphrase", "free space of the disk", "how many cases", "command history", "delete --all", "kincare backup"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help does not say %q", want)
		}
	}
}
