package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"kincare/entitlements"
)

// usageError is bad input: exit status 2, a message on standard error, nothing on standard output.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func badInput(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// readAnswers reads an answers file ("-" is standard input) and settles the date.
func readAnswers(path, asOfFlag string, stdin io.Reader) (entitlements.Input, entitlements.Date, error) {
	if path == "" {
		return entitlements.Input{}, entitlements.Date{}, badInput("--answers FILE is required (use - for standard input)")
	}
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return entitlements.Input{}, entitlements.Date{}, badInput("cannot read the answers file %s: %v", path, err)
	}
	in, err := entitlements.ParseInput(data)
	if err != nil {
		return entitlements.Input{}, entitlements.Date{}, badInput("%s: %v", displayName(path), err)
	}
	asOf, err := resolveAsOf(asOfFlag, in.AsOf)
	if err != nil {
		return entitlements.Input{}, entitlements.Date{}, err
	}
	return in, asOf, nil
}

func displayName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// resolveAsOf: --as-of wins over the file's as_of, and the default is today.
func resolveAsOf(flagValue string, fromFile *entitlements.Date) (entitlements.Date, error) {
	if flagValue != "" {
		d, err := entitlements.ParseDate(flagValue)
		if err != nil {
			return entitlements.Date{}, badInput("--as-of: %v", err)
		}
		return d, nil
	}
	if fromFile != nil {
		return *fromFile, nil
	}
	return today(), nil
}

func today() entitlements.Date {
	n := time.Now()
	return entitlements.DateOf(n.Year(), n.Month(), n.Day())
}

func runAssess(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	answers := fs.String("answers", "", "answers file, or - for standard input")
	asOf := fs.String("as-of", "", "evaluate as at this date (YYYY-MM-DD)")
	format := fs.String("format", "", "json or text (default: json when not a terminal)")
	if err := fs.Parse(args); err != nil {
		return badInput("assess: %v\nusage: kincare assess --answers FILE|- [--as-of YYYY-MM-DD] [--format json|text]", err)
	}
	if fs.NArg() > 0 {
		return badInput("assess: unexpected argument %q", fs.Arg(0))
	}
	f := *format
	if f == "" {
		f = "json"
		if env.stdoutIsTerminal {
			f = "text"
		}
	}
	if f != "json" && f != "text" {
		return badInput("--format: %q is not allowed; allowed values are json, text", f)
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	rep := entitlements.Assess(in.Answers, d).Report()
	if f == "text" {
		_, err = io.WriteString(env.stdout, entitlements.ReadOut(rep))
		return err
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
