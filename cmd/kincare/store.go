package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kincare/storage"

	"golang.org/x/term"
)

// dbPath is --db, else KINCARE_DB, else the user's data folder.
func dbPath(flagValue string, env *cliEnv) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := env.getenv("KINCARE_DB"); p != "" {
		return p, nil
	}
	return storage.DefaultPath()
}

// passphrase comes from KINCARE_PASSPHRASE (for scripts), else is asked for on the terminal.
func passphrase(env *cliEnv, prompt string) ([]byte, error) {
	if p := env.getenv("KINCARE_PASSPHRASE"); p != "" {
		return []byte(p), nil
	}
	if !env.stdinIsTerminal {
		return nil, errors.New("this case file is protected by a passphrase: set KINCARE_PASSPHRASE, or run this in a terminal to type it")
	}
	fmt.Fprint(env.stderr, prompt)
	p, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(env.stderr)
	return p, err
}

// openStore opens the case file, asking for the passphrase when it is protected.
func openStore(path string, env *cliEnv) (*storage.DB, error) {
	if w := storage.NetworkDriveWarning(path); w != "" {
		fmt.Fprintln(env.stderr, "kincare: "+w)
	}
	var opts storage.Options
	if prot, err := storage.IsProtected(path); err == nil && prot {
		p, err := passphrase(env, "Passphrase for "+path+": ")
		if err != nil {
			return nil, err
		}
		opts.Passphrase = p
	}
	return storage.Open(path, opts)
}

// withStore opens the case file named by --db (or KINCARE_DB, or the default), runs fn and closes it.
func withStore(dbFlag string, env *cliEnv, fn func(s *storage.DB) error) error {
	path, err := dbPath(dbFlag, env)
	if err != nil {
		return err
	}
	s, err := openStore(path, env)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "case file")
	return fs, db
}

// confirm asks yes/no on the terminal; without a terminal it refuses (use --yes).
func confirm(env *cliEnv, question string) (bool, error) {
	if !env.stdinIsTerminal {
		return false, badInput("%s Add --yes to confirm when not at a terminal.", question)
	}
	fmt.Fprint(env.stderr, question+" Type yes to confirm: ")
	line, _ := bufio.NewReader(env.stdin).ReadString('\n')
	return strings.TrimSpace(strings.ToLower(line)) == "yes", nil
}

// writeFileSafely writes to a temporary file beside the target and renames it, so a crash
// never leaves half a file; the file is readable only by this user.
func writeFileSafely(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
