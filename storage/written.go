package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketWritten holds one entry per file kincare wrote at a person's request (an export, a
// letter, a saved read-out), so that "delete all my data" and the end of a guest session can
// list and remove them. In a protected file the entries are sealed like every case. Older
// kincare versions ignore the bucket.
const bucketWritten = "written"

// WrittenFile is one file kincare wrote.
type WrittenFile struct {
	Path   string    `json:"path"`   // absolute
	SHA256 string    `json:"sha256"` // of what kincare wrote, to tell if the file changed since
	At     time.Time `json:"at"`
	// Filled in by WrittenFiles: Gone when the file is no longer there, Changed when it is
	// there but no longer holds what kincare wrote (someone edited or replaced it).
	Gone    bool `json:"-"`
	Changed bool `json:"-"`
}

// fileRecorder is implemented by the stores that remember what kincare wrote.
type fileRecorder interface {
	recordWritten(WrittenFile) error
	writtenFiles() ([]WrittenFile, error)
	forgetWritten(paths []string) error
}

var (
	_ fileRecorder = (*DB)(nil)
	_ fileRecorder = (*Memory)(nil)
)

// WriteRecorded writes data to path as WriteFile does and records the file in s (in the case
// file, or in memory for a guest session). s may be nil for a file that belongs to no store.
func WriteRecorded(s Store, path string, data []byte, replace bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ioError(path, "find the folder", err)
	}
	if err := WriteFile(abs, data, replace); err != nil {
		return err
	}
	r, ok := s.(fileRecorder)
	if !ok {
		return nil
	}
	sum := sha256.Sum256(data)
	return r.recordWritten(WrittenFile{Path: abs, SHA256: hex.EncodeToString(sum[:]), At: time.Now().UTC()})
}

// WrittenFiles lists the files kincare wrote for s, oldest first, each marked Gone or Changed
// when it is no longer as kincare wrote it.
func WrittenFiles(s Store) ([]WrittenFile, error) {
	r, ok := s.(fileRecorder)
	if !ok {
		return nil, nil
	}
	list, err := r.writtenFiles()
	if err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Gone, list[i].Changed = fileState(list[i])
	}
	sort.Slice(list, func(i, j int) bool { return list[i].At.Before(list[j].At) })
	return list, nil
}

func fileState(w WrittenFile) (gone, changed bool) {
	fi, err := os.Lstat(w.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, false
	}
	if err != nil || !fi.Mode().IsRegular() {
		return false, true
	}
	data, err := os.ReadFile(w.Path)
	if err != nil {
		return false, true
	}
	sum := sha256.Sum256(data)
	return false, hex.EncodeToString(sum[:]) != w.SHA256
}

// RemoveWrittenFiles deletes the files kincare wrote for s that still hold what kincare
// wrote, and forgets them. Files changed since are left where they are (someone else may
// have made them their own) and returned in kept, so the person can be told.
//
// kincare's own letters folder (LettersFolder) goes too once it is empty: os.Remove leaves a
// folder that still holds anything, so nothing the person keeps there is touched.
func RemoveWrittenFiles(s Store) (removed, kept []string, err error) {
	list, err := WrittenFiles(s)
	if err != nil {
		return nil, nil, err
	}
	var forget []string
	for _, w := range list {
		switch {
		case w.Gone:
			forget = append(forget, w.Path)
		case w.Changed:
			kept = append(kept, w.Path)
		default:
			if err := os.Remove(w.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				kept = append(kept, w.Path)
				continue
			}
			dir := filepath.Dir(w.Path)
			syncDir(dir)
			if filepath.Base(dir) == LettersFolder {
				_ = os.Remove(dir)
			}
			removed = append(removed, w.Path)
			forget = append(forget, w.Path)
		}
	}
	if r, ok := s.(fileRecorder); ok && len(forget) > 0 {
		if err := r.forgetWritten(forget); err != nil {
			return removed, kept, err
		}
	}
	return removed, kept, nil
}

// LettersFolder is the folder in the home folder where the interface exports letters by default.
const LettersFolder = "kincare-letters"

// writtenKey names an entry by a hash of the path, so that writing the same file again
// replaces its entry and the key itself reveals nothing.
func writtenKey(path string) string {
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:16])
}

func (d *DB) recordWritten(w WrittenFile) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	plain, _ := json.Marshal(w)
	k := writtenKey(w.Path)
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte(bucketWritten))
			if err != nil {
				return err
			}
			return b.Put([]byte(k), d.encode(bucketWritten, k, plain))
		})
	})
	return d.wrapErr(err)
}

func (d *DB) writtenFiles() ([]WrittenFile, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	var out []WrittenFile
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketWritten))
			if b == nil {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				plain, err := d.decode(bucketWritten, string(k), v)
				if err != nil {
					return err
				}
				var w WrittenFile
				if err := json.Unmarshal(plain, &w); err != nil || writtenKey(w.Path) != string(k) {
					return errValueDamaged
				}
				out = append(out, w)
				return nil
			})
		})
	})
	return out, d.wrapErr(err)
}

func (d *DB) forgetWritten(paths []string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketWritten))
			if b == nil {
				return nil
			}
			for _, p := range paths {
				if err := b.Delete([]byte(writtenKey(p))); err != nil {
					return err
				}
			}
			return nil
		})
	})
	return d.wrapErr(err)
}

func (m *Memory) recordWritten(w WrittenFile) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.usable(); err != nil {
		return err
	}
	if m.written == nil {
		m.written = map[string]WrittenFile{}
	}
	m.written[w.Path] = w
	return nil
}

func (m *Memory) writtenFiles() ([]WrittenFile, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]WrittenFile, 0, len(m.written))
	for _, w := range m.written {
		out = append(out, w)
	}
	return out, nil
}

func (m *Memory) forgetWritten(paths []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range paths {
		delete(m.written, p)
	}
	return nil
}
