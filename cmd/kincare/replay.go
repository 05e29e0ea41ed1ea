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
		return badInput("replay: %v\nusage: kincare replay --answers FILE [--as-of YYYY-MM-DD] (one child or a family)", err)
	}
	in, d, err := readAnswers(*answers, *asOf, env.stdin)
	if err != nil {
		return err
	}
	if in.Family != nil {
		// Each child is replayed on its merged answers; asking the household's questions once
		// comes with the family session.
		out := familyReplay{Children: make([]childReplay, len(in.Family.Children))}
		for i, c := range in.Family.Children {
			rep, _ := wizard.ReplayAnswers(in.Family.Merged(i), d)
			out.Children[i] = childReplay{Name: c.Name, Replay: rep}
		}
		return json.NewEncoder(env.stdout).Encode(out)
	}
	rep, _ := wizard.ReplayAnswers(in.Answers, d)
	return json.NewEncoder(env.stdout).Encode(rep)
}

// familyReplay is the replay of a family file: each child's questions, in the family's order.
type familyReplay struct {
	Children []childReplay `json:"children"`
}

type childReplay struct {
	Name string `json:"name"`
	wizard.Replay
}
