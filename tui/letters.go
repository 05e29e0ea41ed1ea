package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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

var requestTitles = map[string]string{
	"virtual_school_advice":       "Ask the virtual school for advice on the child's education",
	"sg_support_assessment":       "Ask the council to assess for special guardianship support",
	"asgsf_assessment":            "Ask for an assessment for therapy funding (adoption and special guardianship support fund)",
	"fostering_allowance_review":  "Ask the council to review the fostering allowance",
	"child_in_need_assessment":    "Ask the council for a child in need assessment",
	"local_offer_copy":            "Ask the council for its kinship care local offer",
	"private_fostering_notice":    "Tell the council about a private fostering arrangement",
	"school_pupil_premium_plus":   "Ask the school about pupil premium plus",
	"legal_advice_funding":        "Ask the council to pay for legal advice",
	"cao_allowance":               "Ask the council for a child arrangements order allowance",
	"kinship_allowance_pilot":     "Ask about the kinship allowance",
	"flexible_working":            "Ask your employer for flexible working",
	"parental_leave":              "Ask your employer for parental leave",
	"adoption_support_assessment": "Ask the council to assess for adoption support",
	"looked_after_status_enquiry": "Ask the council whether the child was looked after",
}

func requestTitle(id string) string {
	if t, ok := requestTitles[id]; ok {
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

func (m *Model) letterRows() []letterRow {
	ids, _ := offeredRequests(m.cs.rep)
	var rows []letterRow
	seen := map[string]bool{}
	for _, id := range ids {
		rows = append(rows, letterRow{id: id, offered: true})
		seen[id] = true
	}
	for _, r := range m.cs.c.Requests {
		if !seen[r.ID] && len(r.Versions) > 0 {
			rows = append(rows, letterRow{id: r.ID})
			seen[r.ID] = true
		}
	}
	return rows
}

// request is the case's tracking of a letter, or nil.
func (cs *caseState) request(id string) *storage.Request {
	for i := range cs.c.Requests {
		if cs.c.Requests[i].ID == id {
			return &cs.c.Requests[i]
		}
	}
	return nil
}

func (cs *caseState) ensureRequest(id string) *storage.Request {
	if r := cs.request(id); r != nil {
		return r
	}
	cs.c.Requests = append(cs.c.Requests, storage.Request{ID: id, Status: storage.StatusDrafted})
	return &cs.c.Requests[len(cs.c.Requests)-1]
}

// overdue says whether a reply to the request is late on today.
func requestOverdue(r *storage.Request, today entitlements.Date) bool {
	return r != nil && r.Overdue(today)
}

// overdueCount is how many letters of the case in front wait for a late reply.
func (m *Model) overdueCount() int {
	if m.cs == nil {
		return 0
	}
	n := 0
	for i := range m.cs.c.Requests {
		if requestOverdue(&m.cs.c.Requests[i], m.c.today) {
			n++
		}
	}
	return n
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
func (m *Model) requestState(r *storage.Request) (string, bool) {
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
		if requestOverdue(r, m.c.today) {
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

func (m *Model) openLetters(back screen) {
	m.lettersBack = back
	m.scr = scrLetters
	if m.lettersCursor >= len(m.letterRows()) {
		m.lettersCursor = 0
	}
}

func (m *Model) updateLetters(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	rows := m.letterRows()
	keys := m.c.keys
	switch {
	case k.String() == "esc" || k.String() == "q":
		m.scr = m.lettersBack
	case key.Matches(k, keys.Up):
		m.lettersCursor = max(m.lettersCursor-1, 0)
	case key.Matches(k, keys.Down):
		m.lettersCursor = min(m.lettersCursor+1, max(len(rows)-1, 0))
	case k.String() == "enter":
		if m.lettersCursor < len(rows) {
			return m.lt.open(m, rows[m.lettersCursor].id)
		}
	case k.String() == "d":
		return m.det.open(m, scrLetters)
	case key.Matches(k, keys.ReadOut):
		return m.ro.open(m, scrLetters)
	case key.Matches(k, keys.Help):
		m.c.help.ShowAll = !m.c.help.ShowAll
	}
	return nil
}

func (m *Model) viewLetters() string {
	st := m.c.st
	w := m.c.width - 2
	rows := m.letterRows()
	var b strings.Builder
	if len(rows) == 0 {
		b.WriteString(wrapText("No letters to send yet. Answer more questions and letters will appear here when they can help.", w))
		return b.String()
	}
	intro := "Letters that ask for what the family may get. Press enter to open one."
	if n := m.overdueCount(); n > 0 {
		intro = overdueWords(n) + ": open it and press f for a follow-up."
		b.WriteString(st.Warn.Render(clip(intro, w)) + "\n\n")
	} else {
		b.WriteString(clip(intro, w) + "\n\n")
	}
	room := max((m.bodyHeight()-2)/2, 1)
	start := 0
	if m.lettersCursor >= room {
		start = m.lettersCursor - room + 1
	}
	for i := start; i < len(rows) && i < start+room; i++ {
		row := rows[i]
		title := requestTitle(row.id)
		state, late := m.requestState(m.cs.request(row.id))
		if r := m.cs.request(row.id); r != nil && len(r.Versions) > 0 {
			if len(r.FollowUps) > 0 {
				state += " · follow-up drafted"
			}
			if n := len(gapsIn(r.Versions[len(r.Versions)-1].Text)); n == 1 {
				state += " · 1 gap to fill"
			} else if n > 1 {
				state += " · " + itoa(n) + " gaps to fill"
			}
		}
		if !row.offered {
			state += " (the answers no longer offer this letter)"
		}
		line := m.c.cursor(i == m.lettersCursor) + clip(title, w-2)
		if i == m.lettersCursor {
			line = st.Selected.Render(line)
		}
		stLine := "  " + clip(state, w-2)
		switch {
		case late:
			stLine = st.Warn.Render(stLine)
		default:
			stLine = st.Subtle.Render(stLine)
		}
		b.WriteString(line + "\n" + stLine + "\n")
	}
	return b.String()
}

func (m *Model) lettersKeys() helpKeys {
	k := m.c.keys
	return helpKeys{short: []key.Binding{kb("↑/↓", "choose"), kb("enter", "open"), kb("d", "details"), k.Back, k.QuickExit},
		full: [][]key.Binding{{k.Up, k.Down, kb("enter", "open")}, {kb("d", "people's details"), k.ReadOut}, {k.Back, k.QuickExit}}}
}
