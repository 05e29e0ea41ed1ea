package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"kincare/entitlements"
	"kincare/storage"
)

func runNew(args []string, env *cliEnv) error {
	fs, db := newFlags("new")
	answers := fs.String("answers", "", "answers file (the kincare assess format)")
	label := fs.String("label", "", "a short label for the case")
	details := fs.String("details", "", "people's details file (JSON)")
	if err := fs.Parse(args); err != nil {
		return badInput("new: %v\nusage: kincare new --answers FILE [--label TEXT] [--details FILE] [--db PATH]", err)
	}
	in, d, err := readAnswers(*answers, "", env.stdin)
	if err != nil {
		return err
	}
	if in.Family != nil {
		return badInput("new: %s holds a family (household and children); a saved case holds one child for now, so save each child from a file of its own answers", displayName(*answers))
	}
	c := storage.Case{Label: entitlements.CleanText(*label)}
	if in.AsOf != nil {
		c.AsOf = d.String()
	}
	if c.Answers, err = json.Marshal(in.Answers); err != nil {
		return err
	}
	if *details != "" {
		data, err := os.ReadFile(*details)
		if err != nil {
			return badInput("cannot read the details file %s: %v", *details, err)
		}
		if c.Details, err = entitlements.ParseDetails(data); err != nil {
			return badInput("%s: %v", *details, err)
		}
	}
	if c.Label == "" {
		c.Label = defaultLabel(c.Details, in.Answers)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		if err := s.Save(&c); err != nil {
			return err
		}
		_, err := fmt.Fprintln(env.stdout, c.ID)
		return err
	})
}

// defaultLabel names a case by the child's first name and the council, when given.
func defaultLabel(d entitlements.Details, a entitlements.Answers) string {
	var parts []string
	if d.Child != nil && d.Child.Name != "" {
		parts = append(parts, strings.Fields(d.Child.Name)[0])
	} else if d.Carer != nil && d.Carer.Name != "" {
		parts = append(parts, d.Carer.Name)
	}
	if c := a.Value(entitlements.CouncilKey); c != "" {
		parts = append(parts, c)
	}
	if len(parts) == 0 {
		return "New case"
	}
	return strings.Join(parts, ", ")
}
