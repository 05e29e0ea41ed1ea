// Who a letter is from and to: the carer's address block and the office the letter goes to.

package letters

import (
	"strings"

	"kincare/entitlements"
)

// addressee is who a letter goes to: the address block, a named person, their reference and
// who else gets a copy.
type addressee struct {
	lines     []string
	contact   string
	reference string
	copyTo    []string
}

// recipient is the office the template writes to, at the service that deals with the letter:
// a service's own team, person, address and reference win over the office's (details.md).
func (c *caseData) recipient(t *tmpl, data map[string]any) (addressee, error) {
	d := &c.in.Details
	m := c.data
	var o *entitlements.Office
	var name, who string
	switch t.to {
	case "council":
		o, name, who = d.Council, m["CouncilName"].(string), "council"
	case "looking_council":
		// The council that looks after the child now, else the family's own.
		o, name, who = d.Council, m["CouncilName"].(string), "council"
		if m["LegalStatus"] == "kinship_foster" && m["PlacingKnown"].(bool) {
			o, name = d.PlacingCouncil, m["PlacingName"].(string)
		}
	case "placing_council":
		o, name, who = d.PlacingCouncil, m["PlacingName"].(string), "council"
		if !m["PlacingKnown"].(bool) && m["CouncilName"].(string) != "" && !strings.HasPrefix(m["CouncilName"].(string), gapOpen) {
			// The question is whether the council looked after the child: ask the family's own.
			o, name = d.Council, m["CouncilName"].(string)
		}
	case "responsible_council":
		switch m["RespWhich"] {
		case "placing":
			o, name = d.PlacingCouncil, m["PlacingName"].(string)
		case "home":
			o, name = d.Council, m["CouncilName"].(string)
		default:
			name = m["Responsible"].(string)
		}
		who = "council"
	case "virtual_school":
		o, name, who = d.VirtualSchool, capitalise(m["VirtualSchool"].(string)), "Virtual School"
		if o == nil && d.Council != nil && d.Council.Services["virtual_school"] != nil {
			o = &entitlements.Office{Name: name}
			d.Council.Services["virtual_school"].CopyInto(o)
		}
	case "school":
		o, name, who = d.School, m["School"].(string), "school"
	case "employer":
		o, name, who = d.Employer, m["Employer"].(string), "employer"
	case "dwp":
		name, who = "Department for Work and Pensions", "claim form"
	}
	var office entitlements.Office
	if o != nil {
		office = *o
	}
	if t.service != nil && o != nil {
		svc, err := run(t.service, data)
		if err != nil {
			return addressee{}, err
		}
		if s := o.Services[strings.TrimSpace(svc)]; s != nil {
			s.CopyInto(&office)
		}
	}
	var r addressee
	r.contact = safe(office.Contact)
	r.reference = safe(office.Reference)
	for _, x := range office.CopyTo {
		if x = safe(x); x != "" {
			r.copyTo = append(r.copyTo, x)
		}
	}
	if r.contact != "" {
		r.lines = append(r.lines, r.contact)
	}
	team := t.team
	if safe(office.Team) != "" {
		team = safe(office.Team)
	}
	if team != "" {
		r.lines = append(r.lines, team)
	}
	r.lines = append(r.lines, name)
	var addr []string
	for _, l := range office.Address {
		if l = safe(l); l != "" {
			addr = append(addr, l)
		}
	}
	if len(addr) == 0 {
		r.lines = append(r.lines, gap(who+"'s address"))
	} else {
		r.lines = append(r.lines, addr...)
		r.lines = append(r.lines, orGap(safe(office.Postcode), who+"'s postcode"))
	}
	if safe(office.Email) != "" {
		r.lines = append(r.lines, "Email: "+safe(office.Email))
	}
	return r, nil
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
