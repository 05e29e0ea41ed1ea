package storage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ImportMode says what to do when an imported case has the same reference as one already kept.
type ImportMode int

const (
	// ImportRefuse imports nothing if any case is already there, returning *ConflictError.
	ImportRefuse ImportMode = iota
	// ImportAsCopies gives clashing cases a new reference, keeping both.
	ImportAsCopies
	// ImportReplace replaces the kept case with the imported one.
	ImportReplace
)

// ConflictError lists cases in an import that are already in the store.
type ConflictError struct {
	IDs    []string
	Labels []string // the labels in the store, for the message
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d case(s) in this export are already here: ", len(e.IDs))
	for i, id := range e.IDs {
		if i > 0 {
			b.WriteString(", ")
		}
		if e.Labels[i] != "" {
			fmt.Fprintf(&b, "%q (%s)", e.Labels[i], id)
		} else {
			b.WriteString(id)
		}
	}
	b.WriteString(". Nothing was imported. Import them as new copies, or choose to replace the cases here.")
	return b.String()
}

// Is lets errors.Is(err, ErrConflict) work.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// ErrConflict matches *ConflictError.
var ErrConflict = errors.New("some imported cases are already here")

type putter interface{ put([]*Case) error }

// labeller answers "which of these ids are kept here, under what label" from the index,
// without reading every case.
type labeller interface {
	labels(ids []string) (map[string]string, error)
}

// ImportCases adds cases (from Import) to s according to mode and returns the references
// they are kept under, in order. Either every case is imported or, on error, none is. The
// cases' own fields are not changed, but their notes and letters may be tidied in place as
// Save tidies them (cases from Import already are).
func ImportCases(s Store, cases []Case, mode ImportMode) ([]string, error) {
	ids := make([]string, len(cases))
	for i := range cases {
		ids[i] = cases[i].ID
	}
	kept, err := keptLabels(s, ids)
	if err != nil {
		return nil, err
	}
	var clash []int
	ce := &ConflictError{}
	for i, id := range ids {
		if label, ok := kept[id]; ok {
			clash = append(clash, i)
			ce.IDs = append(ce.IDs, id)
			ce.Labels = append(ce.Labels, label)
		}
	}
	if len(clash) > 0 && mode == ImportRefuse {
		sort.Sort(byID(*ce))
		return nil, ce
	}
	_, isFile := s.(*DB)
	batch := make([]*Case, len(cases))
	for i := range cases {
		// A file store writes each case out at once, so a shallow copy keeps the caller's
		// cases unchanged; the memory store keeps what it is given, so it gets a deep copy.
		c := cases[i]
		if !isFile {
			c = cloneCase(c)
		}
		batch[i] = &c
	}
	if mode == ImportAsCopies {
		for _, i := range clash {
			batch[i].ID = NewID()
		}
	}
	if p, ok := s.(putter); ok {
		if err := p.put(batch); err != nil {
			return nil, err
		}
	} else {
		for _, c := range batch {
			if err := s.Save(c); err != nil {
				return nil, err
			}
		}
	}
	for i, c := range batch {
		ids[i] = c.ID
	}
	return ids, nil
}

// keptLabels maps each of ids already in s to its label there.
func keptLabels(s Store, ids []string) (map[string]string, error) {
	if l, ok := s.(labeller); ok {
		return l.labels(ids)
	}
	out := map[string]string{}
	for _, id := range ids {
		old, err := s.Get(id)
		if err == nil {
			out[id] = old.Label
		} else if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	return out, nil
}

func (x *index) labels(ids []string) map[string]string {
	out := map[string]string{}
	for _, id := range ids {
		if e, ok := x.byID[id]; ok {
			out[id] = e.Label
		}
	}
	return out
}

func (d *DB) labels(ids []string) (map[string]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	if err := d.loadIndex(); err != nil {
		return nil, err
	}
	return d.idx.labels(ids), nil
}

func (m *Memory) labels(ids []string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return nil, err
	}
	return m.idx.labels(ids), nil
}

type byID ConflictError

func (b byID) Len() int           { return len(b.IDs) }
func (b byID) Less(i, j int) bool { return b.IDs[i] < b.IDs[j] }
func (b byID) Swap(i, j int) {
	b.IDs[i], b.IDs[j] = b.IDs[j], b.IDs[i]
	b.Labels[i], b.Labels[j] = b.Labels[j], b.Labels[i]
}

