package main

import (
	"encoding/json"
	"flag"
	"io"

	"kincare/wizard"
)

// runReplay answers a complete answers file through the questions and says which were asked:
// for a family, the household's (asked once) and each child's.
func runReplay(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	answers := fs.String("answers", "", "answers file, or - for standard input")
	asOf := fs.String("as-of", "", "evaluate as at this date (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return badInput("replay: %v\nusage: kincare replay --answers FILE [--as-of YYYY-MM-DD] (one child or a family)", err)
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	if in.Family != nil {
		rep, _ := wizard.ReplayFamily(*in.Family, d)
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	rep, _ := wizard.ReplayAnswers(in.Answers, d)
	return json.NewEncoder(env.stdout).Encode(rep)
}
