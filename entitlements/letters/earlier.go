package letters

import "strings"

// earlierAccount tells a complaint's story from the letters already sent (oldest first, each
// follow-up after the letter it follows): what was asked and when, what happened, and the
// dates of the letters to enclose. Dates are written in words ("18 December 2026").
func earlierAccount(sent []Sent) (asked, happened string, enclosed []string) {
	var askedParts, happenedParts []string
	for i := 0; i < len(sent); {
		first := sent[i]
		j := i + 1
		for j < len(sent) && sent[j].FollowUp {
			j++
		}
		followUps := sent[i+1 : j]
		s := "I wrote on " + first.SentOn.Long() + ` about "` + safe(first.Subject) + `"`
		if first.FollowUp { // a follow-up whose letter is not in the list
			s = "I wrote on " + first.SentOn.Long()
		}
		askedParts = append(askedParts, withDue(s, first, "The reply")+".")
		enclosed = append(enclosed, first.SentOn.Long())
		for _, f := range followUps {
			askedParts = append(askedParts, withDue("I wrote again on "+f.SentOn.Long(), f, "That reply")+".")
			enclosed = append(enclosed, f.SentOn.Long())
		}
		happenedParts = append(happenedParts, outcome(first, followUps, len(sent) > j || i > 0))
		i = j
	}
	return strings.Join(askedParts, " "), strings.Join(happenedParts, " "), enclosed
}

// withDue adds the reply date tracking worked out. It may allow for post, so it can be later
// than the date the letter printed: "was due by" is true of both.
func withDue(s string, e Sent, which string) string {
	if !e.Due.IsZero() {
		s += ". " + which + " was due by " + e.Due.Long()
	}
	return s
}

// outcome says what came of one request: refused on a date, or no reply to the letter and its
// follow-ups. Where the complaint covers several requests, each is named by its subject.
func outcome(first Sent, followUps []Sent, several bool) string {
	about := ""
	if several {
		about = ` about "` + safe(first.Subject) + `"`
	}
	if !first.Refused.IsZero() {
		return "On " + first.Refused.Long() + " the council refused my request" + about + "."
	}
	s := "I have not had a reply to my letter of " + first.SentOn.Long() + about
	for k, f := range followUps {
		if k == 0 {
			s += " or to my follow-up of " + f.SentOn.Long()
		} else {
			s += " or " + f.SentOn.Long()
		}
	}
	return s + "."
}
