package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is one screen of the interface. The root keeps screens on a stack, hands the one on
// top every key, and draws it between the title line and the status and help lines. A screen
// never puts another in front of itself: it posts the root a message (push, pop, replace),
// so the stack is changed in one place.
type screen interface {
	update(msg tea.Msg) tea.Cmd
	// view draws the body. It only draws: it changes nothing.
	view() string
	// crumb says where the person is, for the title line.
	crumb() string
	// keys are the key bindings the help line shows.
	keys() helpKeys
}

// Optional parts of a screen.
type (
	// starter runs once when the screen is put on the stack.
	starter interface{ start() tea.Cmd }
	// resizer lays the screen out again after the window or the help changed size.
	resizer interface{ resize() }
	// restyler takes the new look after the terminal's background was learnt.
	restyler interface{ restyle() }
	// keeper keeps what is being typed when the screen locks itself.
	keeper interface{ keepOnLock() }
	// dialog is a small screen drawn as one line at the foot of the screen below it.
	dialog interface {
		screen
		footer(width int) string
	}
	// host is a screen a dialog can sit on.
	host interface {
		viewWith(d dialog) string
	}
)

// backKey goes back one screen where no text is typed: esc, or q.
var backKey = key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back"))

// The navigation messages. Only the root acts on them.
type (
	pushMsg    struct{ s screen }
	popMsg     struct{}
	replaceMsg struct{ s screen }
)

// Screens post their messages for the root on common's queue, which the root empties as soon
// as the screen's update returns, before the next key is read. Posting through a command
// instead would let a key typed quickly after (or pasted) reach the screen being left: a
// second enter on the case list rather than the new case. Each helper returns no command, so
// it reads as one: "return c.push(s)".

// send posts msg for the root, which handles it or hands it to the screen then on top.
func (c *common) send(msg tea.Msg) tea.Cmd {
	c.posted = append(c.posted, msg)
	return nil
}

func (c *common) push(s screen) tea.Cmd    { return c.send(pushMsg{s}) }
func (c *common) pop() tea.Cmd             { return c.send(popMsg{}) }
func (c *common) replace(s screen) tea.Cmd { return c.send(replaceMsg{s}) }

// popWith closes the screen in front and hands msg to the one it uncovers: a dialog's answer.
func (c *common) popWith(msg tea.Msg) tea.Cmd {
	c.pop()
	return c.send(msg)
}

// Requests from screens to the root, for what only the root holds (the status line, the
// clipboard, the case file, leaving).
type (
	statusMsg struct {
		text  string
		isErr bool
	}
	clipboardMsg struct{ text string }
	// printAndQuitMsg leaves and prints text once the screen is back to normal.
	printAndQuitMsg struct{ text string }
	quitMsg         struct{}
	// leaveMsg closes kincare once a guest session's files were dealt with (guest.go).
	leaveMsg     struct{}
	closeCaseMsg struct{}
)

func (c *common) status(text string) tea.Cmd   { return c.send(statusMsg{text: text}) }
func (c *common) failure(text string) tea.Cmd  { return c.send(statusMsg{text: text, isErr: true}) }
func (c *common) copyText(text string) tea.Cmd { return c.send(clipboardMsg{text}) }

func (m *Model) top() screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// front is the screen being shown: the top one, or the one a dialog sits on.
func (m *Model) front() screen {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if _, ok := m.stack[i].(dialog); !ok {
			return m.stack[i]
		}
	}
	return nil
}

func (m *Model) pushScreen(s screen) tea.Cmd {
	m.stack = append(m.stack, s)
	return startScreen(s)
}

func (m *Model) popScreen() {
	if len(m.stack) > 1 {
		m.stack[len(m.stack)-1] = nil
		m.stack = m.stack[:len(m.stack)-1]
	}
}

func (m *Model) replaceScreen(s screen) tea.Cmd {
	if len(m.stack) == 0 {
		return m.pushScreen(s)
	}
	m.stack[len(m.stack)-1] = s
	return startScreen(s)
}

// resetTo empties the stack down to the given screens (the root's own moves: opening,
// locking, closing a case).
func (m *Model) resetTo(ss ...screen) tea.Cmd {
	m.stack = m.stack[:0]
	var cmds []tea.Cmd
	for _, s := range ss {
		cmds = append(cmds, m.pushScreen(s))
	}
	return tea.Batch(cmds...)
}

func startScreen(s screen) tea.Cmd {
	if st, ok := s.(starter); ok {
		return st.start()
	}
	return nil
}

func (m *Model) resizeAll() {
	for _, s := range m.stack {
		if r, ok := s.(resizer); ok {
			r.resize()
		}
	}
}

func (m *Model) restyleAll() {
	for _, s := range m.stack {
		if r, ok := s.(restyler); ok {
			r.restyle()
		}
	}
}
