package tui

import (
	"strings"

	"kincare/entitlements"
	"kincare/wizard"
)

// detailField is one line of the people's details that fill letters.
type detailField struct {
	group string
	label string
	hint  string
	get   func(d *entitlements.Details) string
	set   func(d *entitlements.Details, v string) string // returns an error message, "" when accepted
}

func person(p **entitlements.Person) *entitlements.Person {
	if *p == nil {
		*p = &entitlements.Person{}
	}
	return *p
}

func office(o **entitlements.Office) *entitlements.Office {
	if *o == nil {
		*o = &entitlements.Office{}
	}
	return *o
}

// addressLines splits a typed address at commas, one line each.
func addressLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, ",") {
		if l = entitlements.CleanText(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func personFields(group string, p func(d *entitlements.Details) **entitlements.Person, full bool) []detailField {
	pf := func(label, hint string, get func(*entitlements.Person) string, set func(*entitlements.Person, string)) detailField {
		return detailField{group: group, label: label, hint: hint,
			get: func(d *entitlements.Details) string {
				if *p(d) == nil {
					return ""
				}
				return get(*p(d))
			},
			set: func(d *entitlements.Details, v string) string {
				set(person(p(d)), v)
				return ""
			}}
	}
	fs := []detailField{pf("Name", "", func(x *entitlements.Person) string { return x.Name }, func(x *entitlements.Person, v string) { x.Name = v })}
	if !full {
		return fs
	}
	return append(fs,
		pf("Address", "lines separated by commas", func(x *entitlements.Person) string { return strings.Join(x.Address, ", ") },
			func(x *entitlements.Person, v string) { x.Address = addressLines(v) }),
		pf("Postcode", "", func(x *entitlements.Person) string { return x.Postcode }, func(x *entitlements.Person, v string) { x.Postcode = v }),
		pf("Phone", "", func(x *entitlements.Person) string { return x.Phone }, func(x *entitlements.Person, v string) { x.Phone = v }),
		pf("Email", "", func(x *entitlements.Person) string { return x.Email }, func(x *entitlements.Person, v string) { x.Email = v }),
	)
}

func officeFields(group string, o func(d *entitlements.Details) **entitlements.Office, team bool) []detailField {
	of := func(label, hint string, get func(*entitlements.Office) string, set func(*entitlements.Office, string)) detailField {
		return detailField{group: group, label: label, hint: hint,
			get: func(d *entitlements.Details) string {
				if *o(d) == nil {
					return ""
				}
				return get(*o(d))
			},
			set: func(d *entitlements.Details, v string) string {
				set(office(o(d)), v)
				return ""
			}}
	}
	fs := []detailField{of("Name", "", func(x *entitlements.Office) string { return x.Name }, func(x *entitlements.Office, v string) { x.Name = v })}
	if team {
		fs = append(fs, of("Team", "", func(x *entitlements.Office) string { return x.Team }, func(x *entitlements.Office, v string) { x.Team = v }))
	}
	return append(fs,
		of("Address", "lines separated by commas", func(x *entitlements.Office) string { return strings.Join(x.Address, ", ") },
			func(x *entitlements.Office, v string) { x.Address = addressLines(v) }),
		of("Postcode", "", func(x *entitlements.Office) string { return x.Postcode }, func(x *entitlements.Office, v string) { x.Postcode = v }),
		of("Email", "", func(x *entitlements.Office) string { return x.Email }, func(x *entitlements.Office, v string) { x.Email = v }),
	)
}

func detailFields() []detailField {
	var fs []detailField
	fs = append(fs, personFields("Carer", func(d *entitlements.Details) **entitlements.Person { return &d.Carer }, true)...)
	fs = append(fs, personFields("Second carer", func(d *entitlements.Details) **entitlements.Person { return &d.SecondCarer }, false)...)
	child := func(d *entitlements.Details) *entitlements.Child {
		if d.Child == nil {
			d.Child = &entitlements.Child{}
		}
		return d.Child
	}
	fs = append(fs,
		detailField{group: "Child", label: "Name",
			get: func(d *entitlements.Details) string {
				if d.Child == nil {
					return ""
				}
				return d.Child.Name
			},
			set: func(d *entitlements.Details, v string) string { child(d).Name = v; return "" }},
		detailField{group: "Child", label: "Date of birth", hint: "for example 14/05/2019",
			get: func(d *entitlements.Details) string {
				if d.Child == nil || d.Child.DateOfBirth == "" {
					return ""
				}
				if t, err := entitlements.ParseDate(d.Child.DateOfBirth); err == nil {
					return t.Long()
				}
				return d.Child.DateOfBirth
			},
			set: func(d *entitlements.Details, v string) string {
				if v == "" {
					child(d).DateOfBirth = ""
					return ""
				}
				iso, err := wizard.ParseDateInput(v)
				if err != nil {
					return "That date was not understood. Try a form like 14/05/2019 or 14 May 2019."
				}
				child(d).DateOfBirth = iso
				return ""
			}},
	)
	fs = append(fs, officeFields("School", func(d *entitlements.Details) **entitlements.Office { return &d.School }, false)...)
	fs = append(fs, officeFields("Council", func(d *entitlements.Details) **entitlements.Office { return &d.Council }, true)...)
	fs = append(fs, officeFields("Placing council", func(d *entitlements.Details) **entitlements.Office { return &d.PlacingCouncil }, true)...)
	fs = append(fs, officeFields("Virtual School", func(d *entitlements.Details) **entitlements.Office { return &d.VirtualSchool }, false)...)
	emp := officeFields("Employer", func(d *entitlements.Details) **entitlements.Office { return &d.Employer }, false)
	fs = append(fs, emp[:3]...) // name, address, postcode
	order := func(d *entitlements.Details) *entitlements.Order {
		if d.Order == nil {
			d.Order = &entitlements.Order{}
		}
		return d.Order
	}
	fs = append(fs,
		detailField{group: "Court order", label: "Court",
			get: func(d *entitlements.Details) string {
				if d.Order == nil {
					return ""
				}
				return d.Order.Court
			},
			set: func(d *entitlements.Details, v string) string { order(d).Court = v; return "" }},
		detailField{group: "Court order", label: "Case number",
			get: func(d *entitlements.Details) string {
				if d.Order == nil {
					return ""
				}
				return d.Order.CaseNumber
			},
			set: func(d *entitlements.Details, v string) string { order(d).CaseNumber = v; return "" }},
	)
	return fs
}
