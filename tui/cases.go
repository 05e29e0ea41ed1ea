package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
)

// casesScreen is the start screen: the saved cases, newest first, and a search box.
type casesScreen struct {
	c       *common
	search  textinput.Model
	cases   []storage.Summary
	cursor  int
	loaded  bool
	err     string
	netWarn string // shown while the file is on a network drive
}

func newCasesScreen(c *common) *casesScreen {
	ti := textinput.New()
	ti.Prompt = "Search: "
	ti.Placeholder = "type a name, council or label"
	ti.CharLimit = 100
	ti.SetWidth(50)
	ti.Focus()
	ti.SetStyles(c.inputStyles())
	return &casesScreen{c: c, search: ti}
}

func (l *casesScreen) restyle()      { l.search.SetStyles(l.c.inputStyles()) }
func (l *casesScreen) crumb() string { return "Cases" }

func (l *casesScreen) query() string {
	return strings.TrimSpace(entitlements.CleanText(l.search.Value()))
}

func (l *casesScreen) setCases(msg listedMsg) {
	if msg.query != l.query() {
		return // an older search
	}
	l.loaded = true
	if msg.err != nil {
		l.err = msg.err.Error()
		return
	}
	l.err = ""
	l.cases = msg.cases
	if l.cursor >= len(l.cases) {
		l.cursor = max(len(l.cases)-1, 0)
	}
}

// casesKeys are the case list's own keys (typing goes to the search).
var casesKeys = struct{ PageDown, PageUp, Open, Back, Help key.Binding }{
	PageDown: key.NewBinding(key.WithKeys("pgdown")),
	PageUp:   key.NewBinding(key.WithKeys("pgup")),
	Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "quit")),
	Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
}

func (l *casesScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	keys, ck := l.c.keys, casesKeys
	if ok {
		switch {
		case key.Matches(k, keys.Up):
			if k.String() == "up" || l.search.Value() == "" {
				l.cursor = max(l.cursor-1, 0)
				return nil
			}
		case key.Matches(k, keys.Down):
			if k.String() == "down" || l.search.Value() == "" {
				l.cursor = min(l.cursor+1, max(len(l.cases)-1, 0))
				return nil
			}
		case key.Matches(k, ck.PageDown):
			l.cursor = min(l.cursor+10, max(len(l.cases)-1, 0))
			return nil
		case key.Matches(k, ck.PageUp):
			l.cursor = max(l.cursor-10, 0)
			return nil
		case key.Matches(k, ck.Open):
			if l.cursor < len(l.cases) {
				return l.c.send(openCaseMsg{l.cases[l.cursor].ID})
			}
			return l.c.send(newCaseMsg{})
		case key.Matches(k, keys.New):
			return l.c.send(newCaseMsg{})
		case key.Matches(k, keys.Delete):
			if l.cursor < len(l.cases) {
				name := entitlements.CleanText(l.cases[l.cursor].Label)
				if name == "" {
					name = "this case"
				}
				return l.c.push(newConfirm(l.c, "Delete this case for good? It cannot be undone. y / n  ("+name+")", "delete", "keep",
					deleteCaseMsg{l.cases[l.cursor].ID}))
			}
			return nil
		case key.Matches(k, keys.Tracks):
			return l.c.send(tracksMsg{})
		case key.Matches(k, keys.Pass):
			return l.c.send(passphraseMsg{})
		case key.Matches(k, keys.Guest):
			if l.c.guest {
				return nil
			}
			return l.c.send(guestMsg{})
		case key.Matches(k, ck.Back):
			if l.search.Value() != "" {
				l.search.SetValue("")
				l.cursor = 0
				return l.c.send(searchMsg{})
			}
			question := "Leave kincare? Your cases are kept. y / n"
			if l.c.guest {
				question = "Leave kincare? This guest session's cases will go. y / n"
			}
			return l.c.push(newConfirm(l.c, question, "leave", "stay", quitMsg{}))
		case key.Matches(k, ck.Help) && l.search.Value() == "":
			l.c.help.ShowAll = !l.c.help.ShowAll
			return nil
		}
	}
	before := l.search.Value()
	var cmd tea.Cmd
	l.search, cmd = l.search.Update(msg)
	if l.search.Value() != before {
		l.cursor = 0
		return tea.Batch(cmd, l.c.send(searchMsg{}))
	}
	return cmd
}

func (l *casesScreen) view() string { return l.render() }

