package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// terminal runs the command as if typed at a terminal: lines are answers to questions,
// secrets are what is typed at each hidden passphrase prompt, in order.
func terminal(t *testing.T, env map[string]string, lines string, secrets []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &cliEnv{stdin: strings.NewReader(lines), stdout: &out, stderr: &errb, stdinIsTerminal: true,
		getenv: func(k string) string { return env[k] }}
	e.readSecret = func() ([]byte, error) {
		if len(secrets) == 0 {
			t.Fatalf("%v asked for a passphrase more often than expected; stderr so far: %s", args, errb.String())
		}
		s := secrets[0]
		secrets = secrets[1:]
		return []byte(s), nil
	}
	code := run(args, e)
	return code, out.String(), errb.String()
}

func fileSum(t *testing.T, path string) [32]byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func holds(t *testing.T, dir, marker string) bool {
	found := false
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b, _ := os.ReadFile(p)
			found = found || bytes.Contains(b, []byte(marker))
		}
		return nil
	})
	return found
}

func TestPassphraseAddChangeRemove(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	env := map[string]string{"KINCARE_DB": db}
	newCase(t, env, "Xanthippe Quartzfield")
	if !holds(t, dir, "Quartzfield") {
		t.Fatal("the test marker is not in the plain file")
	}
	// Too short: refused kindly, with an example, and nothing changes.
	before := fileSum(t, db)
	code, _, stderr := terminal(t, env, "", []string{"a", "a"}, "passphrase")
	if code != 2 || !strings.Contains(stderr, "10 characters") || !strings.Contains(stderr, "such as") {
		t.Fatalf("a one-letter passphrase: %d %q", code, stderr)
	}
	if fileSum(t, db) != before {
		t.Fatal("a refused passphrase changed the file")
	}
	// Add.
	good := "purple kettle river morning"
	if code, _, stderr := terminal(t, env, "", []string{good, good}, "passphrase"); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	if holds(t, dir, "Quartzfield") {
		t.Fatal("the name is still in plain text after adding a passphrase")
	}
	// A wrong current passphrase changes nothing.
	before = fileSum(t, db)
	if code, _, _ := terminal(t, env, "", []string{"wrong wrong wrong wrong"}, "passphrase"); code == 0 {
		t.Fatal("a wrong passphrase was accepted")
	}
	if fileSum(t, db) != before {
		t.Fatal("a wrong passphrase changed the file")
	}
	// Change, with the current one from the environment (scripts) and the new one typed.
	env["KINCARE_PASSPHRASE"] = good
	other := "seven orange bicycles singing"
	if code, _, stderr := terminal(t, env, "", []string{other, other}, "passphrase"); code != 0 {
		t.Fatalf("change: %s", stderr)
	}
	delete(env, "KINCARE_PASSPHRASE")
	if holds(t, dir, "Quartzfield") {
		t.Fatal("the name is in plain text after a change")
	}
	if code, _, _ := terminal(t, env, "", []string{good}, "cases"); code == 0 {
		t.Fatal("the old passphrase still opens the file")
	}
	if code, out, stderr := terminal(t, env, "", []string{other}, "cases"); code != 0 || !strings.Contains(out, "Xanthippe") {
		t.Fatalf("the new passphrase: %d %q %q", code, out, stderr)
	}
	// Remove.
	if code, _, stderr := terminal(t, env, "yes\n", []string{other}, "passphrase", "--remove"); code != 0 {
		t.Fatalf("remove: %s", stderr)
	}
	if code, out, _ := runCLI(t, "", env, "cases"); code != 0 || !strings.Contains(out, "Xanthippe") {
		t.Fatalf("after removing, the file opens without a passphrase: %q", out)
	}
}