// importBatch is how many cases go into one transaction. bbolt holds a transaction's
// changed pages in memory until it commits, so one transaction of 100,000 cases took 1.5 GB;
// batches of this size keep an import's memory bounded.
const importBatch = 2000

// importFault, set only by tests, fails the import at a given batch.
var importFault func(batch int) error

// putFresh writes many cases all-or-nothing without one huge transaction: it copies the
// case file into a fresh file beside it, adds the cases there in id order (so bbolt appends
// rather than splitting pages all over the tree) in bounded batches, and only then moves the
// fresh file over the case file. A failure or a crash part way leaves the case file as it was;
// the half-made copy is removed now, or when the file is next opened.
func (d *DB) putFresh(recs []record) error {
	sorted := slices.Clone(recs)
	slices.SortStableFunc(sorted, func(a, b record) int { return strings.Compare(a.id, b.id) })
	tmp := d.tempName()
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return ioError(filepath.Dir(d.path), "make a copy of the case file in this folder to import into", err)
	}
	// Nothing is worth syncing until the copy is complete: swapIn syncs it once, before the
	// rename that makes it the case file.
	dst.NoSync = true
	fail := func(err error) error {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return d.wrapErr(err)
	}
	if err := safely(func() error { return bolt.Compact(dst, d.bdb, 8<<20) }); err != nil {
		return fail(err)
	}
	replaced := false
	for lo := 0; lo < len(sorted); lo += importBatch {
		part := sorted[lo:min(lo+importBatch, len(sorted))]
		err := dst.Update(func(tx *bolt.Tx) error {
			if importFault != nil {
				if err := importFault(lo / importBatch); err != nil {
					return err
				}
			}
			r, err := d.writeRecords(tx, part)
			replaced = replaced || r
			return err
		})
		if err != nil {
			return fail(err)
		}
	}
	err = dst.Update(func(tx *bolt.Tx) error {
		mb := tx.Bucket([]byte(bucketMeta))
		if replaced {
			return mb.Put([]byte(keyDirty), []byte("1"))
		}
		// the copy holds no replaced or deleted text: it is as clean as a compaction
		return mb.Delete([]byte(keyDirty))
	})
	if err != nil {
		return fail(err)
	}
	dst.NoSync = false
	if err := d.swapIn(tmp, dst); err != nil {
		return err
	}
	d.dirty = replaced
	d.indexAll(sorted)
	return nil
}

// ImportFileTo imports the export file at path into s, as ImportFile and ImportCases would,
// but into a case file it keeps each case only as the JSON it will store, never all the cases
// as Go values: importing 100,000 cases so needs about a third of the memory.
func ImportFileTo(s Store, path string, passphrase []byte, mode ImportMode) ([]string, error) {
	d, isFile := s.(*DB)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(512)
	if !isFile || bytes.Contains(head, []byte(ExportFormatEncrypted)) {
		cases, err := ImportFile(path, passphrase)
		if err != nil {
			return nil, err
		}
		return ImportCases(s, cases, mode)
	}
	kept, err := d.keptLabels()
	if err != nil {
		return nil, err
	}
	var recs []record
	var ids []string
	ce := &ConflictError{}
	err = scanCases(br, func(c Case) error {
		if label, ok := kept[c.ID]; ok {
			switch mode {
			case ImportRefuse:
				ce.IDs, ce.Labels = append(ce.IDs, c.ID), append(ce.Labels, label)
				return nil // listed, not kept: nothing will be imported
			case ImportAsCopies:
				c.ID = NewID()
			}
		}
		if c.Updated.IsZero() {
			c.Updated = time.Now().UTC()
		}
		r, err := recordOf(&c)
		recs, ids = append(recs, r), append(ids, c.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(ce.IDs) > 0 {
		sort.Sort(byID(*ce))
		return nil, ce
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	if err := d.putRecords(recs); err != nil {
		return nil, err
	}
	return ids, nil
}

// keptLabels maps every case id in the file to its label.
func (d *DB) keptLabels() (map[string]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	if err := d.loadIndex(); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(d.idx.byID))
	for id, e := range d.idx.byID {
		out[id] = e.Label
	}
	return out, nil
}
