//go:build windows

package storage

import (
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// swapIn moves the finished copy at tmp over the case file. Windows cannot rename over a
// file that is open and mapped, so both are closed first and the file is reopened; the
// moment in between is short, and Open checks it locked the file that is now at path.
func (d *DB) swapIn(tmp string, dst *bolt.DB) error {
	if err := dst.Close(); err != nil {
		_ = os.Remove(tmp)
		return ioError(d.path, "save the clean copy of the case file", err)
	}
	_ = d.bdb.Close()
	renameErr := os.Rename(tmp, d.path)
	if renameErr != nil {
		_ = os.Remove(tmp)
	}
	if err := d.openBolt(d.opts.Timeout + time.Second); err != nil {
		d.closed = true
		d.dropSecrets()
		return err
	}
	if renameErr != nil {
		return ioError(d.path, "replace the case file with its clean copy", renameErr)
	}
	return nil
}

// syncDir is not needed on Windows: NTFS journals renames.
func syncDir(string) {}
