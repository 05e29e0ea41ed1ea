package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"kincare/entitlements"
	"kincare/storage"
)

// Model is the root of the interface: it holds what is shared (the case file, the case in
// front, the status line) and a stack of screens, and routes each message to the screen on
// top. It is the only place the stack changes.
type Model struct {
	c     *common
	opts  Options
	path  string
	store storage.Store
	stack []screen
	list  *casesScreen // the case list, always at the bottom of the stack once the file is open
	cs    *caseState   // the case in front, or nil

	status    string
	statusErr bool
	statusSeq int

	passTries int
	lockAfter time.Duration
	idleSeq   int
	lockedID  string     // the case that was open when the screen locked
	lockedAt  caseScreen // which of its screens was in front

	clipboardSet bool
	printOnExit  string
	quick        bool
	quitting     bool
}

// New makes the root model. Run calls it; tests call it directly.
func New(o Options) *Model {
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	m := &Model{c: newCommon(o), opts: o, path: o.DBPath, store: o.Store}
	m.c.helpLines = func() int { return lipgloss.Height(m.helpView()) }
	m.lockAfter = o.LockAfter
	if m.lockAfter <= 0 {
		m.lockAfter = 10 * time.Minute
		if o.Guest {
			m.lockAfter = 5 * time.Minute
		}
	}
	if m.c.today.IsZero() {
		n := time.Now()
		m.c.today = entitlements.DateOf(n.Year(), n.Month(), n.Day())
	}
	m.list = newCasesScreen(m.c)
	m.c.store = m.store
	m.stack = []screen{&loadingScreen{}}
	if m.store == nil && o.Guest {
		m.store = storage.NewMemory()
	}
	return m
}

func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.resetIdle()}
	if m.store != nil {
		cmds = append(cmds, m.resetTo(m.list), m.refreshList())
	} else {
		cmds = append(cmds, checkDB(m.path))
	}
	return tea.Batch(cmds...)
}

// PrintOnExit is the text to print once the screen is back to normal ("" for none).
func (m *Model) PrintOnExit() string { return m.printOnExit }

func (m *Model) today() string { return m.c.today.String() }

func (m *Model) refreshList() tea.Cmd {
	if m.store == nil {
		return nil
	}
	return listCases(m.store, m.list.query(), m.today())
}

func (m *Model) resetIdle() tea.Cmd {
	m.idleSeq++
	return tick(m.lockAfter, idleMsg{seq: m.idleSeq})
}

func (m *Model) setStatus(s string, isErr bool) tea.Cmd {
	m.status, m.statusErr = entitlements.CleanText(s), isErr
	m.statusSeq++
	return tick(4*time.Second, clearStatusMsg{seq: m.statusSeq})
}

// Update handles one message, then every message the screens posted while handling it, in
// order, before the next message is read.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{m.update(msg)}
	for len(m.c.posted) > 0 {
		next := m.c.posted[0]
		m.c.posted = m.c.posted[1:]
		cmds = append(cmds, m.update(next))
	}
	m.c.store = m.store
	return m, tea.Batch(cmds...)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.c.help.SetWidth(msg.Width)
		m.resizeAll()
		return nil
	case tea.BackgroundColorMsg:
		m.c.dark = msg.IsDark()
		m.c.setStyles()
		m.restyleAll()
		m.resizeAll()
		return nil
	case tea.KeyPressMsg:
		cmd := m.resetIdle()
		if key.Matches(msg, m.c.keys.QuickExit) {
			return m.quickExit()
		}
		if m.tooSmall() {
			return cmd
		}
		return tea.Batch(cmd, m.route(msg))
	case tea.PasteMsg:
		return tea.Batch(m.resetIdle(), m.route(msg))
	}
	if cmd, handled := m.navigate(msg); handled {
		return cmd
	}
	if cmd, handled := m.handleShared(msg); handled {
		return cmd
	}
	if cmd, handled := m.handleFile(msg); handled {
		return cmd
	}
	return m.route(msg)
}

// route hands a message to the screen on top.
func (m *Model) route(msg tea.Msg) tea.Cmd {
	if s := m.top(); s != nil {
		return s.update(msg)
	}
	return nil
}

// navigate moves the stack.
func (m *Model) navigate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case pushMsg:
		return m.pushScreen(msg.s), true
	case popMsg:
		m.popScreen()
		return nil, true
	case replaceMsg:
		return m.replaceScreen(msg.s), true
	}
	return nil, false
}

// handleShared does what screens ask of the root: the status line, the clipboard, leaving,
// and keeping the case saved.
func (m *Model) handleShared(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case statusMsg:
		return m.setStatus(msg.text, msg.isErr), true
	case clearStatusMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return nil, true
	case clipboardMsg:
		m.clipboardSet = true
		return tea.SetClipboard(msg.text), true
	case printAndQuitMsg:
		m.printOnExit = msg.text
		return m.leave(), true
	case quitMsg:
		return m.leave(), true
	case leaveMsg:
		return m.quit(), true
	case idleMsg:
		if msg.seq != m.idleSeq {
			return nil, true
		}
		switch t := m.top().(type) {
		case *fatalScreen:
			return nil, true
		case *passScreen:
			if t.locked {
				return nil, true
			}
		}
		if m.c.guest {
			// A guest session left alone ends itself: nothing to open again with one key.
			return m.quickExit(), true
		}
		return m.lock(), true
	case saveTickMsg:
		if m.cs != nil && msg.seq == m.cs.saveSeq && m.cs.dirty && m.store != nil {
			return saveCase(m.store, m.cs.snapshot(), msg.seq), true
		}
		return nil, true
	case savedMsg:
		if msg.err != nil {
			return m.setStatus("Not saved: "+msg.err.Error(), true), true
		}
		if m.cs != nil && m.cs.c.ID == "" {
			m.cs.c.ID = msg.id
		}
		if m.cs != nil && msg.seq == m.cs.saveSeq {
			m.cs.dirty = false
		}
		if m.c.guest {
			return m.setStatus("Kept for this session only", false), true
		}
		return m.setStatus("Saved", false), true
	case closeCaseMsg:
		return m.closeCase(), true
	}
	return nil, false
}

// closeCase saves the case in front and goes back to the list.
func (m *Model) closeCase() tea.Cmd {
	var cmds []tea.Cmd
	if m.cs != nil && m.cs.dirty && m.store != nil {
		m.cs.saveSeq++
		cmds = append(cmds, saveCase(m.store, m.cs.snapshot(), m.cs.saveSeq))
	}
	m.cs = nil
	m.resetTo(m.list)
	// The next person at the list should not see what the last search was.
	m.list.search.SetValue("")
	m.list.cursor = 0
	return tea.Sequence(append(cmds, m.refreshList())...)
}

// leave closes kincare, but first, in a guest session that saved files still on this
// computer, lists them and offers to delete them.
func (m *Model) leave() tea.Cmd {
	if m.c.guest && m.store != nil {
		if _, asking := m.top().(*leaveGuestScreen); !asking {
			if files := guestFilesLeft(m.store); len(files) > 0 {
				return m.c.push(&leaveGuestScreen{c: m.c, files: files})
			}
		}
	}
	return m.quit()
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
}

func (m *Model) tooSmall() bool { return m.c.width < minWidth || m.c.height < minHeight }

// bodyHeight is the room a screen has between the title line and the status and help lines.
func (m *Model) bodyHeight() int { return m.c.bodyHeight() }
