package storage

import (
	"sync"
	"time"
)

// Memory is guest mode: the same Store, held only in this process's memory. It never opens,
// creates or writes a file, so nothing is left on a shared computer when kincare exits.
type Memory struct {
	mu     sync.Mutex
	cases  map[string]Case
	idx    *index
	closed bool
	// written lists the files this session wrote (exports, letters, read-outs), so the
	// end of a guest session can offer to remove them.
	written map[string]WrittenFile
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty guest-mode store.
func NewMemory() Store { return newMemory() }

func newMemory() *Memory {
	return &Memory{cases: map[string]Case{}, idx: newIndex(0)}
}

func (m *Memory) usable() error {
	if m.closed {
		return errClosed("")
	}
	return nil
}

func (m *Memory) List(today string) ([]Summary, error) { return m.Search("", today) }

func (m *Memory) Search(query, today string) ([]Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return nil, err
	}
	return m.idx.search(query, todayOr(today)), nil
}

func (m *Memory) Get(id string) (Case, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return Case{}, err
	}
	c, ok := m.cases[id]
	if !ok {
		return Case{}, errNotFound(id)
	}
	return cloneCase(c), nil
}

func (m *Memory) Save(c *Case) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return err
	}
	now := time.Now().UTC()
	if err := prepare(c, now); err != nil {
		return err
	}
	c.Updated = now
	m.putLocked(c)
	return nil
}

func (m *Memory) put(cases []*Case) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return err
	}
	if err := prepareBatch(cases, time.Now().UTC()); err != nil {
		return err
	}
	for _, c := range cases {
		m.putLocked(c)
	}
	return nil
}

func (m *Memory) putLocked(c *Case) {
	m.cases[c.ID] = cloneCase(*c)
	m.idx.set(entryOf(c))
}

func (m *Memory) Delete(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return err
	}
	if _, ok := m.cases[id]; !ok {
		return errNotFound(id)
	}
	delete(m.cases, id)
	m.idx.remove(id)
	return nil
}

// DeleteAll forgets every case; the store stays usable.
func (m *Memory) DeleteAll() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cases, m.idx = map[string]Case{}, newIndex(0)
	return nil
}

func (m *Memory) Protected() bool { return false }
func (m *Memory) Path() string    { return "" }

func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cases, m.idx = nil, nil
	m.closed = true
	return nil
}
