package entitlements

import (
	"fmt"
	"sort"
	"strings"
)

// ArrangementWords describes an arrangement in plain words, with the legal term explained.
func ArrangementWords(arr string) string {
	switch arr {
	case ArrInformal:
		return "Informal kinship care: you are raising a relative's or friend's child without a court order, and the child is not in the council's care."
	case ArrPrivateFoster:
		return "Private fostering: you are not a close relative and care for the child for 28 days or more by arrangement with the parents. The law says the council must be told."
	case ArrKinshipFoster:
		return "Kinship foster care: the child is in the council's care (\"looked after\") and placed with you as their foster carer."
	case ArrSpecialGuard:
		return "Special guardianship: a court order makes you the child's special guardian, with parental responsibility (the legal right to make decisions for the child) until they are 18."
	case ArrChildArrange:
		return "Child arrangements order: a court order says the child lives with you, and gives you parental responsibility (the legal right to make decisions for the child)."
	case ArrAdoption:
		return "Kinship adoption: you have adopted the child, so you are their legal parent."
	case ArrGuardianship:
		return "Guardianship: you were appointed the child's guardian (for example in a parent's will) and have parental responsibility."
	case ArrNotKinship:
		return "This is not kinship care: a parent is the child's main carer, or the child does not live with you."
	case ArrOutsideEngland:
		return "The child lives outside England, so most of England's rules do not apply."
	}
	return "We do not know the legal arrangement yet: whether there is a court order, or the council looks after the child."
}

// SituationWords describes this family's arrangement: the arrangement's meaning, or, when it
// is not kinship care, the particular reason and where parents can get help instead.
func SituationWords(rep Report) string {
	var why []string
	if len(rep.Outcomes) > 0 {
		why = rep.Outcomes[0].Why
	}
	return situation(rep.Arrangement, why)
}

// Situation is SituationWords for an assessment not yet written out: it writes out only the
// one outcome it needs, so a screen can call it on every draw.
func (r *Result) Situation() string {
	var why []string
	if r.Arrangement == ArrNotKinship {
		why = r.outcome(0, r.env()).Why
	}
	return situation(r.Arrangement, why)
}

func situation(arr string, why []string) string {
	if arr == ArrNotKinship && len(why) > 0 {
		return strings.Join(why, " ")
	}
	return ArrangementWords(arr)
}

// GroupWords is a group's heading.
func GroupWords(g Group) string {
	switch g {
	case Money:
		return "Money"
	case Therapy:
		return "Therapy"
	case Education:
		return "Education"
	case Legal:
		return "Legal help"
	case Support:
		return "Support"
	case Work:
		return "Work"
	}
	return "Outside England"
}

// Groups lists the groups in the order they are shown.
var Groups = []Group{Money, Therapy, Education, Legal, Support, Work, OutsideEnglandG}

var statusOrder = map[Status]int{Eligible: 0, MayBeEligible: 1, Check: 2, NotEligible: 3}

// yearly is a figure's amount over a year, for putting the most valuable first.
func yearly(f Figure) int64 {
	switch f.Per {
	case "week":
		return f.Pence * 52
	case "month":
		return f.Pence * 12
	}
	return f.Pence
}

func value(o Outcome) int64 {
	if o.ID == "qualifying_care_relief" {
		return 0 // a tax allowance, not money paid to the family
	}
	var best int64
	for _, f := range o.Figures {
		if v := yearly(f); v > best {
			best = v
		}
	}
	return best
}

// Ranked returns the outcomes in a group, surest first, then most valuable, then spec order.
func Ranked(rep Report, g Group) []Outcome {
	var out []Outcome
	for _, o := range rep.Outcomes {
		if o.Group == g {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if statusOrder[a.Status] != statusOrder[b.Status] {
			return statusOrder[a.Status] < statusOrder[b.Status]
		}
		return value(a) > value(b)
	})
	return out
}

// Money writes pence as pounds: £1,234.50, or £1,234 when whole.
func MoneyWords(p int64) string {
	pounds, pence := p/100, p%100
	s := fmt.Sprint(pounds)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if pence != 0 {
		return fmt.Sprintf("£%s.%02d", s, pence)
	}
	return "£" + s
}

// FigureWords says a figure as it is read out: "£225 a week (2025-26; check the current figure)".
func FigureWords(f Figure) string {
	per := map[string]string{"week": " a week", "month": " a month", "year": " a year", "one_off": " once"}[f.Per]
	s := fmt.Sprintf("%s: %s%s (%s", f.Label, MoneyWords(f.Pence), per, f.Period)
	if !f.Confirmed {
		s += "; this year's figure is not confirmed, check the current one"
	}
	return s + ")"
}

// ReadOut is the summary an adviser reads out on the phone: the arrangement, then what the
// family can get, grouped, surest and most valuable first, then what to check, then the
// questions still worth asking.
func ReadOut(rep Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Summary as at %s\n\n", longDate(rep.AsOf))
	b.WriteString(SituationWords(rep) + "\n")
	writeSections(&b, rep.Outcomes)
	writeUnanswered(&b, rep.Unanswered)
	return b.String()
}

// writeSections writes what can be got, what may be, and what needs checking, grouped.
func writeSections(b *strings.Builder, outcomes []Outcome) {
	rep := Report{Outcomes: outcomes}
	section := func(title string, want ...Status) {
		wrote := false
		for _, g := range Groups {
			var got []Outcome
			for _, o := range Ranked(rep, g) {
				for _, s := range want {
					if o.Status == s {
						got = append(got, o)
					}
				}
			}
			if len(got) == 0 {
				continue
			}
			if !wrote {
				fmt.Fprintf(b, "\n%s\n", title)
				wrote = true
			}
			fmt.Fprintf(b, "\n%s:\n", GroupWords(g))
			for _, o := range got {
				fmt.Fprintf(b, "- %s (%s).", o.Title, strings.ToLower(StatusWords(o.Status)))
				if len(o.Why) > 0 {
					b.WriteString(" " + o.Why[0])
				}
				b.WriteString("\n")
				for _, f := range o.Figures {
					b.WriteString("  " + FigureWords(f) + ".\n")
				}
				if len(o.NextSteps) > 0 {
					b.WriteString("  Next: " + o.NextSteps[0] + "\n")
				}
			}
		}
	}
	section("What you can get", Eligible)
	section("What you may be able to get (worth asking)", MayBeEligible)
	section("What needs checking", Check)
}

// writeUnanswered lists the questions still worth asking.
func writeUnanswered(b *strings.Builder, unanswered []string) {
	if len(unanswered) > 0 {
		b.WriteString("\nQuestions that could still change this:\n")
		for _, name := range unanswered {
			if k, ok := KeyNamed(name); ok {
				b.WriteString("- " + capitalise(keyPhrase(k)) + "\n")
			}
		}
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func longDate(s string) string {
	if d, err := ParseDate(s); err == nil {
		return d.Long()
	}
	return s
}

// RuleInfo describes one rule for content review.
type RuleInfo struct {
	ID, Title, Summary string
	Kind               Kind
	Group              Group
	Starts, Ends       string
	Sources            []Source
}

// Rules lists every rule in the spec's order, for review without reading Go.
func Rules() []RuleInfo {
	out := make([]RuleInfo, numRules)
	for i, r := range rules {
		out[i] = RuleInfo{ID: r.id, Title: r.title, Summary: r.summary, Kind: r.kind, Group: r.group, Starts: r.starts, Ends: r.ends, Sources: OutcomeSources(r.id)}
	}
	return out
}
