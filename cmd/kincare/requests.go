package main

import (
	"fmt"
	"sort"
	"text/tabwriter"

	"kincare/storage"
)

// runRequests lists letters waiting for a reply across all cases: overdue first.
func runRequests(args []string, env *cliEnv) error {
	fs, db := newFlags("requests")
	due := fs.Bool("due", false, "only letters due for a reply within a week, or overdue")
	if err := fs.Parse(args); err != nil {
		return badInput("requests: %v", err)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return listRequests(s, *due, env)
	})
}

func listRequests(s *storage.DB, due bool, env *cliEnv) error {
	list, err := s.List(today().String())
	if err != nil {
		return err
	}
	t := today()
	soon := t.AddDays(7).String()
	type row struct{ due, label, id, req, state string }
	var rows []row
	for _, sm := range list {
		c, err := s.Get(sm.ID)
		if err != nil {
			return err
		}
		for _, r := range c.Requests {
			if r.Status != storage.StatusSent || r.ReplyDue == "" {
				continue
			}
			state := "due " + r.ReplyDue
			if r.ReplyDue < t.String() {
				state = "OVERDUE since " + r.ReplyDue
			}
			if due && r.ReplyDue > soon {
				continue
			}
			rows = append(rows, row{r.ReplyDue, c.Label, c.ID, r.ID, state})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].due < rows[j].due })
	if len(rows) == 0 {
		fmt.Fprintln(env.stdout, "No letters are waiting for a reply.")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REPLY\tCASE\tLETTER\tCASE ID")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.state, r.label, r.req, r.id)
	}
	return tw.Flush()
}
