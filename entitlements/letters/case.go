// One family's facts as the letter templates see them: names, councils, orders, children and figures.

package letters

import (
	"fmt"
	"strings"

	"kincare/entitlements"
)

// caseData is one family's facts as the templates see them.
type caseData struct {
	in   *Input
	a    *entitlements.Answers
	data map[string]any
	due  entitlements.Date
}

var orderWords = map[string]string{
	"sgo":             "special guardianship order",
	"cao":             "child arrangements order",
	"residence_order": "residence order",
	"adoption":        "adoption order",
	"guardian":        "appointment as the child's guardian",
}

// councilName is an office's name from the details, else the council named in the answers
// (its proper name when it is a known council), else "".
func councilName(o *entitlements.Office, answer string) string {
	if o != nil && safe(o.Name) != "" {
		return safe(o.Name)
	}
	if c, ok := entitlements.FindCouncil(answer); ok {
		return c.Name
	}
	return safe(answer)
}

// sameCouncil says whether two names (as typed, or as an office's name) are one council.
func sameCouncil(a, b string) bool {
	ca, okA := entitlements.FindCouncil(a)
	cb, okB := entitlements.FindCouncil(b)
	return okA && okB && ca.Name == cb.Name
}

func orGap(s, label string) string {
	if s == "" {
		return gap(label)
	}
	return s
}

