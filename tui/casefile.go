package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
)

// The root's part in opening the case file and the cases in it. Screens ask with these
// messages; the root runs the commands, and acts on their results.
type (
	openCaseMsg   struct{ id string }
	deleteCaseMsg struct{ id string }
	searchMsg     struct{}
	newCaseMsg    struct{}
	createCaseMsg struct{ user, label string }
	guestMsg      struct{}
	// passRefusedMsg tells a passphrase screen that the passphrase was wrong.
	passRefusedMsg struct{ tries int }
)

// caseScreen is which of a case's screens was in front when kincare locked itself.
type caseScreen int

const (
	atQuestions caseScreen = iota
	atResults
	atNotes
)

func (m *Model) handleFile(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case dbStateMsg:
		return m.onDBState(msg), true
	case openedMsg:
		return m.onOpened(msg), true
	case unlockedMsg:
		return m.onUnlocked(msg), true
	case lockedMsg:
		return nil, true
	case listedMsg:
		m.list.setCases(msg)
		return nil, true
	case loadedMsg:
		return m.onLoaded(msg), true
	case deletedMsg:
		if msg.err != nil {
			return m.setStatus("Not deleted: "+msg.err.Error(), true), true
		}
		return tea.Batch(m.refreshList(), m.setStatus("Case deleted", false)), true
	case openCaseMsg:
		return loadCase(m.store, msg.id), true
	case deleteCaseMsg:
		return deleteCase(m.store, msg.id), true
	case searchMsg:
		return m.refreshList(), true
	case newCaseMsg:
		return m.pushScreen(newNewCaseScreen(m.c)), true
	case createCaseMsg:
		return m.createCase(msg.user, msg.label), true
	case guestMsg:
		return m.startGuest(), true
	case tracksMsg:
		return m.pushScreen(newTracksScreen(m.c, m.path)), true
	case passphraseMsg:
		pc, ok := m.store.(passChanger)
		if m.c.guest || !ok {
			return m.setStatus("A guest session keeps nothing once kincare closes, so it needs no passphrase.", false), true
		}
		return m.pushScreen(newPassphraseScreen(m.c, pc)), true
	}
	return nil, false
}

func (m *Model) onDBState(msg dbStateMsg) tea.Cmd {
	m.list.netWarn = msg.netWarn
	switch {
	case msg.err != nil:
		return m.resetTo(&fatalScreen{c: m.c, text: msg.err.Error()})
	case !msg.exists:
		return m.resetTo(newFirstRunScreen(m.c, m.path))
	case msg.protected:
		return m.resetTo(newPassScreen(m.c, m.path, m.passTries))
	}
	return openDB(m.path, nil)
}

func (m *Model) onOpened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, storage.ErrWrongPassphrase) {
			return m.wrongPass()
		}
		if errors.Is(msg.err, storage.ErrNeedPassphrase) {
			return m.resetTo(newPassScreen(m.c, m.path, m.passTries))
		}
		return m.resetTo(&fatalScreen{c: m.c, text: msg.err.Error()})
	}
	m.store = msg.store
	return tea.Batch(m.resetTo(m.list), m.refreshList())
}

const maxTries = 3

func (m *Model) wrongPass() tea.Cmd {
	m.passTries++
	if m.passTries >= maxTries {
		return m.resetTo(&fatalScreen{c: m.c, text: "That passphrase was wrong three times, so kincare will close. Your cases are safe and unchanged. If you have forgotten the passphrase, nobody can open the file without it."})
	}
	return tea.Batch(m.route(passRefusedMsg{tries: m.passTries}),
		m.setStatus("That passphrase does not open the case file. Capital letters count. Try again.", true))
}

