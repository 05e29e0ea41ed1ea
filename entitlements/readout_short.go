package entitlements

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The short read-out (`--format text`, the read-out screen, the line mode): what an adviser
// says to a caller in about 90 seconds. The arrangement in one sentence; the money first; the
// three to five most valuable things to do next, each letter named by what it asks and of whom;
// then what is still to check, as questions. No citations, no ids, no amounts that do not apply.

// ReadOutWords is the most words a read-out may have for one child; each further child in a
// family adds FamilyChildWords.
const (
	ReadOutWords     = 250
	FamilyChildWords = 120
)

// ReadOutLimit is the word limit for a read-out about this many children.
func ReadOutLimit(children int) int { return ReadOutWords + FamilyChildWords*max(children-1, 0) }

const (
	maxSteps      = 5
	minSteps      = 3
	maxQuestions  = 5
	maxChildSteps = 2 // steps that differ by child, per child, in a family
)

// ReadOut is the short read-out for one child.
func ReadOut(rep Report) string {
	p := readOutParts{
		asOf:        rep.AsOf,
		arrangement: []string{arrangementSentence(rep.Arrangement, rep.Outcomes)},
		money:       moneyParagraph(rep.Money, nil, councilMayPay(rep.Outcomes)),
	}
	for _, s := range stepsOf(rep.Outcomes, itemAmounts(rep.Money, -1)) {
		p.steps = append(p.steps, s.text)
	}
	for _, k := range questionKeys(rep.Outcomes, rep.Unanswered, rep.Asks) {
		p.questions = append(p.questions, question(k))
	}
	return p.fit(ReadOutLimit(1))
}

// FamilyReadOut is the short read-out for a family, taken as one: what is the same for every
// child once, then what differs by child.
func FamilyReadOut(rep FamilyReport) string {
	names := familyNames(rep)
	p := readOutParts{asOf: rep.AsOf, names: names}
	// The arrangement: once when every child's is the same.
	sentences := make([]string, len(rep.Children))
	for i, c := range rep.Children {
		sentences[i] = arrangementSentence(c.Arrangement, c.Outcomes)
	}
	if allSame(sentences) {
		p.arrangement = []string{plural(sentences[0])}
	} else {
		for i, s := range sentences {
			p.arrangement = append(p.arrangement, names[i]+": "+s)
		}
	}
	var mayPay []string
	for _, c := range rep.Children {
		for _, w := range councilMayPay(c.Outcomes) {
			if !slices.Contains(mayPay, w) {
				mayPay = append(mayPay, w)
			}
		}
	}
	p.money = moneyParagraph(rep.Money, names, mayPay)

	p.steps, p.childSteps = familySteps(rep, names)
	// Questions: a key every child still needs, once; otherwise by child.
	perKey := map[string][]int{}
	var order []string
	for i, c := range rep.Children {
		for _, k := range questionKeys(c.Outcomes, c.Unanswered, c.Asks) {
			if perKey[k] == nil {
				order = append(order, k)
			}
			perKey[k] = append(perKey[k], i)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return len(perKey[order[i]]) > len(perKey[order[j]]) })
	for _, k := range order {
		q := question(k)
		if ks, _ := KeyNamed(k); len(perKey[k]) < len(rep.Children) && !IsHouseholdKey(ks) {
			var who []string
			for _, i := range perKey[k] {
				who = append(who, names[i])
			}
			q = "About " + JoinAnd(who) + ": d" + strings.TrimPrefix(q, "D")
		}
		p.questions = append(p.questions, q)
	}
	return p.fit(ReadOutLimit(len(rep.Children)))
}

// readOutParts are the pieces of a read-out before it is fitted to its word limit.
type readOutParts struct {
	asOf        string
	names       []string // a family's children; nil for one child
	arrangement []string
	money       string
	steps       []string // shared by every child (or the one child's)
	childSteps  []string // by child, in a family
	questions   []string
}

// fit writes the read-out, dropping the least valuable questions and then steps until it is
// within limit words. Three steps are kept where there are three; the arrangement and the money
// are never dropped.
func (p readOutParts) fit(limit int) string {
	nq := min(len(p.questions), maxQuestions)
	ns := min(len(p.steps), maxSteps)
	nc := len(p.childSteps)
	for {
		text := p.render(ns, nc, nq)
		if len(strings.Fields(text)) <= limit {
			return text
		}
		switch {
		case nq > 0:
			nq--
		case nc > 0:
			nc--
		case ns > minSteps:
			ns--
		case ns > 0:
			ns--
		default:
			return text
		}
	}
}

