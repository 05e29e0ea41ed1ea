package main

import (
	"bytes"
	"fmt"

	"kincare/storage"
)

// runPassphrase adds, changes or removes the passphrase of the case file. The file is
// rewritten into a fresh copy, so no unprotected copy of a case stays inside it.
func runPassphrase(args []string, env *cliEnv) error {
	fs, db := newFlags("passphrase")
	remove := fs.Bool("remove", false, "remove the passphrase")
	if err := fs.Parse(args); err != nil {
		return badInput("passphrase: %v\nusage: kincare passphrase [--remove] [--db PATH]", err)
	}
	path, err := dbPath(*db, env)
	if err != nil {
		return err
	}
	if !storage.Exists(path) {
		return badInput("passphrase: there is no case file at %s yet. Save a case first, or run kincare to start one.", path)
	}
	s, err := openStore(path, env)
	if err != nil {
		return err
	}
	defer s.Close()
	if *remove {
		if !s.Protected() {
			fmt.Fprintln(env.stdout, "This case file has no passphrase. Nothing was changed.")
			return nil
		}
		ok, err := confirm(env, "Remove the passphrase? Anyone who can use this computer account will then be able to read your cases.")
		if err != nil || !ok {
			if err == nil {
				fmt.Fprintln(env.stdout, "Nothing was changed.")
			}
			return err
		}
		if err := s.SetPassphrase(nil); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "The passphrase was removed from %s.\n", path)
		return nil
	}
	pass, err := newPassphrase(env)
	if err != nil {
		return err
	}
	defer clear(pass)
	was := s.Protected()
	if err := s.SetPassphrase(pass); err != nil {
		return err
	}
	if was {
		fmt.Fprintf(env.stdout, "The passphrase of %s was changed.\n", path)
	} else {
		fmt.Fprintf(env.stdout, "%s is now protected by your passphrase. Keep it somewhere safe: nobody can open the file without it.\n", path)
	}
	fmt.Fprintln(env.stdout, "Letters and exports saved before stay as they were; delete any you no longer need.")
	return nil
}

// newPassphrase reads a new passphrase: KINCARE_NEW_PASSPHRASE for scripts, else typed twice
// at the terminal so that a slip cannot lock the file for good.
func newPassphrase(env *cliEnv) ([]byte, error) {
	if p := env.getenv("KINCARE_NEW_PASSPHRASE"); p != "" {
		if err := storage.CheckPassphrase([]byte(p)); err != nil {
			return nil, badInput("KINCARE_NEW_PASSPHRASE: %v", err)
		}
		return []byte(p), nil
	}
	if !env.stdinIsTerminal {
		return nil, badInput("passphrase: set KINCARE_NEW_PASSPHRASE, or run this in a terminal to type the new passphrase")
	}
	p, err := askSecret(env, "New passphrase: ")
	if err != nil {
		return nil, err
	}
	if err := storage.CheckPassphrase(p); err != nil {
		clear(p)
		return nil, badInput("%v Nothing was changed.", err)
	}
	again, err := askSecret(env, "Type it again: ")
	if err != nil {
		clear(p)
		return nil, err
	}
	defer clear(again)
	if !bytes.Equal(p, again) {
		clear(p)
		return nil, badInput("the two passphrases were not the same. Nothing was changed.")
	}
	return p, nil
}