func (m *Model) onUnlocked(msg unlockedMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, storage.ErrWrongPassphrase) {
			return m.wrongPass()
		}
		return m.resetTo(&fatalScreen{c: m.c, text: msg.err.Error()})
	}
	m.passTries = 0
	cmds := []tea.Cmd{m.resetTo(m.list), m.refreshList()}
	if m.lockedID != "" {
		cmds = append(cmds, loadCase(m.store, m.lockedID))
		m.lockedID = ""
	}
	return tea.Batch(cmds...)
}

func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("Could not open the case: "+msg.err.Error(), true)
	}
	cs, err := newCaseState(msg.c, m.c.today)
	if err != nil {
		return m.setStatus("Could not read the answers in this case: "+err.Error(), true)
	}
	at := m.lockedAt
	m.lockedAt = atQuestions
	if at == atQuestions && cs.step.Done && len(cs.s.Answers(0).Known()) > 1 {
		at = atResults
	}
	return m.showCase(cs, at)
}

// showCase puts a case's screens on the stack: the questions, and on them the results or the
// notes when those were in front.
func (m *Model) showCase(cs *caseState, at caseScreen) tea.Cmd {
	m.cs = cs
	iv := newInterviewScreen(m.c, cs)
	switch at {
	case atResults:
		return m.resetTo(m.list, iv, newResultsScreen(m.c, cs))
	case atNotes:
		return m.resetTo(m.list, iv, newNotesScreen(m.c, cs))
	}
	return m.resetTo(m.list, iv)
}

func (m *Model) createCase(user, label string) tea.Cmd {
	var a entitlements.Answers
	if user == "adviser" || user == "carer" {
		_ = a.Set(entitlements.User, user)
	}
	label = entitlements.CleanText(label)
	if r := []rune(label); len(r) > 120 {
		label = string(r[:120])
	}
	c := storage.Case{ID: storage.NewID(), Label: label, Household: mustJSON(a)}
	cs, err := newCaseState(c, m.c.today)
	if err != nil {
		return m.setStatus(err.Error(), true)
	}
	return tea.Batch(cs.touch(), m.showCase(cs, atQuestions))
}

func (m *Model) startGuest() tea.Cmd {
	old := m.store
	m.store = storage.NewMemory()
	m.c.guest = true
	if m.opts.LockAfter <= 0 {
		m.lockAfter = 5 * 60 * 1e9
	}
	m.list.cases = nil
	m.list.cursor = 0
	m.resetTo(m.list)
	var closeOld tea.Cmd
	if old != nil {
		closeOld = func() tea.Msg { _ = old.Close(); return nil }
	}
	return tea.Batch(closeOld, m.refreshList(), m.setStatus("Guest session: nothing you type will be kept.", false))
}

// lock hides the case, drops what was decrypted and asks for the passphrase again.
func (m *Model) lock() tea.Cmd {
	var cmds []tea.Cmd
	if m.cs != nil {
		// Text being typed is kept, not lost.
		for _, s := range m.stack {
			if k, ok := s.(keeper); ok {
				k.keepOnLock()
			}
		}
		if m.cs.dirty && m.store != nil {
			cmds = append(cmds, saveCase(m.store, m.cs.snapshot(), m.cs.saveSeq))
		}
		m.lockedID = m.cs.c.ID
		m.lockedAt = atQuestions
		switch m.front().(type) {
		case *resultsScreen, *outcomeScreen:
			m.lockedAt = atResults
		case *notesScreen:
			m.lockedAt = atNotes
		}
	}
	m.cs = nil
	m.list.cases = nil
	cmds = append(cmds, m.resetTo(newLockScreen(m.c, m.store, m.passTries)))
	if m.store != nil {
		cmds = append(cmds, lockStore(m.store))
	}
	return tea.Sequence(cmds...)
}

// quickExit leaves at once: the clipboard kincare filled is cleared and the program ends;
// Run clears the screen and the scrollback and closes the case file.
func (m *Model) quickExit() tea.Cmd {
	m.quick = true
	m.quitting = true
	m.printOnExit = ""
	return tea.Sequence(tea.SetClipboard(clipboardPayload), tea.Quit)
}
