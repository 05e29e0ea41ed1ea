package main

import (
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
	data, err := readInput(path, stdin, entitlements.MaxAnswersFileBytes, "the answers file")
	if err != nil {
		return entitlements.Input{}, entitlements.Date{}, err
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

// readInput reads a file ("-" is standard input), refusing anything larger than limit
// after reading at most one byte more: /dev/zero or a wrong file never fills the memory.
func readInput(path string, stdin io.Reader, limit int, what string) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, badInput("cannot read %s %s: %v", what, path, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, badInput("cannot read %s %s: %v", what, displayName(path), err)
	}
	if len(data) > limit {
		size := fmt.Sprintf("%d KB", limit>>10)
		if limit >= 1<<20 {
			size = fmt.Sprintf("%d MB", limit>>20)
		}
		return nil, badInput("%s: %s is too large; kincare reads at most %s. Check it is the right file", displayName(path), what, size)
	}
	return data, nil
}
