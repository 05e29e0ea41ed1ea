package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"kincare/storage"
)

func runCases(args []string, env *cliEnv) error {
	fs, db := newFlags("cases")
	search := fs.String("search", "", "only cases matching this name, council or label")
	if err := fs.Parse(args); err != nil {
		return badInput("cases: %v", err)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return listCases(s, *search, env)
	})
}

func listCases(s *storage.DB, search string, env *cliEnv) error {
	var list []storage.Summary
	var err error
	if search != "" {
		list, err = s.Search(search, today().String())
	} else {
		list, err = s.List(today().String())
	}
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(env.stdout, "No cases saved yet.")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLABEL\tCHILDREN\tLAST UPDATED\tOVERDUE LETTERS")
	for _, c := range list {
		over := ""
		if c.Overdue > 0 {
			over = fmt.Sprintf("%d overdue", c.Overdue)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.ID, shown(c.Label), shown(childrenColumn(c.Children)), c.Updated.Local().Format("2 Jan 2006 15:04"), over)
	}
	return tw.Flush()
}

// childrenColumn is the children's first names and ages: "Tyler (7), Ava (2), Mo".
func childrenColumn(children []storage.ChildSummary) string {
	var parts []string
	for i, ch := range children {
		name := fmt.Sprintf("child %d", i+1)
		if f := strings.Fields(ch.Name); len(f) > 0 {
			name = f[0]
		}
		if ch.Age >= 0 {
			name += " (" + strconv.Itoa(ch.Age) + ")"
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, ", ")
}
