package main

import (
	"encoding/json"
	"fmt"
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
	c := storage.Case{Label: entitlements.CleanText(*label)}
	if in.AsOf != nil {
		c.AsOf = d.String()
	}
	if *details != "" {
		data, err := readInput(*details, env.stdin, entitlements.MaxDetailsFileBytes, "the details file")
		if err != nil {
			return err
		}
		if c.Details, err = entitlements.ParseDetails(data); err != nil {
			return badInput("%s: %v", *details, err)
		}
	}
	// The family form keeps the household and each child; one child's answers become a
	// family of one, named as the details name the child.
	if in.Family != nil {
		if err := c.SetFamily(*in.Family); err != nil {
			return badInput("%s: %v", displayName(*answers), err)
		}
	} else {
		raw, err := json.Marshal(in.Answers)
		if err != nil {
			return err
		}
		if err := c.SetMergedAnswers(0, raw); err != nil {
			return badInput("%s: %v", displayName(*answers), err)
		}
		if c.Details.Child != nil {
			c.Children[0].Name = c.Details.Child.Name
		}
	}
	if c.Label == "" {
		c.Label = defaultLabel(c)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		if err := s.Save(&c); err != nil {
			return err
		}
		_, err := fmt.Fprintln(env.stdout, c.ID)
		return err
	})
}

// defaultLabel names a case by the children's first names and the council, when given.
func defaultLabel(c storage.Case) string {
	var parts []string
	var names []string
	for _, ch := range c.Children {
		if f := strings.Fields(ch.Name); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	d := c.Details
	switch {
	case len(names) > 0:
		parts = append(parts, strings.Join(names, ", "))
	case d.Child != nil && d.Child.Name != "":
		parts = append(parts, strings.Fields(d.Child.Name)[0])
	case d.Carer != nil && d.Carer.Name != "":
		parts = append(parts, d.Carer.Name)
	}
	var house struct {
		Council string `json:"council"`
	}
	_ = json.Unmarshal(c.MergedAnswers(0), &house)
	if house.Council != "" {
		parts = append(parts, entitlements.CleanText(house.Council))
	}
	if len(parts) == 0 {
		return "New case"
	}
	return strings.Join(parts, ", ")
}
