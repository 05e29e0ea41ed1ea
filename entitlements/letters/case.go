package letters

import (
	"bytes"
	"strings"
	"text/template"

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

var relationshipWords = map[string]string{
	"grandparent":       "grandparent",
	"great_grandparent": "great-grandparent",
	"sibling":           "brother or sister",
	"aunt_uncle":        "aunt or uncle",
	"step_parent":       "step-parent",
	"great_aunt_uncle":  "great-aunt or great-uncle",
	"cousin":            "cousin",
	"other_relative":    "relative",
	"family_friend":     "family friend",
	"parents_partner":   "parent's partner",
	"other":             "carer",
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

	child, dob := "", ""
	if d.Child != nil {
		child = safe(d.Child.Name)
		if t, err := entitlements.ParseDate(entitlements.CleanText(d.Child.DateOfBirth)); err == nil {
			dob = t.Long()
		}
	}
	m["Child"] = orGap(child, "child's full name")
	m["ChildDOB"] = orGap(dob, "child's date of birth")
	age, ok := a.Age()
	m["ChildAge"] = ""
	if ok {
		m["ChildAge"] = itoa(age)
	}
	rel := relationshipWords[a.Value(entitlements.Relationship)]
	m["Relationship"] = orGap(rel, "your relationship to the child")

	home := councilName(d.Council, a.Value(entitlements.CouncilKey))
	if d.PlacingCouncil == nil && d.Council != nil && sameCouncil(a.Value(entitlements.PlacingCouncil), home) {
		// The council that looked after the child is often the family's own: same office.
		d.PlacingCouncil = d.Council
	}
	placing := councilName(d.PlacingCouncil, a.Value(entitlements.PlacingCouncil))
	m["Council"] = orGap(home, "your council's name")
	// The rules decided from the council in the answers, so claims about that council (a
	// Kinship Zone) name it, whatever the office's own name in the details.
	m["AnswerCouncil"] = m["Council"]
	if c, ok := entitlements.FindCouncil(a.Value(entitlements.CouncilKey)); ok {
		m["AnswerCouncil"] = c.Name
	}
	m["PlacingCouncil"] = orGap(placing, "name of the council that looked after the child")

	ls := a.Value(entitlements.LegalStatus)
	m["LegalStatus"] = ls
	m["Order"] = orderWords[ls]
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
	m["Responsible"] = orGap(resp, "name of the responsible council")

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
		if base != "" {
			vs = "the Virtual School of " + base
		}
	}
	m["VirtualSchool"] = orGap(vs, "name of the Virtual School")
	emp := ""
	if d.Employer != nil {
		emp = safe(d.Employer.Name)
	}
	m["Employer"] = orGap(emp, "employer's name")
	m["ParentalLeaveEarliest"] = in.Today.AddDays(21).Long()
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

func run(t *template.Template, data map[string]any) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// recipient is the address block of the office the template writes to.
func (c *caseData) recipient(t *tmpl) []string {
	d := &c.in.Details
	m := c.data
	var o *entitlements.Office
	var name, who string
	switch t.to {
	case "council":
		o, name, who = d.Council, m["Council"].(string), "council"
	case "placing_council":
		o, name, who = d.PlacingCouncil, m["PlacingCouncil"].(string), "council"
	case "responsible_council":
		switch m["RespWhich"] {
		case "placing":
			o = d.PlacingCouncil
		case "home":
			o = d.Council
		}
		name, who = m["Responsible"].(string), "council"
	case "virtual_school":
		o, name, who = d.VirtualSchool, m["VirtualSchool"].(string), "Virtual School"
		if o == nil || safe(o.Name) == "" {
			name = capitalise(name)
		}
	case "school":
		o, name, who = d.School, m["School"].(string), "school"
	case "employer":
		o, name, who = d.Employer, m["Employer"].(string), "employer"
	}
	var lines []string
	team := t.team
	if o != nil && safe(o.Team) != "" {
		team = safe(o.Team)
	}
	if team != "" {
		lines = append(lines, team)
	}
	lines = append(lines, name)
	var addr []string
	post := ""
	if o != nil {
		for _, l := range o.Address {
			if l = safe(l); l != "" {
				addr = append(addr, l)
			}
		}
		post = safe(o.Postcode)
	}
	if len(addr) == 0 {
		lines = append(lines, gap(who+"'s address"))
	} else {
		lines = append(lines, addr...)
		lines = append(lines, orGap(post, who+"'s postcode"))
	}
	if o != nil && safe(o.Email) != "" {
		lines = append(lines, "Email: "+safe(o.Email))
	}
	return lines
}

func capitalise(s string) string {
	if strings.HasPrefix(s, "the ") {
		return "The " + s[4:]
	}
	return s
}

func (c *caseData) sender() []string {
	p := c.in.Details.Carer
	var lines []string
	lines = append(lines, c.data["Carer"].(string))
	var addr []string
	post, phone, email := "", "", ""
	if p != nil {
		for _, l := range p.Address {
			if l = safe(l); l != "" {
				addr = append(addr, l)
			}
		}
		post, phone, email = safe(p.Postcode), safe(p.Phone), safe(p.Email)
	}
	if len(addr) == 0 {
		lines = append(lines, gap("your address"))
	} else {
		lines = append(lines, addr...)
	}
	lines = append(lines, orGap(post, "your postcode"))
	if phone != "" {
		lines = append(lines, "Telephone: "+phone)
	}
	if email != "" {
		lines = append(lines, "Email: "+email)
	}
	return lines
}

func (c *caseData) render(t *tmpl, extra map[string]any) (Letter, error) {
	data := c.data
	if extra != nil {
		data = make(map[string]any, len(c.data)+len(extra))
		for k, v := range c.data {
			data[k] = v
		}
		for k, v := range extra {
			data[k] = v
		}
	}
	var gaps []string
	l := Letter{RequestID: c.in.RequestID, Title: t.title, Date: c.in.Today.Long(), Greeting: t.dear,
		Closing: "Yours faithfully", ReplyDue: c.due.String(), Status: entitlements.Status(c.data["Status"].(string)),
		Assert: c.data["Assert"].(bool)}
	for _, s := range c.sender() {
		l.From = append(l.From, finish(s, &gaps))
	}
	if t.to != "" {
		for _, s := range c.recipient(t) {
			l.To = append(l.To, finish(s, &gaps))
		}
	}
	subj, err := run(t.subject, data)
	if err != nil {
		return Letter{}, err
	}
	l.Subject = finish(strings.Join(strings.Fields(subj), " "), &gaps)
	body, err := run(t.body, data)
	if err != nil {
		return Letter{}, err
	}
	l.Body = finish(tidy(body), &gaps)
	l.Signature = []string{finish(c.data["Carer"].(string), &gaps)}
	if s := c.data["SecondCarer"].(string); s != "" && t.to != "employer" {
		l.Signature = append(l.Signature, s)
	}
	for _, e := range t.encloses {
		s, err := run(e, data)
		if err != nil {
			return Letter{}, err
		}
		if s = strings.TrimSpace(s); s != "" {
			l.Encloses = append(l.Encloses, finish(s, &gaps))
		}
	}
	l.Gaps = gaps
	if l.Gaps == nil {
		l.Gaps = []string{}
	}
	l.Sources = append([]entitlements.Source{}, t.sources...)
	return l, nil
}
