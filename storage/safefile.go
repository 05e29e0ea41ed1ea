package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrFileExists is the kind of error WriteFile returns when the file is there and replacing
// it was not asked for.
var ErrFileExists = errors.New("the file already exists")

// WriteFile is the one way kincare writes a file a person asked for (an export, a letter, a
// saved read-out). The text goes first into a new temporary file with a random name in the
// same folder, created exclusively so that a file or link planted by another account is
// never followed or reused; it is flushed to disk, made readable by this account only, and
// then moved into place in one step. A link at path is replaced, never written through, and
// a crash leaves either the old file or the new one. Without replace, an existing file
// (or link) is left alone and the error matches ErrFileExists (and fs.ErrExist).
func WriteFile(path string, data []byte, replace bool) error {
	if path == "" {
		return &Error{Kind: ErrInvalid, Msg: "No file name was given."}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ioError(dir, "make the folder", err)
	}
	if fi, err := os.Lstat(path); err == nil {
		if fi.IsDir() {
			return &Error{Kind: ErrInvalid, Path: path, Msg: fmt.Sprintf("%s is a folder. Choose a file name instead.", path)}
		}
		if !replace {
			return &Error{Kind: ErrFileExists, Path: path, Err: fs.ErrExist, Msg: fmt.Sprintf("%s already exists. Choose another name, or say to replace it.", path)}
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return ioError(path, "write the file", err)
	}
	name := tmp.Name()
	fail := func(doing string, err error) error {
		_ = tmp.Close()
		_ = os.Remove(name)
		return ioError(path, doing, err)
	}
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail("write the file", err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail("write the file", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("write the file", err)
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(name)
		return ioError(path, "write the file", err)
	}
	if replace {
		err = os.Rename(name, path)
	} else {
		err = linkNew(name, path)
	}
	if err != nil {
		_ = os.Remove(name)
		if errors.Is(err, fs.ErrExist) {
			return &Error{Kind: ErrFileExists, Path: path, Err: fs.ErrExist, Msg: fmt.Sprintf("%s already exists. Choose another name, or say to replace it.", path)}
		}
		return ioError(path, "write the file", err)
	}
	syncDir(dir)
	return nil
}

// linkNew puts the finished temporary file at path only if nothing is there, even if a file
// appears at the last moment: a hard link fails rather than replaces. File systems without
// hard links (FAT on a USB stick) fall back to checking, then renaming.
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, lerr := os.Lstat(path); lerr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}
