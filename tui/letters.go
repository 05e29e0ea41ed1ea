package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
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
	for _, id := range entitlements.RequestIDs {
		if len(from[id]) > 0 {
			ids = append(ids, id)
		}
	}
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

func (m *Model) updateLetters(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case k.String() == "esc" || k.String() == "q":
			m.scr = m.lettersBack
		case key.Matches(k, m.c.keys.ReadOut):
			return m.ro.open(m, scrLetters)
		}
	}
	return nil
}

func (m *Model) viewLetters() string {
	st := m.c.st
	w := m.c.width - 2
	ids, from := offeredRequests(m.cs.rep)
	var b strings.Builder
	if len(ids) == 0 {
		b.WriteString(wrapText("No letters to send yet. Answer more questions and letters will appear here when they can help.", w))
		return b.String()
	}
	b.WriteString(wrapText("Letters that can ask for what the family may get. Writing them here is coming soon; for now, note which ones to send.", w) + "\n\n")
	for _, id := range ids {
		b.WriteString(st.Bold.Render(clip("- "+requestTitle(id), w)) + "\n")
		b.WriteString(st.Subtle.Render(clip("  for: "+strings.Join(from[id], "; "), w)) + "\n")
	}
	return b.String()
}
