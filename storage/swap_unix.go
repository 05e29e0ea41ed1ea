//go:build !windows

package storage

import (
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// swapIn moves the finished copy at tmp over the case file. The copy is already open and
// locked by us, so at no moment is the file at path unlocked: another window waiting to
// open it either gets the old file (and then notices it was replaced) or the new one.
func (d *DB) swapIn(tmp string, dst *bolt.DB) error {
	if err := dst.Sync(); err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return ioError(d.path, "save the clean copy of the case file", err)
	}
	if err := os.Rename(tmp, d.path); err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return ioError(d.path, "replace the case file with its clean copy", err)
	}
	syncDir(filepath.Dir(d.path))
	old := d.bdb
	d.bdb = dst
	_ = old.Close()
	return nil
}

// syncDir makes a rename durable: without it a power cut can bring back the old name.
func syncDir(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = f.Sync()
	_ = f.Close()
}
