package main

import (
	"errors"
	"fmt"
	"os"

	"kincare/storage"
)

func runExport(args []string, env *cliEnv) error {
	fs, db := newFlags("export")
	id := fs.String("case", "", "only this case")
	out := fs.String("out", "", "the file to write")
	force := fs.Bool("force", false, "replace the file if it exists")
	if err := fs.Parse(args); err != nil {
		return badInput("export: %v", err)
	}
	if *out == "" {
		return badInput("export: --out FILE is required")
	}
	if _, err := os.Lstat(*out); err == nil && !*force {
		return badInput("export: %s already exists; use --force to replace it", *out)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return exportCases(s, *id, *out, *force, env)
	})
}

func exportCases(s *storage.DB, id, out string, force bool, env *cliEnv) error {
	var err error
	var pass []byte
	if s.Protected() {
		// The export is sealed with the same passphrase as the case file.
		if pass, err = passphrase(env, "Passphrase to protect the export: "); err != nil {
			return err
		}
	}
	var data []byte
	if id != "" {
		c, err := s.Get(id)
		if err != nil {
			return err
		}
		data, err = storage.Export([]storage.Case{c}, pass)
		if err != nil {
			return err
		}
	} else if data, err = storage.ExportAll(s, pass); err != nil {
		return err
	}
	// Recorded in the case file, so "delete --all" can find and remove the export too.
	if err := storage.WriteRecorded(s, out, data, force); err != nil {
		if errors.Is(err, storage.ErrFileExists) {
			return badInput("export: %s already exists; use --force to replace it", out)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "Exported to %s.\n", out)
	return nil
}
