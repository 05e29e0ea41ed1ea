package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// lettersScreen lists the letters the case offers, and those drafted earlier.
type lettersScreen struct {
	c  *common
	cs *caseState
}

func newLettersScreen(c *common, cs *caseState) *lettersScreen {
	return &lettersScreen{c: c, cs: cs}
}

func (l *lettersScreen) crumb() string { return l.cs.label() + " · Letters" }

func (l *lettersScreen) start() tea.Cmd {
	if l.cs.lettersCursor >= len(letterRows(l.cs)) {
		l.cs.lettersCursor = 0
	}
	return nil
}

// lettersKeys are the letters list's own keys.
var lettersKeys = struct{ Back, Open, Details key.Binding }{
	Back:    key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back")),
	Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	Details: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "details")),
}

func (l *lettersScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	rows := letterRows(l.cs)
	keys := l.c.keys
	cur := &l.cs.lettersCursor
	switch {
	case key.Matches(k, lettersKeys.Back):
		return l.c.pop()
	case key.Matches(k, keys.Up):
		*cur = max(*cur-1, 0)
	case key.Matches(k, keys.Down):
		*cur = min(*cur+1, max(len(rows)-1, 0))
	case key.Matches(k, lettersKeys.Open):
		if *cur < len(rows) {
			lt, err := openLetter(l.c, l.cs, rows[*cur].id)
			if err != nil {
				return l.c.failure("This letter cannot be drafted: " + err.Error())
			}
			return l.c.push(lt)
		}
	case key.Matches(k, lettersKeys.Details):
		return l.c.push(newDetailsScreen(l.c, l.cs))
	case key.Matches(k, keys.ReadOut):
		return l.c.push(newReadoutScreen(l.c, l.cs))
	case key.Matches(k, keys.Help):
		l.c.help.ShowAll = !l.c.help.ShowAll
	}
	return nil
}

func (l *lettersScreen) view() string {
	st := l.c.st
	w := l.c.width - 2
	rows := letterRows(l.cs)
	cur := l.cs.lettersCursor
	var b strings.Builder
	if len(rows) == 0 {
		b.WriteString(wrapText("No letters to send yet. Answer more questions and letters will appear here when they can help.", w))
		return b.String()
	}
	intro := "Letters that ask for what the family may get. Press enter to open one."
	if n := l.cs.overdueCount(l.c.today); n > 0 {
		intro = overdueWords(n) + ": open it and press f for a follow-up."
		b.WriteString(st.Warn.Render(clip(intro, w)) + "\n\n")
	} else {
		b.WriteString(clip(intro, w) + "\n\n")
	}
	room := max((l.c.bodyHeight()-2)/2, 1)
	start := 0
	if cur >= room {
		start = cur - room + 1
	}
	for i := start; i < len(rows) && i < start+room; i++ {
		row := rows[i]
		title := requestTitle(row.id)
		r := l.cs.request(row.id)
		state, late := requestState(r, l.c.today)
		if r != nil && len(r.Versions) > 0 {
			if len(r.FollowUps) > 0 {
				state += " · follow-up drafted"
			}
			if n := len(gapsIn(r.Versions[len(r.Versions)-1].Text)); n == 1 {
				state += " · 1 gap to fill"
			} else if n > 1 {
				state += " · " + itoa(n) + " gaps to fill"
			}
		}
		if !row.offered {
			state += " (the answers no longer offer this letter)"
		}
		line := l.c.cursor(i == cur) + clip(title, w-2)
		if i == cur {
			line = st.Selected.Render(line)
		}
		stLine := "  " + clip(state, w-2)
		if late {
			stLine = st.Warn.Render(stLine)
		} else {
			stLine = st.Subtle.Render(stLine)
		}
		b.WriteString(line + "\n" + stLine + "\n")
	}
	return b.String()
}

func (l *lettersScreen) keys() helpKeys {
	k, lk := l.c.keys, lettersKeys
	return helpKeys{short: []key.Binding{kb("↑/↓", "choose"), lk.Open, lk.Details, lk.Back, k.QuickExit},
		full: [][]key.Binding{{k.Up, k.Down, lk.Open}, {relabel(lk.Details, "people's details"), k.ReadOut}, {lk.Back, k.QuickExit}}}
}
