package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

const draftUsage = "usage: kincare draft --answers FILE|- --request ID [--details FILE] [--as-of YYYY-MM-DD] --format txt|md|html|pdf --out PATH|- [--force]"

func runDraft(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("draft", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	answers := fs.String("answers", "", "answers file, or - for standard input")
	request := fs.String("request", "", "the letter to draft (a request id)")
	detailsPath := fs.String("details", "", "people's names and addresses (JSON)")
	asOf := fs.String("as-of", "", "evaluate the rules as at this date (YYYY-MM-DD)")
	format := fs.String("format", "", "txt, md, html or pdf")
	out := fs.String("out", "", "output file, or - for standard output")
	force := fs.Bool("force", false, "replace an existing output file")
	if err := fs.Parse(args); err != nil {
		return badInput("draft: %v\n%s", err, draftUsage)
	}
	if fs.NArg() > 0 {
		return badInput("draft: unexpected argument %q\n%s", fs.Arg(0), draftUsage)
	}
	if *request == "" {
		return badInput("draft: --request ID is required; allowed ids are %s", strings.Join(entitlements.RequestIDs, ", "))
	}
	if !letters.KnownRequest(*request) {
		return badInput("draft: --request: unknown request id %q; allowed ids are %s", *request, strings.Join(entitlements.RequestIDs, ", "))
	}
	okFormat := false
	for _, f := range letters.Formats {
		okFormat = okFormat || f == *format
	}
	if !okFormat {
		return badInput("draft: --format: %q is not allowed; allowed values are %s", *format, strings.Join(letters.Formats, ", "))
	}
	if *out == "" {
		return badInput("draft: --out PATH is required (use - for standard output)")
	}
	if *answers == "-" && *detailsPath == "-" {
		return badInput("draft: only one of --answers and --details can read standard input")
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	if in.Family != nil {
		return badInput("draft: %s holds a family (household and children); a letter is drafted from one child's answers, so give a file of that child's answers", displayName(*answers))
	}
	var details entitlements.Details
	if *detailsPath != "" {
		data, err := readInput(*detailsPath, env.stdin, entitlements.MaxDetailsFileBytes, "the details file")
		if err != nil {
			return err
		}
		if details, err = entitlements.ParseDetails(data); err != nil {
			return badInput("%s: %v", displayName(*detailsPath), err)
		}
	}
	if *out != "-" && !*force {
		if _, err := os.Lstat(*out); err == nil {
			return badInput("draft: %s already exists; use --force to replace it", *out)
		}
	}
	l, err := letters.Draft(letters.Input{RequestID: *request, Answers: in.Answers, Details: details, AsOf: d, Today: today()})
	var no *letters.ErrNotOffered
	if errors.As(err, &no) {
		return badInput("draft: the letter %q is not offered for these answers (as at %s): %s", no.RequestID, d, no.Reason)
	}
	if err != nil {
		return err
	}
	data, warnings, err := letters.Export(l, *format)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(env.stderr, "kincare: warning: "+w)
	}
	if *out == "-" {
		if _, err := env.stdout.Write(data); err != nil {
			return err
		}
	} else if err := writePrivate(*out, data, *force); err != nil {
		return err
	}
	if len(l.Gaps) > 0 {
		fmt.Fprintln(env.stderr, "Fill these in before sending:")
		for _, g := range l.Gaps {
			fmt.Fprintln(env.stderr, "  - ["+g+"]")
		}
	}
	if *out != "-" {
		fmt.Fprintf(env.stderr, "Wrote %s. Ask for a reply by %s.\n", *out, l.ReplyDue)
	}
	return nil
}

// writePrivate writes the letter readable only by its owner, through a new temporary file
// (never through a link or a planted file), never replacing an existing file unless force
// is set.
func writePrivate(path string, data []byte, force bool) error {
	err := storage.WriteFile(path, data, force)
	if errors.Is(err, storage.ErrFileExists) {
		return badInput("draft: %s already exists; use --force to replace it", path)
	}
	return err
}