func (p readOutParts) render(ns, nc, nq int) string {
	var b strings.Builder
	if p.names != nil {
		fmt.Fprintf(&b, "Summary for %s, as at %s.\n\n", JoinAnd(p.names), longDate(p.asOf))
	} else {
		fmt.Fprintf(&b, "Summary as at %s.\n\n", longDate(p.asOf))
	}
	b.WriteString(strings.Join(p.arrangement, "\n") + "\n\n")
	b.WriteString(p.money + "\n")
	steps := append(append([]string{}, p.steps[:ns]...), p.childSteps[:nc]...)
	if len(steps) > 0 {
		b.WriteString("\nWhat to do next:\n")
		for i, s := range steps {
			fmt.Fprintf(&b, "%d. %s\n", i+1, s)
		}
	}
	if nq > 0 {
		b.WriteString("\nStill to check:\n")
		for _, q := range p.questions[:nq] {
			b.WriteString("- " + q + "\n")
		}
	}
	return b.String()
}

// arrangementSentence says the arrangement in one sentence.
func arrangementSentence(arr string, outcomes []Outcome) string {
	switch arr {
	case ArrInformal:
		if councilMayLookAfter(outcomes) {
			return "You are raising the child without a court order. Children's services arranged it, so in law the council may look after the child, and you may count as their foster carer."
		}
		return "You are raising the child without a court order, and the council does not look after them: this is informal kinship care."
	case ArrPrivateFoster:
		return "You care for the child by arrangement with the parents and are not a close relative: this is private fostering, and the council must be told."
	case ArrKinshipFoster:
		return "The council looks after the child and has placed them with you as their foster carer."
	case ArrSpecialGuard:
		return "A special guardianship order makes you the child's special guardian until they are 18."
	case ArrChildArrange:
		return "A child arrangements order says the child lives with you."
	case ArrAdoption:
		return "You have adopted the child, so you are their legal parent."
	case ArrGuardianship:
		return "You were appointed the child's guardian, for example in a parent's will."
	case ArrNotKinship:
		if len(outcomes) > 0 && len(outcomes[0].Why) > 0 {
			first, _, _ := strings.Cut(outcomes[0].Why[0], ". ")
			return strings.TrimSuffix(first, ".") + "."
		}
		return "This is not kinship care: a parent is the child's main carer, or the child does not live with you."
	case ArrOutsideEngland:
		return "The child lives outside England, so most of England's rules do not apply."
	}
	return "We do not know yet whether there is a court order, or whether the council looks after the child."
}

// councilMayPay names the council's discretionary money these outcomes leave open.
func councilMayPay(outcomes []Outcome) []string {
	var out []string
	for _, o := range outcomes {
		if o.Status != Eligible && o.Status != MayBeEligible {
			continue
		}
		switch o.ID {
		case "sg_allowance":
			out = append(out, "a special guardianship allowance")
		case "cao_allowance":
			out = append(out, "a child arrangements order allowance")
		case "s17_support":
			out = append(out, "help for a child in need")
		case "fostering_allowance":
			if o.Status == MayBeEligible {
				out = append(out, "fostering pay for the time since it arranged for the child to come to you")
			}
		}
	}
	return out
}

