package main

import (
	"encoding/json"
	"flag"
	"io"

	"kincare/entitlements"
)

const assessUsage = "usage: kincare assess --answers FILE|- [--as-of YYYY-MM-DD] [--format json|text|full]"

func runAssess(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	answers := fs.String("answers", "", "answers file, or - for standard input")
	asOf := fs.String("as-of", "", "evaluate as at this date (YYYY-MM-DD)")
	format := fs.String("format", "", "json, text (the short read-out) or full (every outcome); default: json when not a terminal")
	if err := fs.Parse(args); err != nil {
		return badInput("assess: %v\n%s", err, assessUsage)
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
	if f != "json" && f != "text" && f != "full" {
		return badInput("--format: %q is not allowed; allowed values are json, text, full", f)
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	if in.Family != nil {
		rep := entitlements.AssessFamily(*in.Family, d).Report()
		switch f {
		case "text":
			return writeText(env.stdout, entitlements.FamilyReadOut(rep))
		case "full":
			return writeText(env.stdout, entitlements.FamilyFullText(rep))
		}
		return writeJSON(env.stdout, rep)
	}
	rep := entitlements.Assess(in.Answers, d).Report()
	switch f {
	case "text":
		return writeText(env.stdout, entitlements.ReadOut(rep))
	case "full":
		return writeText(env.stdout, entitlements.FullText(rep))
	}
	return writeJSON(env.stdout, rep)
}

func writeText(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// writeJSON writes v indented, without escaping <, > and & (the words contain them).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
