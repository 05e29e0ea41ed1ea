package main

import (
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

const requestsUsage = `usage:
  kincare requests [--due] [--today DATE] [--db PATH]
  kincare requests draft --case ID --request ID [--child NAME|ID] [--about ID] [--today DATE] [--db PATH]
  kincare requests sent --case ID --request ID [--follow-up] --on DATE --how post|email|hand [--today DATE] [--db PATH]
  kincare requests follow-up --case ID --request ID [--today DATE] [--db PATH]
  kincare requests replied --case ID --request ID --on DATE [--refused] [--today DATE] [--db PATH]

A complaint (--request complaint_stage_1) names, from what was recorded here, the letters to
the council that were refused or whose reply is late; --about ID names only that one.`

// requestCommands are the things a script can do to a letter of a case, by name.
var requestCommands = map[string]func(args []string, env *cliEnv) error{
	"draft":     runRequestDraft,
	"sent":      runRequestSent,
	"follow-up": runRequestFollowUp,
	"replied":   runRequestReplied,
}

// runRequests lists letters waiting for a reply across all cases, or runs one of the
// tracking commands.
func runRequests(args []string, env *cliEnv) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, ok := requestCommands[args[0]]
		if !ok {
			return badInput("requests: unknown command %q\n%s", args[0], requestsUsage)
		}
		return cmd(args[1:], env)
	}
	fs, db := newFlags("requests")
	due := fs.Bool("due", false, "only letters waiting for a reply")
	todayFlag := fs.String("today", "", "take this date as today (YYYY-MM-DD), for scripts")
	if err := fs.Parse(args); err != nil {
		return badInput("requests: %v\n%s", err, requestsUsage)
	}
	t, err := todayOr(*todayFlag)
	if err != nil {
		return err
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return listRequests(s, *due, t, env)
	})
}

// listRequests prints the letters of every case: each letter sent on its own line with its
// own dates (a follow-up apart from the letter it follows), overdue first. With due, only
// the letters waiting for a reply.
func listRequests(s *storage.DB, due bool, t entitlements.Date, env *cliEnv) error {
	list, err := s.List(t.String())
	if err != nil {
		return err
	}
	type row struct{ due, state, label, letter, children, sent, next, id, request string }
	var rows []row
	for _, sm := range list {
		if due && sm.Overdue == 0 && sm.NextDue == "" {
			continue // nothing awaited in this case: no need to read it
		}
		c, err := s.Get(sm.ID)
		if err != nil {
			return err
		}
		for i := range c.Requests {
			r := &c.Requests[i]
			if due && !r.Awaiting() {
				continue
			}
			about := childNames(c, r.Children)
			sendings := r.Sendings()
			if len(sendings) == 0 {
				rows = append(rows, row{"", "not sent yet", c.Label, letterName(r.ID), about, "", "send it", c.ID, r.ID})
			}
			for k, sd := range sendings {
				state := "due"
				switch {
				case r.RepliedOn != "" && r.Refused:
					state = "refused " + r.RepliedOn
				case r.RepliedOn != "":
					state = "replied " + r.RepliedOn
				case !sd.FollowUp && r.FollowUpSent():
					state = "followed up"
				case storage.DueLate(sd.ReplyDue, t):
					state = "OVERDUE"
				}
				letter := letterName(r.ID)
				if sd.FollowUp {
					letter += " (follow-up)"
				}
				next := ""
				if k == len(sendings)-1 { // the step belongs to the latest letter sent
					next = nextWords[r.NextStep(t)]
					switch {
					case next == "follow up" && r.ID == letters.ComplaintStage1:
						next = "ask for stage 2"
					case next == "complain" && hasComplaint(c):
						next = "see the complaint"
					}
				}
				sent := sd.SentOn
				if sd.SentHow != "" {
					sent += " by " + sd.SentHow
				}
				rows = append(rows, row{sd.ReplyDue, state, c.Label, letter, about, sent, next, c.ID, r.ID})
			}
		}
	}
	// by reply date, so the most overdue come first; letters not sent yet last
	sort.SliceStable(rows, func(i, j int) bool {
		if (rows[i].due == "") != (rows[j].due == "") {
			return rows[j].due == ""
		}
		return rows[i].due < rows[j].due
	})
	if len(rows) == 0 && due {
		fmt.Fprintln(env.stdout, "No letters are waiting for a reply.")
		return nil
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.stdout, "No letters have been written yet.")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REPLY DUE\tSTATE\tCASE\tLETTER\tABOUT\tSENT\tNEXT\tCASE ID\tLETTER ID")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", shown(r.due), shown(r.state), shown(r.label), shown(r.letter), shown(r.children), shown(r.sent), orDash(r.next), shown(r.id), shown(r.request))
	}
	return tw.Flush()
}

// nextWords are the next steps in a few words, for the list (stepAdvice says them in full).
var nextWords = map[storage.Step]string{
	storage.StepSend:         "send it",
	storage.StepWait:         "wait",
	storage.StepFollowUp:     "follow up",
	storage.StepSendFollowUp: "send follow-up",
	storage.StepComplain:     "complain",
	storage.StepOmbudsman:    "Ombudsman",
	storage.StepAdvice:       "get advice",
}

// hasComplaint says whether the case already has a complaint written.
func hasComplaint(c storage.Case) bool {
	for _, r := range c.Requests {
		if r.ID == letters.ComplaintStage1 && len(r.Versions) > 0 {
			return true
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// childNames are the first names of the children a letter is about ("all" when it names none).
func childNames(c storage.Case, ids []string) string {
	if len(ids) == 0 {
		return "all"
	}
	var names []string
	for _, id := range ids {
		i := c.ChildIndex(id)
		switch {
		case i < 0:
			names = append(names, "a child no longer in the case")
		case len(strings.Fields(c.Children[i].Name)) == 0:
			names = append(names, fmt.Sprintf("child %d", i+1))
		default:
			names = append(names, strings.Fields(c.Children[i].Name)[0])
		}
	}
	return strings.Join(names, ", ")
}

// todayOr is --today when given (exit 2 if it is not a date), else the real today.
func todayOr(flagValue string) (entitlements.Date, error) {
	if flagValue == "" {
		return today(), nil
	}
	d, err := entitlements.ParseDate(flagValue)
	if err != nil {
		return entitlements.Date{}, badInput("--today: %v", err)
	}
	return d, nil
}
