package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// detailsScreen edits the people's details one line at a time; each line is kept when the
// cursor leaves it, and saved with the case.
type detailsScreen struct {
	c       *common
	cs      *caseState
	fields  []detailField
	cursor  int
	in      textinput.Model
	err     string
	top     int
	changed bool // a detail changed since the screen opened
}

// detailsDoneMsg tells the screen below that the details screen closed, and whether a
// detail changed (a letter offers to be written again).
type detailsDoneMsg struct{ changed bool }

func newDetailsScreen(c *common, cs *caseState) *detailsScreen {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 300
	ti.SetStyles(c.inputStyles())
	dm := &detailsScreen{c: c, cs: cs, fields: detailFields(), in: ti}
	dm.load()
	return dm
}

func (dm *detailsScreen) crumb() string  { return dm.cs.label() + " · People's details" }
func (dm *detailsScreen) start() tea.Cmd { return dm.in.Focus() }
func (dm *detailsScreen) restyle()       { dm.in.SetStyles(dm.c.inputStyles()) }
func (dm *detailsScreen) keepOnLock()    { dm.commit() }

func (dm *detailsScreen) load() {
	f := dm.fields[dm.cursor]
	dm.in.SetValue(entitlements.CleanText(f.get(&dm.cs.c.Details)))
	dm.in.Placeholder = f.hint
	dm.in.SetWidth(max(dm.c.width-1-dm.labelWidth()-5, 5))
	dm.in.CursorEnd()
}

// labelWidth is the width of the labels column.
func (dm *detailsScreen) labelWidth() int {
	labelW := 0
	for _, f := range dm.fields {
		labelW = max(labelW, lipglossWidth(f.group+" "+strings.ToLower(f.label)))
	}
	return min(labelW, (dm.c.width-1)/2)
}

func (dm *detailsScreen) resize() {
	dm.in.SetWidth(max(dm.c.width-1-dm.labelWidth()-5, 5))
	dm.scrollTo()
}

// commit keeps the line being typed; false when it was refused.
func (dm *detailsScreen) commit() (bool, tea.Cmd) {
	f := dm.fields[dm.cursor]
	v := entitlements.CleanText(dm.in.Value())
	before := entitlements.CleanText(f.get(&dm.cs.c.Details))
	if v == before {
		dm.err = ""
		return true, nil
	}
	if e := f.set(&dm.cs.c.Details, v); e != "" {
		dm.err = e
		return false, nil
	}
	dm.err = ""
	dm.cs.c.Details.Clean()
	dm.changed = true
	return true, dm.cs.touch()
}

func (dm *detailsScreen) move(to int) tea.Cmd {
	ok, cmd := dm.commit()
	if !ok {
		return cmd
	}
	dm.cursor = min(max(to, 0), len(dm.fields)-1)
	dm.load()
	dm.scrollTo()
	return cmd
}

// detailsKeys are the details screen's keys: each line is kept as the cursor leaves it.
var detailsKeys = struct{ Done, Up, Down, PageDown, PageUp key.Binding }{
	Done:     key.NewBinding(key.WithKeys("esc", "ctrl+s"), key.WithHelp("esc", "done")),
	Up:       key.NewBinding(key.WithKeys("up", "shift+tab"), key.WithHelp("↑/↓", "move")),
	Down:     key.NewBinding(key.WithKeys("down", "tab", "enter")),
	PageDown: key.NewBinding(key.WithKeys("pgdown")),
	PageUp:   key.NewBinding(key.WithKeys("pgup")),
}

func (dm *detailsScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		dk := detailsKeys
		switch {
		case key.Matches(k, dk.Done):
			ok, cmd := dm.commit()
			if !ok {
				return cmd
			}
			dm.in.Blur()
			return tea.Batch(cmd, dm.c.popWith(detailsDoneMsg{changed: dm.changed}))
		case key.Matches(k, dk.Up):
			return dm.move(dm.cursor - 1)
		case key.Matches(k, dk.Down):
			return dm.move(dm.cursor + 1)
		case key.Matches(k, dk.PageDown):
			return dm.move(dm.cursor + dm.room())
		case key.Matches(k, dk.PageUp):
			return dm.move(dm.cursor - dm.room())
		}
	}
	var cmd tea.Cmd
	dm.in, cmd = dm.in.Update(msg)
	return cmd
}

func (dm *detailsScreen) room() int { return max(dm.c.bodyHeight()-3, 3) }

// scrollTo keeps the cursor's line in sight.
func (dm *detailsScreen) scrollTo() { dm.top = dm.firstShown() }

func (dm *detailsScreen) firstShown() int {
	top, room := dm.top, dm.room()
	if dm.cursor < top {
		top = dm.cursor
	}
	if dm.cursor >= top+room {
		top = dm.cursor - room + 1
	}
	return top
}

func (dm *detailsScreen) view() string {
	st := dm.c.st
	w := dm.c.width - 1
	var b strings.Builder
	b.WriteString(clip("Details that fill the letters. Leave blank what you do not know.", w) + "\n")
	room := dm.room()
	top := dm.firstShown()
	labelW := dm.labelWidth()
	for i := top; i < len(dm.fields) && i < top+room; i++ {
		f := dm.fields[i]
		lab := clip(f.group+" "+strings.ToLower(f.label), labelW)
		lab += strings.Repeat(" ", max(labelW-lipglossWidth(lab), 0))
		if i == dm.cursor {
			b.WriteString(st.Selected.Render(dm.c.cursor(true)+lab) + "  " + dm.in.View() + "\n")
			continue
		}
		v := clip(f.get(&dm.cs.c.Details), w-labelW-4)
		if v == "" {
			v = st.Subtle.Render("-")
		}
		b.WriteString(dm.c.cursor(false) + lab + "  " + v + "\n")
	}
	foot := st.Subtle.Render(clip(itoa(dm.cursor+1)+" of "+itoa(len(dm.fields))+" · saved as you go", w))
	if dm.err != "" {
		foot = st.Error.Render(clip(dm.err, w))
	}
	return fitLines(b.String(), room+1) + "\n" + foot
}

func (dm *detailsScreen) keys() helpKeys {
	k := dm.c.keys
	return helpKeys{short: []key.Binding{kb("type", "write"), detailsKeys.Up, detailsKeys.Done, k.QuickExit}}
}
