package main

import (
	"encoding/json"
	"flag"
	"io"

	"kincare/wizard"
)

// runReplay answers a complete answers file through the wizard and says which questions it asked.
func runReplay(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	answers := fs.String("answers", "", "answers file, or - for standard input")
	asOf := fs.String("as-of", "", "evaluate as at this date (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return badInput("replay: %v\nusage: kincare replay --answers FILE [--as-of YYYY-MM-DD]", err)
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	rep, _ := wizard.ReplayAnswers(in.Answers, d)
	enc := json.NewEncoder(env.stdout)
	return enc.Encode(rep)
}
