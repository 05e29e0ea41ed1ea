package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"kincare/storage"
)

// The command line says "already open" once, after one wait: run with
// go test ./cmd/kincare -run XXX -bench AlreadyOpen -benchtime=2x (the goal is under 2 s).
func BenchmarkAlreadyOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "k.db")
	held, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer held.Close()
	env := map[string]string{"KINCARE_DB": path}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		e := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
		if code := run([]string{"cases"}, e); code == 0 || !strings.Contains(errb.String(), "already open") {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

func TestAlreadyOpenSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	held, err := storage.Open(path, storage.Options{Passphrase: []byte("purple kettle river morning")})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	env := map[string]string{"KINCARE_DB": path}
	for _, args := range [][]string{{"cases"}, {"delete", "--all", "--yes"}, {"passphrase"}} {
		if code, _, stderr := runCLI(t, "", env, args...); code == 0 || !strings.Contains(stderr, "already open") {
			t.Errorf("%v: %d %q", args, code, stderr)
		}
	}
}
