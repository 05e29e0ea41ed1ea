package main

import (
	"errors"
	"fmt"

	"kincare/storage"
)

func runDelete(args []string, env *cliEnv) error {
	fs, db := newFlags("delete")
	id := fs.String("case", "", "the case to delete")
	all := fs.Bool("all", false, "delete all my data: the case file, its backups and temporary files")
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
		if !*yes {
			ok, err := confirm(env, fmt.Sprintf("Delete ALL cases and the file %s? This cannot be undone.", path))
			if err != nil || !ok {
				if err == nil {
					fmt.Fprintln(env.stdout, "Nothing was deleted.")
				}
				return err
			}
		}
		s, err := openStore(path, env)
		if err != nil {
			if errors.Is(err, storage.ErrWrongPassphrase) || errors.Is(err, storage.ErrNeedPassphrase) || errors.Is(err, storage.ErrLocked) {
				return err
			}
			// A damaged file can still be removed.
			if rerr := storage.RemoveFile(path); rerr != nil {
				return rerr
			}
			fmt.Fprintln(env.stdout, "All kincare data in "+path+" was deleted.")
			return nil
		}
		if err := s.DeleteAll(); err != nil {
			return err
		}
		fmt.Fprintln(env.stdout, "All kincare data in "+path+" was deleted.")
		return nil
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
