package tui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

// Every call that touches the disk runs here, in a command, and reports back with a message.

type dbStateMsg struct {
	exists, protected bool
	err               error
	netWarn           string // the file is on a network drive
}

type openedMsg struct {
	store storage.Store
	err   error
}

type listedMsg struct {
	query string
	cases []storage.Summary
	err   error
}

type loadedMsg struct {
	c   storage.Case
	err error
}

type savedMsg struct {
	seq int
	id  string
	err error
}

type deletedMsg struct {
	id  string
	err error
}

type unlockedMsg struct{ err error }

type lockedMsg struct{}

type idleMsg struct{ seq int }

type saveTickMsg struct{ seq int }

type clearStatusMsg struct{ seq int }

func checkDB(path string) tea.Cmd {
	return runIO(func() tea.Msg {
		warn := storage.NetworkDriveWarning(path)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return dbStateMsg{netWarn: warn}
		}
		p, err := storage.IsProtected(path)
		return dbStateMsg{exists: true, protected: p, err: err, netWarn: warn}
	})
}

func openDB(path string, pass []byte) tea.Cmd {
	return runIO(func() tea.Msg {
		db, err := storage.Open(path, storage.Options{Passphrase: pass})
		if err != nil {
			return openedMsg{err: err}
		}
		return openedMsg{store: db}
	})
}

func listCases(s storage.Store, query, today string) tea.Cmd {
	return runIO(func() tea.Msg {
		var cs []storage.Summary
		var err error
		if query == "" {
			cs, err = s.List(today)
		} else {
			cs, err = s.Search(query, today)
		}
		return listedMsg{query: query, cases: cs, err: err}
	})
}

func loadCase(s storage.Store, id string) tea.Cmd {
	return runIO(func() tea.Msg {
		c, err := s.Get(id)
		return loadedMsg{c: c, err: err}
	})
}

func saveCase(s storage.Store, c storage.Case, seq int) tea.Cmd {
	return runIO(func() tea.Msg {
		err := s.Save(&c)
		return savedMsg{seq: seq, id: c.ID, err: err}
	})
}

func deleteCase(s storage.Store, id string) tea.Cmd {
	return runIO(func() tea.Msg {
		return deletedMsg{id: id, err: s.Delete(id)}
	})
}

func lockStore(s storage.Store) tea.Cmd {
	return runIO(func() tea.Msg {
		if l, ok := s.(storage.Protector); ok && s.Protected() {
			l.Lock()
		}
		return lockedMsg{}
	})
}

func unlockStore(s storage.Store, pass []byte) tea.Cmd {
	return runIO(func() tea.Msg {
		if l, ok := s.(storage.Protector); ok {
			return unlockedMsg{err: l.Unlock(pass)}
		}
		return unlockedMsg{}
	})
}

// writeRecorded writes data to path (making its folder), readable only by this user, never
// replacing an existing file unless overwrite is set and never through a planted file or link,
// and records the file in the case file (or the guest session), so that deleting all data, or
// the end of a guest session, can find it.
func writeRecorded(s storage.Store, path string, data []byte, overwrite bool) error {
	err := storage.WriteRecorded(s, path, data, overwrite)
	if errors.Is(err, storage.ErrFileExists) {
		return &fs.PathError{Op: "open", Path: path, Err: fs.ErrExist}
	}
	return err
}

// runIO makes a command of a function that touches the disk. Tests replace it to run the
// function at once.
var runIO = func(f func() tea.Msg) tea.Cmd { return f }

// tick sends msg after d. Tests replace it to run time by hand.
var tick = func(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage("{}")
	}
	return b
}
