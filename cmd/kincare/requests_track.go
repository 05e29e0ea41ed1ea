package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// trackFlags are the flags every tracking command takes.
type trackFlags struct {
	db, caseID, request, today *string
}

func parseTrack(name string, args []string, extra func(fs *flag.FlagSet)) (trackFlags, entitlements.Date, error) {
	fs, db := newFlags("requests " + name)
	tf := trackFlags{db: db,
		caseID:  fs.String("case", "", "the case (its id, from kincare cases)"),
		request: fs.String("request", "", "the letter (a request id)"),
		today:   fs.String("today", "", "take this date as today (YYYY-MM-DD), for scripts"),
	}
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		return tf, entitlements.Date{}, badInput("requests %s: %v\n%s", name, err, requestsUsage)
	}
	if fs.NArg() > 0 {
		return tf, entitlements.Date{}, badInput("requests %s: unexpected argument %q\n%s", name, fs.Arg(0), requestsUsage)
	}
	if *tf.caseID == "" || *tf.request == "" {
		return tf, entitlements.Date{}, badInput("requests %s: --case ID and --request ID are required\n%s", name, requestsUsage)
	}
	t, err := todayOr(*tf.today)
	return tf, t, err
}

// sentDate reads --on: a date, not after today.
func sentDate(flag, value string, t entitlements.Date) (entitlements.Date, error) {
	if value == "" {
		return entitlements.Date{}, badInput("%s DATE is required (YYYY-MM-DD)", flag)
	}
	d, err := entitlements.ParseDate(value)
	if err != nil {
		return entitlements.Date{}, badInput("%s: %v", flag, err)
	}
	if d.After(t) {
		return entitlements.Date{}, badInput("%s: %s is in the future", flag, d.Long())
	}
	return d, nil
}

// withRequest opens the case, finds (or, when create is set, starts) its request, runs fn,
// and saves the case when fn succeeds. A case or letter that is not there is bad input.
func withRequest(tf trackFlags, env *cliEnv, create bool, fn func(c *storage.Case, r *storage.Request) error) error {
	return withStore(*tf.db, env, func(s *storage.DB) error {
		c, err := s.Get(*tf.caseID)
		if errors.Is(err, storage.ErrNotFound) {
			return badInput("there is no case %q here; kincare cases lists them", *tf.caseID)
		}
		if err != nil {
			return err
		}
		var r *storage.Request
		for i := range c.Requests {
			if c.Requests[i].ID == *tf.request {
				r = &c.Requests[i]
			}
		}
		if r == nil {
			if !create {
				return badInput("the case %q has no letter %q yet; draft it first (kincare requests draft)", c.Label, *tf.request)
			}
			c.Requests = append(c.Requests, storage.Request{ID: *tf.request, Status: storage.StatusDrafted})
			r = &c.Requests[len(c.Requests)-1]
		}
		if err := fn(&c, r); err != nil {
			var se *storage.Error
			if errors.As(err, &se) && errors.Is(err, storage.ErrInvalid) {
				return badInput("%s", se.Msg)
			}
			return err
		}
		return s.Save(&c)
	})
}

// runRequestDraft writes a letter from the case and keeps it as the letter's newest version.
func runRequestDraft(args []string, env *cliEnv) error {
	var child *string
	tf, t, err := parseTrack("draft", args, func(fs *flag.FlagSet) {
		child = fs.String("child", "", "the child the letter is about (name or id); needed when the family has several")
	})
	if err != nil {
		return err
	}
	if !letters.KnownRequest(*tf.request) {
		return badInput("requests draft: unknown request id %q; allowed ids are %s", *tf.request, strings.Join(entitlements.RequestIDs, ", "))
	}
	return withRequest(tf, env, true, func(c *storage.Case, r *storage.Request) error {
		i, err := pickChild(*c, *child)
		if err != nil {
			return err
		}
		in, err := letterInput(*c, i, r.ID, t)
		if err != nil {
			return err
		}
		l, err := letters.Draft(in)
		if err != nil {
			var no *letters.ErrNotOffered
			if errors.As(err, &no) {
				return badInput("the letter %q is not offered for this case: %s", no.RequestID, no.Reason)
			}
			return badInput("%v", err)
		}
		r.Children = []string{c.Children[i].ID}
		r.Versions = append(r.Versions, storage.LetterVersion{At: time.Now().UTC(), Text: l.Text()})
		fmt.Fprintf(env.stdout, "Drafted %q about %s (version %d).\n", l.Title, shown(childNames(*c, r.Children)), len(r.Versions))
		return nil
	})
}

