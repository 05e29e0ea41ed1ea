package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"kincare/storage"
	"kincare/tui"
)

// runInterface opens the full-screen interface, or the plain line mode when asked for or when
// there is no terminal to draw on.
func runInterface(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("kincare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "the case file")
	guest := fs.Bool("guest", false, "keep nothing: a guest session")
	accessible := fs.Bool("accessible", false, "plain line mode")
	ascii := fs.Bool("ascii", false, "plain symbols")
	lockAfter := fs.Duration("lock-after", 0, "lock after this long idle (e.g. 10m)")
	if err := fs.Parse(args); err != nil {
		return badInput("%v\nusage: kincare [--db PATH] [--guest] [--accessible] [--ascii] [--lock-after 10m]", err)
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q; run kincare --help for the list", fs.Arg(0))
	}
	if *lockAfter < 0 || (*lockAfter > 0 && *lockAfter < time.Second) {
		return badInput("--lock-after: %v is too short; give a time such as 10m", *lockAfter)
	}
	path := *db
	if path == "" {
		path = env.getenv("KINCARE_DB")
	}
	if path == "" && !*guest {
		p, err := storage.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	plain := *accessible || env.getenv("ACCESSIBLE") != "" || env.getenv("TERM") == "dumb" ||
		!env.stdinIsTerminal || !env.stdoutIsTerminal
	if plain {
		return runAccessible(path, *guest, env)
	}
	out, err := tui.Run(tui.Options{
		DBPath: path, Guest: *guest, ASCII: *ascii, LockAfter: *lockAfter,
		NoColor: env.getenv("NO_COLOR") != "", In: env.stdin, Out: env.stdout, Getenv: env.getenv,
	})
	if err != nil {
		var se *storage.Error
		if errors.As(err, &se) {
			return err
		}
		fmt.Fprintf(env.stderr, "kincare: the full-screen interface could not start (%v); using the plain line mode.\n", err)
		return runAccessible(path, *guest, env)
	}
	if out != "" {
		_, err = io.WriteString(env.stdout, out)
	}
	return err
}

func runAccessible(path string, guest bool, env *cliEnv) error {
	var st storage.Store
	if guest {
		st = storage.NewMemory()
	} else if path != "" {
		// openStore asks for the passphrase of a protected file without echoing it (or reads
		// KINCARE_PASSPHRASE), so a screen reader user can open saved cases too.
		db, err := openStore(path, env)
		switch {
		case err == nil:
			st = db
		case errors.Is(err, storage.ErrWrongPassphrase), errors.Is(err, storage.ErrLocked):
			return err
		case isProtected(path):
			fmt.Fprintln(env.stderr, "kincare: your case file is protected by a passphrase and none was given, so this session will not be saved.")
		default:
			return err
		}
	}
	if st != nil {
		defer st.Close()
	}
	return tui.RunAccessible(tui.AccessibleOptions{In: env.stdin, Out: env.stdout, Store: st, AsOf: today()})
}

func isProtected(path string) bool {
	p, err := storage.IsProtected(path)
	return err == nil && p
}