// moneyParagraph leads the read-out: the yearly total that can be claimed now, the biggest
// items, what may also be paid, any one-off sum, and what the council may pay on top.
func moneyParagraph(m MoneySummary, names []string, councilMay []string) string {
	type group struct {
		id       string
		status   Status
		pence    int64
		oneOff   bool
		children []int
	}
	var groups []*group
	for _, it := range m.Items {
		var g *group
		for _, x := range groups {
			if x.id == it.ID && x.status == it.Status {
				g = x
			}
		}
		if g == nil {
			g = &group{id: it.ID, status: it.Status, oneOff: it.PenceOneOff != nil}
			groups = append(groups, g)
		}
		g.pence += it.Amount()
		if it.Child != nil {
			g.children = append(g.children, *it.Child)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].pence > groups[j].pence })
	say := func(g *group) string {
		s := MoneyName(g.id) + " about " + MoneyWords(roundTen(g.pence))
		if len(names) > 1 && len(g.children) > 0 && len(g.children) < len(names) {
			var who []string
			for _, c := range g.children {
				who = append(who, names[c])
			}
			s += " for " + JoinAnd(who)
		}
		return s
	}
	list := func(st Status) []string {
		var out []string
		for _, g := range groups {
			if g.status == st && !g.oneOff && len(out) < 3 {
				out = append(out, say(g))
			}
		}
		return out
	}
	var b strings.Builder
	if m.EligiblePerYear > 0 {
		fmt.Fprintf(&b, "You can claim about %s a year now: %s.", MoneyWords(roundTen(m.EligiblePerYear)), JoinAnd(list(Eligible)))
	} else {
		b.WriteString("We found no regular payment that is certain yet.")
	}
	if m.MayPerYear > 0 {
		also := " also"
		if m.EligiblePerYear == 0 {
			also = ""
		}
		fmt.Fprintf(&b, " You may%s be able to claim about %s a year: %s.", also, MoneyWords(roundTen(m.MayPerYear)), JoinAnd(list(MayBeEligible)))
	}
	for _, g := range groups {
		if g.oneOff {
			fmt.Fprintf(&b, " There is also %s, %s once.", MoneyName(g.id), MoneyWords(g.pence))
		}
	}
	lowest, ageUnknown := false, false
	for _, it := range m.Items {
		lowest = lowest || it.LowestRate
		ageUnknown = ageUnknown || it.AgeUnknown
	}
	switch {
	case lowest && ageUnknown:
		b.WriteString(" We do not know your council or the child's age, so the allowance is counted at its lowest rate.")
	case lowest:
		b.WriteString(" We do not know your council, so the allowance is counted at its lowest rate.")
	case ageUnknown:
		b.WriteString(" We do not know the child's age, so the allowance is counted at its lowest rate.")
	}
	if !m.Confirmed {
		b.WriteString(" Some of this uses last year's rates, as this year's are not confirmed yet.")
	}
	if len(councilMay) > 0 {
		fmt.Fprintf(&b, " The council may also pay %s.", JoinAnd(councilMay))
	}
	return b.String()
}

// itemAmounts is each outcome's counted yearly amount for one child (-1: the only child).
func itemAmounts(m MoneySummary, child int) map[string]int64 {
	out := map[string]int64{}
	for _, it := range m.Items {
		if child < 0 || it.Child == nil || *it.Child == child {
			out[it.ID] += it.Amount()
		}
	}
	return out
}

// roundTen rounds pence to the nearest £10, as an amount is said aloud.
func roundTen(p int64) int64 { return (p + 500) / 1000 * 1000 }

func familyNames(rep FamilyReport) []string {
	names := make([]string, len(rep.Children))
	for i, c := range rep.Children {
		names[i] = c.Name
	}
	return names
}

// plural says a sentence about "the child" of every child in a family.
func plural(s string) string {
	return strings.NewReplacer("the child lives", "the children live", "the child's", "the children's",
		"the child", "the children").Replace(s)
}

// familySteps picks a family's most valuable steps across every child, then says those every
// child shares once and the rest by child.
func familySteps(rep FamilyReport, names []string) (shared, byChild []string) {
	type pick struct {
		step
		children []int
	}
	var all []*pick
	found := map[string]*pick{}
	for i, c := range rep.Children {
		for _, s := range stepsOf(c.Outcomes, itemAmounts(rep.Money, i)) {
			id := s.key + "\x00" + s.text
			if p := found[id]; p != nil {
				p.children = append(p.children, i)
				p.amount += s.amount
				if stepBefore(s, p.step) {
					p.tier, p.status, p.order = s.tier, s.status, s.order
				}
				continue
			}
			found[id] = &pick{step: s, children: []int{i}}
			all = append(all, found[id])
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return stepBefore(all[i].step, all[j].step) })
	limit := maxSteps + maxChildSteps*(len(names)-1)
	for _, p := range all[:min(len(all), limit)] {
		if len(p.children) == len(names) {
			shared = append(shared, p.text)
			continue
		}
		var who []string
		for _, c := range p.children {
			who = append(who, names[c])
		}
		byChild = append(byChild, "For "+JoinAnd(who)+": "+p.text)
	}
	return shared, byChild
}

func allSame(xs []string) bool {
	for _, x := range xs {
		if x != xs[0] {
			return false
		}
	}
	return true
}
