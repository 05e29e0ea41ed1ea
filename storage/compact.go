package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Delete removes a case and then rewrites the file, so that its text is gone from the disk
// file and not merely marked as free space.
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
		return d.bdb.Update(func(tx *bolt.Tx) error {
			cb := tx.Bucket([]byte(bucketCases))
			if cb.Get([]byte(id)) == nil {
				return errNotFound(id)
			}
			if err := cb.Delete([]byte(id)); err != nil {
				return err
			}
			if err := tx.Bucket([]byte(bucketIndex)).Delete([]byte(id)); err != nil {
				return err
			}
			return tx.Bucket([]byte(bucketMeta)).Put([]byte(keyDirty), []byte("1"))
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	d.dirty = true
	if d.idx != nil {
		d.idx.remove(id)
	}
	return d.compact()
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
func (d *DB) compact() error {
	tmp := d.tempName()
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return ioError(filepath.Dir(d.path), "make a clean copy of the case file in this folder", err)
	}
	err = safely(func() error {
		if err := bolt.Compact(dst, d.bdb, 8<<20); err != nil {
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

func (d *DB) tempName() string {
	return filepath.Join(filepath.Dir(d.path), "."+filepath.Base(d.path)+".tmp-"+randHex(6))
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