// runRequestFollowUp writes the follow-up of a letter whose reply is late.
func runRequestFollowUp(args []string, env *cliEnv) error {
	tf, t, err := parseTrack("follow-up", args, nil)
	if err != nil {
		return err
	}
	return withRequest(tf, env, false, func(c *storage.Case, r *storage.Request) error {
		switch r.NextStep(t) {
		case storage.StepFollowUp, storage.StepSendFollowUp:
		case storage.StepWait:
			return badInput("the reply to %q is not late yet: it is due by %s", r.ID, longDate(r.Due()))
		case storage.StepComplain:
			return badInput("the follow-up was sent on %s and its reply is late too: the next step is a complaint", longDate(r.Sendings()[1].SentOn))
		default:
			return badInput("a follow-up is written once a sent letter's reply is late; %q has not been marked as sent", r.ID)
		}
		i := 0
		if len(r.Children) > 0 {
			i = max(c.ChildIndex(r.Children[0]), 0)
		}
		sent, _ := entitlements.ParseDate(r.SentOn)
		first, err := letterInput(*c, i, r.ID, sent)
		if err != nil {
			return err
		}
		orig, err := letters.Draft(first)
		if err != nil {
			return badInput("%v", err)
		}
		orig.ReplyDue = r.ReplyDue
		now, _ := letterInput(*c, i, r.ID, t)
		l, err := letters.FollowUp(now, orig, sent)
		if err != nil {
			return badInput("%v", err)
		}
		r.FollowUps = append(r.FollowUps, storage.LetterVersion{At: time.Now().UTC(), Text: l.Text()})
		fmt.Fprintf(env.stdout, "Drafted the follow-up to %q, sent on %s.\n", r.ID, longDate(r.SentOn))
		return nil
	})
}

// runRequestSent marks the letter, or with --follow-up its follow-up, as sent.
func runRequestSent(args []string, env *cliEnv) error {
	var on, how *string
	var followUp *bool
	tf, t, err := parseTrack("sent", args, func(fs *flag.FlagSet) {
		on = fs.String("on", "", "the date it was sent (YYYY-MM-DD)")
		how = fs.String("how", "", "post, email or hand")
		followUp = fs.Bool("follow-up", false, "mark the follow-up as sent, not the first letter")
	})
	if err != nil {
		return err
	}
	d, err := sentDate("--on", *on, t)
	if err != nil {
		return err
	}
	if _, err := storage.SendingWay(*how); err != nil || *how == "" {
		return badInput("--how: %q is not allowed; allowed values are post, email, hand", *how)
	}
	return withRequest(tf, env, false, func(c *storage.Case, r *storage.Request) error {
		mark, what := r.MarkSent, "The letter"
		if *followUp {
			mark, what = r.MarkFollowUpSent, "The follow-up"
		}
		due, err := mark(d, *how)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s %q was sent on %s. A reply is due by %s.\n", what, r.ID, d.Long(), due.Long())
		return nil
	})
}

// runRequestReplied records the reply to a letter.
func runRequestReplied(args []string, env *cliEnv) error {
	var on *string
	tf, t, err := parseTrack("replied", args, func(fs *flag.FlagSet) {
		on = fs.String("on", "", "the date of the reply (YYYY-MM-DD)")
	})
	if err != nil {
		return err
	}
	d, err := sentDate("--on", *on, t)
	if err != nil {
		return err
	}
	return withRequest(tf, env, false, func(c *storage.Case, r *storage.Request) error {
		if err := r.MarkReplied(d); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "The reply to %q came on %s.\n", r.ID, d.Long())
		return nil
	})
}

// pickChild finds the child a letter is about: by id or first name, or the only child.
func pickChild(c storage.Case, which string) (int, error) {
	if which == "" {
		if len(c.Children) == 1 {
			return 0, nil
		}
		return 0, badInput("this family has %d children (%s); say which the letter is about with --child", len(c.Children), childNames(c, c.AllChildIDs()))
	}
	for i, ch := range c.Children {
		if ch.ID == which || strings.EqualFold(ch.Name, which) || len(strings.Fields(ch.Name)) > 0 && strings.EqualFold(strings.Fields(ch.Name)[0], which) {
			return i, nil
		}
	}
	return 0, badInput("--child: no child %q in this case (%s)", which, childNames(c, c.AllChildIDs()))
}

// letterInput is what a letter about child i of the case is drafted from: that child's
// answers with the household's, and the details with that child's name.
func letterInput(c storage.Case, i int, requestID string, on entitlements.Date) (letters.Input, error) {
	f, err := c.Family()
	if err != nil {
		return letters.Input{}, badInput("the case's answers cannot be read: %v", err)
	}
	in := letters.Input{RequestID: requestID, Details: c.Details, AsOf: on, Today: on, Answers: f.Merged(i)}
	if d, err := entitlements.ParseDate(c.AsOf); err == nil {
		in.AsOf = d
	}
	if name := c.Children[i].Name; name != "" && (c.Details.Child == nil || c.Details.Child.Name != name) {
		in.Details.Child = &entitlements.Child{Name: name}
	}
	return in, nil
}

func longDate(iso string) string {
	if d, err := entitlements.ParseDate(iso); err == nil {
		return d.Long()
	}
	return iso
}
