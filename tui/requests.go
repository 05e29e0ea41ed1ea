package tui

import (
	"strings"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// requestWords names the letters by their ids, in plain words.
func requestWords(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = requestTitle(id)
	}
	return out
}

// requestTitle names a letter as the letters package does: each letter's title has one home,
// its template.
func requestTitle(id string) string {
	if t := letters.Title(id); t != "" {
		return t
	}
	return strings.ReplaceAll(entitlements.CleanText(id), "_", " ")
}

// offeredRequests are the letters the outcomes offer (not those that do not apply), in the
// spec's order, each with the outcomes that offer it.
func offeredRequests(rep entitlements.Report) (ids []string, from map[string][]string) {
	from = map[string][]string{}
	for _, o := range rep.Outcomes {
		if o.Status == entitlements.NotEligible {
			continue
		}
		for _, r := range o.Requests {
			from[r] = append(from[r], o.Title)
		}
	}
	ids = letters.Offered(rep)
	for id := range from {
		known := false
		for _, x := range ids {
			known = known || x == id
		}
		if !known {
			ids = append(ids, id)
		}
	}
	return ids, from
}

// letterRow is one line of the letters list: an offered letter, or one drafted earlier that
// the answers no longer offer (kept so its tracking is not lost).
type letterRow struct {
	id      string
	offered bool
}

func letterRows(cs *caseState) []letterRow {
	ids, _ := offeredRequests(cs.rep)
	var rows []letterRow
	seen := map[string]bool{}
	for _, id := range ids {
		if id == letters.ComplaintStage1 && len(cs.c.ComplaintGrounds(cs.today, "")) == 0 {
			// A complaint is the step after a letter to the council is refused or late.
			continue
		}
		rows = append(rows, letterRow{id: id, offered: true})
		seen[id] = true
	}
	for _, r := range cs.c.Requests {
		if !seen[r.ID] && len(r.Versions) > 0 {
			rows = append(rows, letterRow{id: r.ID})
			seen[r.ID] = true
		}
	}
	return rows
}

// overdue says whether a reply to the request is late on today.
func requestOverdue(r *storage.Request, today entitlements.Date) bool {
	return r != nil && r.Overdue(today)
}

func overdueWords(n int) string {
	if n == 1 {
		return "1 letter overdue"
	}
	return itoa(n) + " letters overdue"
}

func longDate(iso string) string {
	if d, err := entitlements.ParseDate(iso); err == nil {
		return d.Long()
	}
	return entitlements.CleanText(iso)
}

// requestState says where a letter is: not drafted, drafted, sent, overdue or replied.
func requestState(r *storage.Request, today entitlements.Date) (string, bool) {
	if r == nil || len(r.Versions) == 0 {
		return "not drafted yet", false
	}
	switch r.Status {
	case storage.StatusSent:
		s := "sent on " + longDate(r.SentOn)
		switch how := entitlements.CleanText(r.SentHow); {
		case how == "" || how == "other":
		case strings.HasPrefix(how, "by "):
			s += " " + how
		default:
			s += " by " + how
		}
		if requestOverdue(r, today) {
			return "OVERDUE: reply was due by " + longDate(r.Due()) + ", " + s, true
		}
		return s + ", reply due by " + longDate(r.Due()), false
	case storage.StatusReplied:
		return "replied on " + longDate(r.RepliedOn), false
	}
	n := len(r.Versions)
	s := "drafted, " + itoa(n) + " version"
	if n != 1 {
		s += "s"
	}
	if r.Versions[n-1].Edited {
		s += ", edited"
	}
	return s, false
}

// complaintEarlier are the letters a complaint names: every letter to the council about the
// child (or the family) that was refused or is late on today, with its dates from tracking.
func complaintEarlier(c storage.Case, today entitlements.Date, childID string) []letters.Sent {
	var earlier []letters.Sent
	for _, r := range c.ComplaintGrounds(today, childID) {
		earlier = append(earlier, r.Earlier(requestTitle(r.ID))...)
	}
	return earlier
}
