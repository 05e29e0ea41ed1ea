package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"kincare/storage"
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

// openTimeout is how long a command waits for another kincare window to let go of the file:
// "already open" arrives within two seconds, after one wait, not two.
const openTimeout = storage.DefaultTimeout

// passphrase comes from KINCARE_PASSPHRASE (for scripts), else is asked for on the terminal.
func passphrase(env *cliEnv, prompt string) ([]byte, error) {
	if p := env.getenv("KINCARE_PASSPHRASE"); p != "" {
		return []byte(p), nil
	}
	return askSecret(env, prompt)
}

// askSecret reads a passphrase typed at the terminal without showing it.
func askSecret(env *cliEnv, prompt string) ([]byte, error) {
	if !env.stdinIsTerminal || env.readSecret == nil {
		return nil, errors.New("this case file is protected by a passphrase: set KINCARE_PASSPHRASE, or run this in a terminal to type it")
	}
	fmt.Fprint(env.stderr, prompt)
	p, err := env.readSecret()
	fmt.Fprintln(env.stderr)
	return p, err
}

// openStore opens the case file, asking for the passphrase only when the file turns out to
// be protected: one open, so one wait at most when another window has the file. With
// KINCARE_PASSPHRASE set, a new file is made protected from the start.
func openStore(path string, env *cliEnv) (*storage.DB, error) {
	if w := storage.NetworkDriveWarning(path); w != "" {
		fmt.Fprintln(env.stderr, "kincare: "+w)
	}
	opts := storage.Options{Timeout: openTimeout}
	isNew := !storage.Exists(path)
	if p := env.getenv("KINCARE_PASSPHRASE"); p != "" {
		if isNew {
			if err := storage.CheckPassphrase([]byte(p)); err != nil {
				return nil, badInput("KINCARE_PASSPHRASE: %v", err)
			}
		}
		opts.Passphrase = []byte(p)
	}
	s, err := storage.Open(path, opts)
	if errors.Is(err, storage.ErrNeedPassphrase) && opts.Passphrase == nil {
		p, perr := askSecret(env, "Passphrase for your case file: ")
		if perr != nil {
			return nil, perr
		}
		opts.Passphrase = p
		s, err = storage.Open(path, opts)
		clear(p)
	}
	if err == nil && !isNew && !s.Protected() && opts.Passphrase != nil {
		fmt.Fprintln(env.stderr, "kincare: KINCARE_PASSPHRASE is set, but this case file has no passphrase. Run kincare passphrase to add one.")
	}
	return s, err
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
	return strings.TrimSpace(strings.ToLower(readLine(env))) == "yes", nil
}

// readLine reads one answer from standard input; the reader is kept so that several
// questions in one command do not lose what was typed ahead.
func readLine(env *cliEnv) string {
	if env.lines == nil {
		env.lines = bufio.NewReader(env.stdin)
	}
	line, _ := env.lines.ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}
