package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"kincare/storage"
)

func runDelete(args []string, env *cliEnv) error {
	fs, db := newFlags("delete")
	id := fs.String("case", "", "the case to delete")
	all := fs.Bool("all", false, "delete all my data: the case file, its temporary files, and the letters and exports kincare saved")
	yes := fs.Bool("yes", false, "do not ask for confirmation")
	if err := fs.Parse(args); err != nil {
		return badInput("delete: %v", err)
	}
	if (*id == "") == !*all {
		return badInput("delete: give either --case ID or --all")
	}
	path, err := dbPath(*db, env)
	if err != nil {
		return err
	}
	if *all {
		return deleteAll(path, *yes, env)
	}
	s, err := openStore(path, env)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Get(*id)
	if err != nil {
		return err
	}
	if !*yes {
		ok, err := confirm(env, fmt.Sprintf("Delete the case %q? This cannot be undone.", c.Label))
		if err != nil || !ok {
			if err == nil {
				fmt.Fprintln(env.stdout, "Nothing was deleted.")
			}
			return err
		}
	}
	if err := s.Delete(*id); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Deleted %q.\n", c.Label)
	return nil
}

// deleteAll is "delete all my data": the case file and the letters, exports and read-outs
// kincare recorded writing. It is confirmed by typing the file's name, which needs no
// passphrase, so a forgotten passphrase never traps a family's data on a computer. The
// passphrase is asked for only to read the list of saved files; without it the file is
// still removed and the message says the saved files could not be checked.
func deleteAll(path string, yes bool, env *cliEnv) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if !storage.Exists(abs) {
		fmt.Fprintf(env.stdout, "There is no case file at %s. Nothing was deleted.\n", abs)
		return nil
	}
	name := filepath.Base(abs)
	if !yes {
		if !env.stdinIsTerminal {
			return badInput("delete --all: this deletes every case in %s. Add --yes to confirm when not at a terminal.", abs)
		}
		fmt.Fprintf(env.stderr, "This deletes every case in %s, and the letters and exports kincare saved for you. It cannot be undone.\nTo confirm, type the file's name (%s): ", abs, name)
		if readLine(env) != name {
			fmt.Fprintln(env.stdout, "That was not the file's name. Nothing was deleted.")
			return nil
		}
	}
	s, why, err := openForDelete(abs, env)
	if err != nil {
		return err
	}
	if s == nil {
		if err := storage.RemoveFile(abs); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "The case file %s was deleted.\n", abs)
		fmt.Fprintf(env.stdout, "kincare could not read its list of saved letters and exports (%s). Look for any you saved (for example in a kincare-letters folder) and delete them yourself.\n", why)
		return nil
	}
	removed, kept, err := storage.RemoveWrittenFiles(s)
	if err != nil {
		s.Close()
		return err
	}
	if err := s.DeleteAll(); err != nil {
		return err
	}
	for _, p := range removed {
		fmt.Fprintf(env.stdout, "Deleted %s (saved by kincare).\n", shown(p))
	}
	for _, p := range kept {
		fmt.Fprintf(env.stdout, "Left %s: it was changed after kincare saved it, so it may no longer be kincare's. Delete it yourself if you do not need it.\n", shown(p))
	}
	if len(kept) == 0 {
		fmt.Fprintf(env.stdout, "All kincare data in %s was deleted.\n", abs)
	} else {
		fmt.Fprintf(env.stdout, "The case file %s was deleted.\n", abs)
	}
	return nil
}

// openForDelete opens the file to read its list of saved files. It returns no store, and
// why, when the list cannot be read (a forgotten passphrase, a damaged file): the file can
// still go.
func openForDelete(path string, env *cliEnv) (*storage.DB, string, error) {
	opts := storage.Options{Timeout: openTimeout}
	if p := env.getenv("KINCARE_PASSPHRASE"); p != "" {
		opts.Passphrase = []byte(p)
	}
	s, err := storage.Open(path, opts)
	if errors.Is(err, storage.ErrNeedPassphrase) && opts.Passphrase == nil && env.stdinIsTerminal && env.readSecret != nil {
		p, perr := askSecret(env, "Passphrase, to find the letters and exports kincare saved (press Enter if you have forgotten it): ")
		if perr != nil {
			return nil, "", perr
		}
		if len(p) > 0 {
			opts.Passphrase = p
			s, err = storage.Open(path, opts)
			clear(p)
		}
	}
	switch {
	case err == nil:
		return s, "", nil
	case errors.Is(err, storage.ErrLocked), errors.Is(err, storage.ErrNotKincare):
		return nil, "", err
	case errors.Is(err, storage.ErrNeedPassphrase):
		return nil, "the file is protected and the passphrase was not given", nil
	case errors.Is(err, storage.ErrWrongPassphrase):
		return nil, "the passphrase given does not open the file", nil
	default:
		return nil, "the file is damaged", nil
	}
}