// KINCARE_PASSPHRASE makes a new file protected from the start, if the passphrase is strong enough.
func TestPassphraseFromEnvironmentProtectsANewFile(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"KINCARE_DB": filepath.Join(dir, "k.db"), "KINCARE_PASSPHRASE": "purple kettle river morning"}
	newCase(t, env, "Xanthippe Quartzfield")
	if holds(t, dir, "Quartzfield") {
		t.Fatal("KINCARE_PASSPHRASE made an unprotected file")
	}
	env2 := map[string]string{"KINCARE_DB": filepath.Join(t.TempDir(), "k.db"), "KINCARE_PASSPHRASE": "short"}
	answers := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(answers, []byte(`{"answers": {"country": "england"}}`), 0o600)
	if code, _, stderr := runCLI(t, "", env2, "new", "--answers", answers); code != 2 || !strings.Contains(stderr, "10 characters") {
		t.Fatalf("a weak passphrase for a new file: %d %q", code, stderr)
	}
}

// delete --all removes kincare's own exports too, lists them, and works with a forgotten
// passphrase after the person types the file's name.
func TestDeleteAllRemovesExportsAndWorksWithoutThePassphrase(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "data", "kincare.db")
	env := map[string]string{"KINCARE_DB": db}
	newCase(t, env, "Xanthippe Quartzfield")
	exp := filepath.Join(home, "exports", "cases.json")
	if code, _, stderr := runCLI(t, "", env, "export", "--out", exp); code != 0 {
		t.Fatal(stderr)
	}
	mine := filepath.Join(home, "exports", "mine.txt")
	os.WriteFile(mine, []byte("not kincare's"), 0o600)
	// The wrong name changes nothing.
	if code, out, _ := terminal(t, env, "cases.db\n", nil, "delete", "--all"); code == 0 && !strings.Contains(out, "Nothing was deleted") {
		t.Fatalf("deleted after the wrong name: %q", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal("the wrong name deleted the file")
	}
	code, out, stderr := terminal(t, env, "kincare.db\n", nil, "delete", "--all")
	if code != 0 {
		t.Fatalf("delete --all: %s", stderr)
	}
	if !strings.Contains(out+stderr, exp) {
		t.Errorf("the export was not listed: %q %q", out, stderr)
	}
	for _, p := range []string{db, exp} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there", p)
		}
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a file kincare did not write was removed")
	}
	if holds(t, home, "Quartzfield") {
		t.Error("the name is still in a file")
	}

	// Forgotten passphrase: enter at the passphrase question, then the file's name.
	env = map[string]string{"KINCARE_DB": db, "KINCARE_PASSPHRASE": "purple kettle river morning"}
	newCase(t, env, "Xanthippe Quartzfield")
	delete(env, "KINCARE_PASSPHRASE")
	code, out, stderr = terminal(t, env, "kincare.db\n", []string{""}, "delete", "--all")
	if code != 0 {
		t.Fatalf("delete --all with a forgotten passphrase: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatal("the protected file is still there")
	}
	if strings.Contains(out, "All kincare data") {
		t.Errorf("claims everything was deleted without having checked for saved files: %q", out)
	}
}

func TestBackupIsSealedAndRestores(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"KINCARE_DB": filepath.Join(dir, "k.db")}
	newCase(t, env, "Xanthippe Quartzfield")
	out := filepath.Join(t.TempDir(), "backup.json")
	if code, _, stderr := runCLI(t, "", env, "backup", "--out", out); code != 2 || !strings.Contains(stderr, "passphrase") {
		t.Fatalf("a backup without a passphrase: %d %q", code, stderr)
	}
	pass := "purple kettle river morning"
	if code, _, stderr := terminal(t, env, "", []string{pass, pass}, "backup", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	if holds(t, filepath.Dir(out), "Quartzfield") {
		t.Fatal("the backup holds the name in plain text")
	}
	env2 := map[string]string{"KINCARE_DB": filepath.Join(t.TempDir(), "k.db"), "KINCARE_PASSPHRASE": pass}
	if code, _, stderr := runCLI(t, "", env2, "import", out); code != 0 {
		t.Fatalf("restore: %s", stderr)
	}
	if _, out, _ := runCLI(t, "", env2, "cases"); !strings.Contains(out, "Xanthippe") {
		t.Fatalf("restored cases: %q", out)
	}
}
