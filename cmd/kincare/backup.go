package main

import (
	"errors"
	"fmt"
	"os"

	"kincare/storage"
)

// runBackup writes every case to an encrypted export: a copy to keep somewhere else (a USB
// stick) in case this computer or the case file is lost. It is always sealed with a
// passphrase, even when the case file has none, because a backup is the copy most likely
// to be left somewhere. "kincare import FILE" brings it back.
func runBackup(args []string, env *cliEnv) error {
	fs, db := newFlags("backup")
	out := fs.String("out", "", "the backup file to write")
	force := fs.Bool("force", false, "replace the file if it exists")
	if err := fs.Parse(args); err != nil {
		return badInput("backup: %v\nusage: kincare backup --out FILE [--force] [--db PATH]", err)
	}
	if *out == "" {
		return badInput("backup: --out FILE is required, for example --out /media/usb/kincare-backup.json")
	}
	if _, err := os.Lstat(*out); err == nil && !*force {
		return badInput("backup: %s already exists; use --force to replace it", *out)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		pass, err := backupPassphrase(env)
		if err != nil {
			return err
		}
		defer clear(pass)
		data, err := storage.ExportAll(s, pass)
		if err != nil {
			return err
		}
		if err := storage.WriteRecorded(s, *out, data, *force); err != nil {
			if errors.Is(err, storage.ErrFileExists) {
				return badInput("backup: %s already exists; use --force to replace it", *out)
			}
			return err
		}
		fmt.Fprintf(env.stdout, "Backed up every case to %s, sealed with the passphrase. To bring them back: kincare import %s\n", *out, *out)
		return nil
	})
}

// backupPassphrase is KINCARE_BACKUP_PASSPHRASE, else KINCARE_PASSPHRASE, else typed twice.
func backupPassphrase(env *cliEnv) ([]byte, error) {
	for _, name := range []string{"KINCARE_BACKUP_PASSPHRASE", "KINCARE_PASSPHRASE"} {
		if p := env.getenv(name); p != "" {
			if err := storage.CheckPassphrase([]byte(p)); err != nil {
				return nil, badInput("%s: %v", name, err)
			}
			return []byte(p), nil
		}
	}
	if !env.stdinIsTerminal {
		return nil, badInput("backup: a backup is always sealed with a passphrase: set KINCARE_BACKUP_PASSPHRASE, or run this in a terminal to type one")
	}
	fmt.Fprintln(env.stderr, "The backup is sealed with a passphrase. You will need it to bring the cases back.")
	return newPassphrase(env)
}
