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
