package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Delete removes a case so that its text is gone from the disk file and not merely marked
// as free space: it writes a fresh copy of the file without the case and moves it over the
// old one. If the copy cannot be made (a full disk, a read-only folder), the old file is
// untouched, the case is still there, the copy is removed and the error says so: a delete
// either completes or changes nothing.
func (d *DB) Delete(id string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	if !validID(id) {
		return errNotFound(id)
	}
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			if tx.Bucket([]byte(bucketCases)).Get([]byte(id)) == nil {
				return errNotFound(id)
			}
			return nil
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	if err := d.rewrite(id); err != nil {
		return deleteFailed(d.path, err)
	}
	if d.idx != nil {
		d.idx.remove(id)
	}
	return nil
}

// Compact rewrites the file without the space left by replaced or deleted data.
func (d *DB) Compact() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil && !errors.Is(err, ErrNeedPassphrase) {
		return err
	}
	return d.compact()
}

// compact copies every live record into a fresh file in the same folder and moves it over
// the old one. Copying (rather than zeroing free pages in place) also gets rid of old
// copies in pages bbolt may have moved about, which we could not otherwise find.
func (d *DB) compact() error { return d.rewrite("") }

// rewrite is compact, leaving out the case skip (when not ""). Whatever fails, the
// temporary copy is removed and the open file is the one it was.
func (d *DB) rewrite(skip string) error {
	tmp := d.tempName()
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		_ = os.Remove(tmp)
		return ioError(filepath.Dir(d.path), "make a clean copy of the case file in this folder", err)
	}
	err = safely(func() error {
		if err := copyBuckets(dst, d.bdb, skip); err != nil {
			return err
		}
		return dst.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keyDirty))
		})
	})
	if err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return d.wrapErr(err)
	}
	if err := d.swapIn(tmp, dst); err != nil {
		return err
	}
	d.dirty = false
	return nil
}

// copyBuckets copies every bucket of src into the empty dst, leaving out the case skip from the
// cases and the index, and committing every few megabytes so a large file never has to fit
// in memory. Leaving the case out of the copy (rather than deleting it first) is what makes
// a delete all-or-nothing.
func copyBuckets(dst, src *bolt.DB, skip string) error {
	const chunk = 8 << 20
	return src.View(func(stx *bolt.Tx) error {
		tx, err := dst.Begin(true)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback() }()
		size := 0
		err = stx.ForEach(func(name []byte, sb *bolt.Bucket) error {
			b, err := tx.CreateBucketIfNotExists(name)
			if err != nil {
				return err
			}
			if err := b.SetSequence(sb.Sequence()); err != nil {
				return err
			}
			leaveOut := skip != "" && (string(name) == bucketCases || string(name) == bucketIndex)
			bucket := string(name)
			return sb.ForEach(func(k, v []byte) error {
				if v == nil {
					return errors.New("the file holds a nested bucket kincare did not make")
				}
				if leaveOut && string(k) == skip {
					return nil
				}
				if size += len(k) + len(v); size > chunk {
					if err := tx.Commit(); err != nil {
						return err
					}
					if tx, err = dst.Begin(true); err != nil {
						return err
					}
					size = len(k) + len(v)
				}
				b := tx.Bucket([]byte(bucket))
				b.FillPercent = 1.0
				return b.Put(k, v)
			})
		})
		if err != nil {
			return err
		}
		return tx.Commit()
	})
}

func (d *DB) tempName() string {
	return filepath.Join(filepath.Dir(d.path), d.tempPrefix()+randHex(6))
}

func (d *DB) tempPrefix() string { return "." + filepath.Base(d.path) + ".tmp-" }

// cleanTemps removes copies left by a crash during compaction. Only safe while we hold the
// lock on the main file, since otherwise they may be another window's work in progress.
func (d *DB) cleanTemps() {
	dir := filepath.Dir(d.path)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), d.tempPrefix()) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