func newCase(in *Input, st entitlements.Status, due entitlements.Date) *caseData {
	a := &in.Answers
	d := &in.Details
	c := &caseData{in: in, a: a, due: due}
	m := map[string]any{}
	c.data = m

	m["Assert"] = st == entitlements.Eligible
	m["Status"] = string(st)
	m["Today"] = in.Today.Long()
	m["ReplyBy"] = due.Long()

	carer, second := "", ""
	if d.Carer != nil {
		carer = safe(d.Carer.Name)
	}
	if d.SecondCarer != nil {
		second = safe(d.SecondCarer.Name)
	}
	m["Carer"] = orGap(carer, "your full name")
	m["SecondCarer"] = second

	c.setChildren(in.children())
	rel := relationship(a.Value(entitlements.Relationship), carerWords(d), m["ChildPlain"].(string))
	m["Relationship"] = rel
	m["IAm"] = iAm(rel, m["Child"].(string))
	story := safe(d.Story)
	came := " came"
	if a.Value(entitlements.LivingWithCarer) == "soon" {
		came = " is coming"
	}
	m["Story"] = orGap(story, "how "+m["ChildPlain"].(string)+came+" to live with you, in two or three sentences")
	m["HasStory"] = story != ""

	home := councilName(d.Council, a.Value(entitlements.CouncilKey))
	if d.PlacingCouncil == nil && d.Council != nil && sameCouncil(a.Value(entitlements.PlacingCouncil), home) {
		// The council that looked after the child is often the family's own: same office.
		d.PlacingCouncil = d.Council
	}
	placing := councilName(d.PlacingCouncil, a.Value(entitlements.PlacingCouncil))
	m["CouncilName"] = orGap(home, "your council's name")
	m["Council"] = inSentence(m["CouncilName"].(string))
	// The rules decided from the council in the answers, so claims about that council (a
	// Kinship Zone) name it, whatever the office's own name in the details.
	m["AnswerCouncil"] = m["Council"]
	if c, ok := entitlements.FindCouncil(a.Value(entitlements.CouncilKey)); ok {
		m["AnswerCouncil"] = inSentence(c.Name)
	}
	m["PlacingName"] = orGap(placing, "name of the council that looked after the child")
	m["PlacingCouncil"] = inSentence(m["PlacingName"].(string))
	m["PlacingKnown"] = placing != ""

	ls := a.Value(entitlements.LegalStatus)
	m["LegalStatus"] = ls
	m["Order"] = orderWords[ls]
	m["AnOrder"] = article(orderWords[ls])
	m["HasOrder"] = orderWords[ls] != ""
	od, odErr := entitlements.ParseDate(a.Value(entitlements.OrderDate))
	m["OrderDate"] = gap("date of the order")
	if odErr == nil {
		m["OrderDate"] = od.Long()
	}
	court, caseNo := "", ""
	if d.Order != nil {
		court, caseNo = safe(d.Order.Court), safe(d.Order.CaseNumber)
	}
	m["Court"] = court
	m["CaseNumber"] = caseNo

	// previously looked after: yes, no or unknown (not_sure, missing, or council_involved says it may be).
	plac := "unknown"
	switch a.Value(entitlements.PreviouslyLookedAfter) {
	case "yes":
		plac = "yes"
	case "no":
		plac = "no"
		if a.Value(entitlements.CouncilInvolved) == "yes" && ls != "adoption" {
			plac = "unknown"
		}
	}
	if ls == "adoption" && a.Value(entitlements.AdoptedAbroad) == "yes" {
		plac = "abroad"
	}
	m["PLAC"] = plac
	m["CouncilInvolved"] = a.Value(entitlements.CouncilInvolved)
	m["ConsideringOrder"] = a.Value(entitlements.ConsideringOrder)
	m["ConsideringWords"] = orderWords[a.Value(entitlements.ConsideringOrder)]
	m["AConsidering"] = article(orderWords[a.Value(entitlements.ConsideringOrder)])
	m["Disabled"] = a.Value(entitlements.ChildDisabled) == "yes"
	m["EHCP"] = a.Value(entitlements.EHCP) == "yes"
	m["SGSupport"] = a.Value(entitlements.SGFinancialSupport)
	m["CourtCase"] = a.Value(entitlements.CourtCase)
	m["Soon"] = a.Value(entitlements.LivingWithCarer) == "soon"
	m["StepParent"] = a.Value(entitlements.Relationship) == "step_parent"

	// The three-year rule (SG Regulations 2005 reg 5; Adoption Support Services Regulations 2005 reg 7).
	resp, which := "", "unknown"
	m["ThreeYearsEnd"] = ""
	switch {
	case ls == "kinship_foster":
		which = "placing"
		if placing == "" {
			which = "unknown"
			if home != "" {
				which = "home"
			}
		}
	case odErr == nil:
		end := od.AddYears(3)
		m["ThreeYearsEnd"] = end.Long()
		which = "home"
		if in.AsOf.Before(end) {
			which = "placing"
		}
	}
	switch which {
	case "placing":
		resp = placing
	case "home":
		resp = home
	}
	m["RespWhich"] = which
	m["Responsible"] = inSentence(orGap(resp, "name of the responsible council"))

	school := ""
	if d.School != nil {
		school = safe(d.School.Name)
	}
	m["School"] = orGap(school, "school's name")
	vs := ""
	if d.VirtualSchool != nil {
		vs = safe(d.VirtualSchool.Name)
	}
	if vs == "" {
		base := home
		if ls == "kinship_foster" && placing != "" {
			base = placing
		}
		if base != "" && !strings.HasPrefix(base, gapOpen) {
			vs = virtualSchoolOf(base)
		}
	}
	m["VirtualSchool"] = inSentence(orGap(vs, "name of the Virtual School"))
	emp := ""
	if d.Employer != nil {
		emp = safe(d.Employer.Name)
	}
	m["Employer"] = orGap(emp, "employer's name")
	m["ParentalLeaveEarliest"] = in.Today.AddDays(21).Long()

	// What was asked before, for a complaint: each letter's subject, when it went, the reply
	// date, and what came of it.
	asked, happened, list := earlierAccount(in.Earlier)
	m["Earlier"] = len(in.Earlier) > 0
	m["EarlierText"] = asked
	m["WhatHappened"] = happened
	m["EarlierList"] = list
	return c
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// carerWords are the carer's own words for the relationship, if given.
func carerWords(d *entitlements.Details) string {
	if d.Carer == nil {
		return ""
	}
	return d.Carer.RelationshipWords
}

var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}

