package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

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

// detailsModel edits the people's details one line at a time; each line is kept when the
// cursor leaves it, and saved with the case.
type detailsModel struct {
	fields []detailField
	cursor int
	in     textinput.Model
	err    string
	back   screen
	top    int
}

func newDetailsModel() detailsModel {
	ti := textinput.New()
	ti.Prompt = "> "
	ti.CharLimit = 300
	return detailsModel{fields: detailFields(), in: ti}
}

func (dm *detailsModel) open(m *Model, back screen) tea.Cmd {
	dm.back = back
	dm.cursor, dm.top, dm.err = 0, 0, ""
	m.scr = scrDetails
	dm.load(m)
	return dm.in.Focus()
}

func (dm *detailsModel) load(m *Model) {
	f := dm.fields[dm.cursor]
	dm.in.SetValue(entitlements.CleanText(f.get(&m.cs.c.Details)))
	dm.in.Placeholder = f.hint
	dm.in.SetWidth(max(m.c.width-4, 10))
	dm.in.CursorEnd()
}

// commit keeps the line being typed; false when it was refused.
func (dm *detailsModel) commit(m *Model) (bool, tea.Cmd) {
	f := dm.fields[dm.cursor]
	v := entitlements.CleanText(dm.in.Value())
	before := entitlements.CleanText(f.get(&m.cs.c.Details))
	if v == before {
		dm.err = ""
		return true, nil
	}
	if e := f.set(&m.cs.c.Details, v); e != "" {
		dm.err = e
		return false, nil
	}
	dm.err = ""
	m.cs.c.Details.Clean()
	m.lt.detailsChanged = true
	return true, m.markDirty()
}

func (dm *detailsModel) move(m *Model, to int) tea.Cmd {
	ok, cmd := dm.commit(m)
	if !ok {
		return cmd
	}
	dm.cursor = min(max(to, 0), len(dm.fields)-1)
	dm.load(m)
	return cmd
}

func (dm *detailsModel) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc", "ctrl+s":
			ok, cmd := dm.commit(m)
			if !ok {
				return cmd
			}
			dm.in.Blur()
			m.scr = dm.back
			if m.scr == scrLetter {
				return tea.Batch(cmd, m.lt.refresh(m))
			}
			return cmd
		case "up", "shift+tab":
			return dm.move(m, dm.cursor-1)
		case "down", "tab", "enter":
			return dm.move(m, dm.cursor+1)
		case "pgdown":
			return dm.move(m, dm.cursor+dm.room(m))
		case "pgup":
			return dm.move(m, dm.cursor-dm.room(m))
		}
	}
	var cmd tea.Cmd
	dm.in, cmd = dm.in.Update(msg)
	return cmd
}

func (dm *detailsModel) room(m *Model) int { return max(m.bodyHeight()-3, 3) }

func (dm *detailsModel) view(m *Model) string {
	st := m.c.st
	w := m.c.width - 1
	var b strings.Builder
	b.WriteString(clip("Details that fill the letters. Leave blank what you do not know.", w) + "\n")
	room := dm.room(m)
	if dm.cursor < dm.top {
		dm.top = dm.cursor
	}
	if dm.cursor >= dm.top+room {
		dm.top = dm.cursor - room + 1
	}
	labelW := 0
	for _, f := range dm.fields {
		labelW = max(labelW, lipglossWidth(f.group+" "+strings.ToLower(f.label)))
	}
	labelW = min(labelW, w/2)
	for i := dm.top; i < len(dm.fields) && i < dm.top+room; i++ {
		f := dm.fields[i]
		lab := clip(f.group+" "+strings.ToLower(f.label), labelW)
		lab += strings.Repeat(" ", max(labelW-lipglossWidth(lab), 0))
		if i == dm.cursor {
			dm.in.Prompt = ""
			dm.in.SetWidth(max(w-labelW-5, 5))
			b.WriteString(st.Selected.Render(m.c.cursor(true)+lab) + "  " + dm.in.View() + "\n")
			continue
		}
		v := clip(f.get(&m.cs.c.Details), w-labelW-4)
		if v == "" {
			v = st.Subtle.Render("-")
		}
		b.WriteString(m.c.cursor(false) + lab + "  " + v + "\n")
	}
	foot := st.Subtle.Render(clip(itoa(dm.cursor+1)+" of "+itoa(len(dm.fields))+" · saved as you go", w))
	if dm.err != "" {
		foot = st.Error.Render(clip(dm.err, w))
	}
	return fitLines(b.String(), room+1) + "\n" + foot
}

func (dm *detailsModel) keys(m *Model) helpKeys {
	k := m.c.keys
	return helpKeys{short: []key.Binding{kb("type", "write"), kb("↑/↓", "move"), kb("esc", "done"), k.QuickExit}}
}
