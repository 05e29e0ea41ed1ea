package main

import (
	"fmt"
	"strings"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// Escalation from scripts: a complaint drafted from the case's tracking names the council's
// letters that were refused or went unanswered, each with the dates recorded for it.

// letterName is what a letter is for, in words a carer knows ("Ask the Virtual School for
// education advice"), falling back to its id for a letter no longer known.
func letterName(id string) string {
	if t := letters.Title(id); t != "" {
		return t
	}
	return id
}

// complaintEarlier fills a complaint's Earlier from tracking: the letters to the council about
// child i (or the whole family) that were refused or are late on t; with about set, only that
// letter. A complaint with no such letter is refused with a message that says what to do.
func complaintEarlier(c storage.Case, i int, about string, t entitlements.Date) ([]letters.Sent, error) {
	childID := ""
	if i >= 0 && i < len(c.Children) {
		childID = c.Children[i].ID
	}
	var earlier []letters.Sent
	for _, r := range c.ComplaintGrounds(t, childID) {
		if about != "" && r.ID != about {
			continue
		}
		earlier = append(earlier, r.Earlier(subjectOf(c, r))...)
	}
	if len(earlier) > 0 {
		return earlier, nil
	}
	if about != "" {
		return nil, badInput("%q is not a letter to the council that was refused or has a late reply on %s, so a complaint cannot name it yet", letterName(about), t.Long())
	}
	return nil, badInput("a complaint is the next step once a letter to the council is refused or its reply is late (after a follow-up, ideally). No letter in this case is, on %s. Mark letters as sent, followed up or refused with kincare requests sent, follow-up and replied --refused", t.Long())
}

// subjectOf is the subject line of the letter r as it was sent: drafted again from the case on
// the day it was sent; the letter's title when the case no longer offers it.
func subjectOf(c storage.Case, r *storage.Request) string {
	i := 0
	if len(r.Children) > 0 {
		i = max(c.ChildIndex(r.Children[0]), 0)
	}
	sent, err := entitlements.ParseDate(r.SentOn)
	if err != nil || len(c.Children) == 0 {
		return letterName(r.ID)
	}
	in, err := letterInput(c, i, r.ID, sent)
	if err != nil {
		return letterName(r.ID)
	}
	l, err := letters.Draft(in)
	if err != nil || strings.TrimSpace(l.Subject) == "" {
		return letterName(r.ID)
	}
	return l.Subject
}

// stepAdvice is what to do next about a letter, in plain words, with the command that does it.
func stepAdvice(step storage.Step, c storage.Case, r *storage.Request) string {
	cmd := func(sub string) string {
		return fmt.Sprintf("kincare requests %s --case %s --request %s", sub, c.ID, r.ID)
	}
	switch step {
	case storage.StepFollowUp:
		if r.ID == letters.ComplaintStage1 {
			return "ask for stage 2 of the complaint (" + cmd("follow-up") + ")"
		}
		return "write a follow-up (" + cmd("follow-up") + ")"
	case storage.StepSendFollowUp:
		return "send the follow-up, then record it (" + cmd("sent --follow-up") + " --on DATE --how post)"
	case storage.StepComplain:
		return fmt.Sprintf("make a complaint (kincare requests draft --case %s --request %s --about %s)", c.ID, letters.ComplaintStage1, r.ID)
	case storage.StepOmbudsman:
		return "ask for a stage 3 review panel, or go to the Local Government and Social Care Ombudsman"
	case storage.StepAdvice:
		return "ask an adviser what to do next"
	}
	return ""
}
