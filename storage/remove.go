package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DeleteAll is "delete all my data": it closes the file and removes it, any temporary copies
// kincare made beside it, and the folder if nothing else is in it. The DB cannot be used
// afterwards.
func (d *DB) DeleteAll() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return errClosed(d.path)
	}
	_ = d.bdb.Close()
	d.closed = true
	d.dropSecrets()
	if err := removeAll(d.path); err != nil {
		return err
	}
	removeLink(d.link, d.path)
	return nil
}

// RemoveFile deletes a case file that cannot be opened (for instance a forgotten passphrase)
// or a damaged file) together with kincare's temporary copies and, if empty, its folder. It
// refuses files that are not kincare's and files open in another window.
func RemoveFile(path string) error {
	d, err := Open(path, Options{})
	switch {
	case err == nil:
		return d.DeleteAll()
	case errors.Is(err, ErrNeedPassphrase), errors.Is(err, ErrDamaged):
		abs, _ := filepath.Abs(path)
		real, err := resolveLink(abs)
		if err != nil {
			return err
		}
		if err := removeAll(real); err != nil {
			return err
		}
		if real != abs {
			removeLink(abs, real)
		}
		return nil
	default:
		return err
	}
}

func removeAll(path string) error {
	dir := filepath.Dir(path)
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return ioError(path, "delete the case file", err)
	}
	prefix := "." + filepath.Base(path) + ".tmp-"
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			n := e.Name()
			if strings.HasPrefix(n, prefix) || n == filepath.Base(path)+".bak" || n == filepath.Base(path)+".lock" {
				_ = os.Remove(filepath.Join(dir, n))
			}
		}
	}
	syncDir(dir)
	_ = os.Remove(dir) // only succeeds when empty, which is what we want
	return nil
}