// viewWith draws the list with a dialog's line at its foot.
func (l *casesScreen) viewWith(d dialog) string {
	return fitLines(l.render(), l.c.bodyHeight()-2) + "\n" + d.footer(l.c.width)
}

func (l *casesScreen) render() string {
	w := l.c.width
	st := l.c.st
	var b strings.Builder
	b.WriteString(l.search.View() + "\n\n")
	h := l.c.bodyHeight() - 4
	if l.netWarn != "" {
		b.WriteString(st.Error.Render(clip("! "+l.netWarn, w-2)) + "\n")
		h--
	}
	switch {
	case l.err != "":
		b.WriteString(st.Error.Render(wrapText(l.err, w-2)))
		return b.String()
	case !l.loaded:
		b.WriteString("Loading…")
		return b.String()
	case len(l.cases) == 0 && l.query() != "":
		b.WriteString("No case matches that search. Press esc to clear it.")
		return b.String()
	case len(l.cases) == 0:
		b.WriteString("No cases yet. Press ctrl+n (or enter) to start one.\n")
		if l.c.guest {
			b.WriteString(st.Subtle.Render(wrapText("This is a guest session: nothing is kept after you close kincare.", w-2)))
		}
		return b.String()
	}
	start := 0
	if l.cursor >= h {
		start = l.cursor - h + 1
	}
	for i := start; i < len(l.cases) && i < start+h; i++ {
		b.WriteString(l.row(l.cases[i], i == l.cursor) + "\n")
	}
	return b.String()
}

// row is one case: its label and names on the left, when it last changed on the right.
func (l *casesScreen) row(c storage.Summary, selected bool) string {
	st := l.c.st
	w := l.c.width
	children := childrenWords(c)
	label := entitlements.CleanText(c.Label)
	if label == "" {
		// A case without a label is named by the people in it.
		label = firstOf(entitlements.CleanText(c.CarerName), children, "Untitled case")
	}
	extra := []string{}
	for _, s := range []string{c.CarerName, children, c.Council} {
		if s = entitlements.CleanText(s); s != "" && s != label {
			extra = append(extra, s)
		}
	}
	when := c.Updated.Local().Format("2 Jan 2006 15:04")
	flag := ""
	if c.Overdue > 0 {
		flag = fmt.Sprintf(" ! %d overdue", c.Overdue)
		if c.Overdue == 1 {
			flag = " ! reply overdue"
		}
	}
	right := when + flag
	avail := w - 2 - len(right) - 2
	line := label
	if len(extra) > 0 {
		line += " · " + strings.Join(extra, " · ")
	}
	line = clip(line, avail)
	pad := strings.Repeat(" ", max(avail-lipglossWidth(line), 0))
	switch {
	case selected:
		return st.Selected.Render(l.c.cursor(true) + line + pad + "  " + right)
	case c.Overdue > 0:
		return l.c.cursor(false) + line + pad + "  " + when + st.Warn.Render(flag)
	}
	return l.c.cursor(false) + line + pad + "  " + right
}

// childrenWords are the children's first names and ages: "Tyler 7, Ava 2".
func childrenWords(c storage.Summary) string {
	var parts []string
	for _, ch := range c.Children {
		name := entitlements.CleanText(ch.Name)
		if f := strings.Fields(name); len(f) > 0 {
			name = f[0]
		}
		switch {
		case name != "" && ch.Age >= 0:
			parts = append(parts, name+" "+itoa(ch.Age))
		case name != "":
			parts = append(parts, name)
		case ch.Age >= 0:
			parts = append(parts, "child of "+itoa(ch.Age))
		}
	}
	if len(parts) == 0 {
		return entitlements.CleanText(c.ChildName)
	}
	return strings.Join(parts, ", ")
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func (l *casesScreen) keys() helpKeys {
	k := l.c.keys
	ck := casesKeys
	short := []key.Binding{k.Search, ck.Open, k.New, k.Delete}
	if !l.c.guest {
		short = append(short, k.Guest)
	}
	short = append(short, k.Tracks)
	full := [][]key.Binding{{k.Up, k.Down, ck.Open}, {k.New, k.Delete, k.Guest}, {k.Tracks, relabel(ck.Back, "clear search / quit"), k.QuickExit}}
	if !l.c.guest {
		short = append(short, k.Pass)
		full[1] = append(full[1], k.Pass)
	}
	short = append(short, ck.Back, k.QuickExit)
	return helpKeys{short: short, full: full}
}
