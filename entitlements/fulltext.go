package entitlements

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

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

// StatusRank orders statuses from the best for the family.
var StatusRank = map[Status]int{Eligible: 0, MayBeEligible: 1, Check: 2, NotEligible: 3}

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
		if StatusRank[a.Status] != StatusRank[b.Status] {
			return StatusRank[a.Status] < StatusRank[b.Status]
		}
		return value(a) > value(b)
	})
	return out
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

// FullText is every outcome in plain words, for `--format full`: the arrangement, then what
// the family can get, grouped, surest and most valuable first, then what to check, then the
// questions still worth asking.
func FullText(rep Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Summary as at %s\n\n", longDate(rep.AsOf))
	b.WriteString(SituationWords(rep) + "\n")
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
				fmt.Fprintf(&b, "\n%s\n", title)
				wrote = true
			}
			fmt.Fprintf(&b, "\n%s:\n", GroupWords(g))
			for _, o := range got {
				fmt.Fprintf(&b, "- %s (%s).", o.Title, strings.ToLower(StatusWords(o.Status)))
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
	if len(rep.Unanswered) > 0 {
		b.WriteString("\nQuestions that could still change this:\n")
		var said []string
		for _, name := range rep.Unanswered {
			name = askName(rep.Asks, name)
			if slices.Contains(said, name) {
				continue
			}
			said = append(said, name)
			if k, ok := KeyNamed(name); ok {
				b.WriteString("- " + capitalise(keyPhrase(k)) + "\n")
			}
		}
	}
	return b.String()
}

// FamilyFullText is FullText for a family: what the family can claim, then every child's
// outcomes in full under the child's name.
func FamilyFullText(rep FamilyReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Summary for %s, as at %s\n\n", JoinAnd(familyNames(rep)), longDate(rep.AsOf))
	b.WriteString(moneyParagraph(rep.Money, familyNames(rep), nil) + "\n")
	for _, c := range rep.Children {
		fmt.Fprintf(&b, "\n==== %s ====\n\n", c.Name)
		b.WriteString(FullText(Report{AsOf: rep.AsOf, Arrangement: c.Arrangement, KinshipCare: c.KinshipCare, Outcomes: c.Outcomes, Unanswered: c.Unanswered, Asks: c.Asks}))
	}
	return b.String()
}
