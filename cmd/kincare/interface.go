package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"kincare/storage"
	"kincare/tui"
)

// interfaceOptions are what the interface's flags set.
type interfaceOptions struct {
	db         string
	guest      bool
	accessible bool
	ascii      bool
	lockAfter  time.Duration
}

// interfaceFlags is the one table of the interface's flags: it parses them and writes their
// lines in --help, so the two cannot drift apart.
func interfaceFlags(o *interfaceOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("kincare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.db, "db", "", "the case file to use (default: KINCARE_DB, else kincare.db in your data folder)")
	fs.BoolVar(&o.guest, "guest", false, "a guest session: nothing is kept on this computer, and nothing can be saved")
	fs.BoolVar(&o.accessible, "accessible", false, "plain line mode for a screen reader or braille display: numbered questions, plain sentences, no colours or redraws (used too when ACCESSIBLE is set, TERM is dumb, or input or output is not a terminal)")
	fs.BoolVar(&o.ascii, "ascii", false, "plain symbols instead of box-drawing characters and ticks")
	fs.DurationVar(&o.lockAfter, "lock-after", 0, "lock after this long with no key pressed, for example 10m: a guest session ends, a protected file asks for its passphrase")
	return fs
}

// interfaceHelp is the --help text for the interface's flags, from the flag table.
func interfaceHelp() string {
	var b strings.Builder
	fs := interfaceFlags(&interfaceOptions{})
	fs.VisitAll(func(f *flag.Flag) {
		arg := ""
		switch f.Name {
		case "db":
			arg = " PATH"
		case "lock-after":
			arg = " TIME"
		}
		fmt.Fprintf(&b, "  --%-16s %s\n", f.Name+arg, strings.Join(wrapWords(f.Usage, 60), "\n"+strings.Repeat(" ", 21)))
	})
	b.WriteString("\nQuick exit: ctrl+q or ctrl+c in the full screen; !q at any prompt, or ctrl+c, in the line mode.\n")
	b.WriteString("It clears the screen and the terminal's scrollback. Without --guest, saved cases stay in the case file.\n")
	b.WriteString("\nSettings read from the environment: KINCARE_DB (the case file), KINCARE_PASSPHRASE (its passphrase,\n")
	b.WriteString("for scripts), ACCESSIBLE (the line mode), NO_COLOR (no colours).\n")
	return b.String()
}

// wrapWords breaks text into lines of at most width characters, between words.
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// runInterface opens the full-screen interface, or the plain line mode when asked for or when
// there is no terminal to draw on.
func runInterface(args []string, env *cliEnv) error {
	var o interfaceOptions
	fs := interfaceFlags(&o)
	if err := fs.Parse(args); err != nil {
		return badInput("%v\nusage: kincare [--db PATH] [--guest] [--accessible] [--ascii] [--lock-after 10m]; kincare --help says what each does", err)
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q; run kincare --help for the list", fs.Arg(0))
	}
	if o.lockAfter < 0 || (o.lockAfter > 0 && o.lockAfter < time.Second) {
		return badInput("--lock-after: %v is too short; give a time such as 10m", o.lockAfter)
	}
	path := o.db
	if path == "" {
		path = env.getenv("KINCARE_DB")
	}
	if path == "" && !o.guest {
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
	plain := o.accessible || env.getenv("ACCESSIBLE") != "" || env.getenv("TERM") == "dumb" ||
		!env.stdinIsTerminal || !env.stdoutIsTerminal
	if plain {
		return runAccessible(path, o, env)
	}
	out, err := tui.Run(tui.Options{
		DBPath: path, Guest: o.guest, ASCII: o.ascii, LockAfter: o.lockAfter,
		NoColor: env.getenv("NO_COLOR") != "", In: env.stdin, Out: env.stdout, Getenv: env.getenv,
	})
	if err != nil {
		var se *storage.Error
		if errors.As(err, &se) {
			return err
		}
		fmt.Fprintf(env.stderr, "kincare: the full-screen interface could not start (%v); using the plain line mode.\n", err)
		return runAccessible(path, o, env)
	}
	if out != "" {
		_, err = io.WriteString(env.stdout, out)
	}
	return err
}

// runAccessible runs the line mode. It opens no file itself: the line mode opens an existing
// case file (asking for its passphrase) and makes a new one only when the person saves.
func runAccessible(path string, o interfaceOptions, env *cliEnv) error {
	if w := storage.NetworkDriveWarning(path); path != "" && !o.guest && w != "" {
		fmt.Fprintln(env.stderr, "kincare: "+w)
	}
	opts := tui.AccessibleOptions{In: env.stdin, Out: env.stdout, DBPath: path, Guest: o.guest, AsOf: today(),
		LockAfter: o.lockAfter, Terminal: env.stdoutIsTerminal, Passphrase: env.getenv("KINCARE_PASSPHRASE")}
	if env.stdinIsTerminal {
		// A passphrase typed at the terminal is not shown; ctrl+c is a quick exit, not a crash
		// that leaves the case on screen.
		opts.ReadSecret = func(prompt string) (string, error) {
			io.WriteString(env.stdout, prompt)
			p, err := term.ReadPassword(int(os.Stdin.Fd()))
			return string(p), err
		}
		intr := make(chan os.Signal, 1)
		signal.Notify(intr, os.Interrupt)
		defer signal.Stop(intr)
		opts.Interrupt = intr
	}
	return tui.RunAccessible(opts)
}
