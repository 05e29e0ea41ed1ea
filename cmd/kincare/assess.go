package main

import (
	"encoding/json"
	"flag"
	"io"

	"kincare/entitlements"
)

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