// setChildren fills the child fields: the full name for the first mention (ChildFull), the first
// name after it (Child), and for a letter about several children their names joined with "and".
func (c *caseData) setChildren(kids []entitlements.Child) {
	m := c.data
	plural := len(kids) > 1
	var fulls, shorts, plains, intros, needs []string
	for i, k := range kids {
		label := "child's"
		if plural {
			label = ordinals[min(i, len(ordinals)-1)] + " child's"
		}
		full := safe(k.Name)
		short := shortName(full)
		dob := ""
		if t, err := entitlements.ParseDate(entitlements.CleanText(k.DateOfBirth)); err == nil {
			dob = t.Long()
		}
		plain := short // a gap's label names the child in plain words, never with a gap inside
		if plain == "" {
			plain = "the child"
			if plural {
				plain = "the " + ordinals[min(i, len(ordinals)-1)] + " child"
			}
		}
		plains = append(plains, plain)
		full = orGap(full, label+" full name")
		short = orGap(short, label+" first name")
		dob = orGap(dob, label+" date of birth")
		fulls, shorts = append(fulls, full), append(shorts, short)
		intros = append(intros, short+", born on "+dob)
		need := orGap(strings.TrimRight(safe(k.Needs), ". "), "what "+plain+" needs, e.g. help with sleep, school, behaviour or health, and any support already suggested")
		if plural {
			need = "\n- " + short + ": " + need
		}
		needs = append(needs, need)
		if i == 0 {
			m["ChildDOB"] = dob
		}
	}
	m["Plural"] = plural
	m["ChildFull"] = entitlements.JoinAnd(fulls)
	m["Child"] = entitlements.JoinAnd(shorts)
	m["ChildIntro"] = strings.Join(intros, ", and ")
	if len(intros) > 2 {
		m["ChildIntro"] = strings.Join(intros[:len(intros)-1], "; ") + "; and " + intros[len(intros)-1]
	}
	m["Needs"] = strings.Join(needs, "; ") + "."
	if plural {
		m["Needs"] = strings.Join(needs, ";") + "."
	}
	m["ChildPlain"] = entitlements.JoinAnd(plains)
	m["Is"], m["Lives"], m["Was"], m["Has"], m["Need"] = "is", "lives", "was", "has", "needs"
	if plural {
		m["Is"], m["Lives"], m["Was"], m["Has"], m["Need"] = "are", "live", "were", "have", "need"
	}
}

// setMinimumAllowance puts the dated national minimum fostering allowance for the child's age
// and area into the letter (MinimumAllowance, "" when the rules give none), from the figures of
// the fostering allowance outcome: "£257 a week in 2025-26 for a child aged 11 to 15 in London".
func (c *caseData) setMinimumAllowance(rep entitlements.Report) {
	c.data["MinimumAllowance"], c.data["MinimumConfirmed"] = "", false
	for _, o := range rep.Outcomes {
		if o.ID != "fostering_allowance" {
			continue
		}
		var parts []string
		confirmed := true
		for _, f := range o.Figures {
			where, age, ok := strings.Cut(strings.TrimPrefix(f.Label, "National minimum fostering allowance, "), ", age ")
			if !ok || f.Per != "week" {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s a week in %s for a child aged %s %s", pounds(f.Pence), f.Period, age, inArea(where)))
			confirmed = confirmed && f.Confirmed
		}
		if len(parts) > 0 {
			c.data["MinimumAllowance"] = strings.Join(parts, ", or ")
			c.data["MinimumConfirmed"] = confirmed
		}
	}
}

func inArea(region string) string {
	switch region {
	case "London":
		return "in London"
	case "rest of England":
		return "outside London and the South East"
	}
	return "in the " + region
}

// pounds writes pence as £257 or £257.50.
func pounds(p int64) string {
	if p%100 == 0 {
		return fmt.Sprintf("£%d", p/100)
	}
	return fmt.Sprintf("£%d.%02d", p/100, p%100)
}
