package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// resolveLink returns the real location of the case file when path is a symbolic link (or
// lies in a linked folder). kincare works on the real file: its rewrites (after a delete, on
// a passphrase change) replace the file by renaming a fresh copy over it, and done at the
// link they would replace the link and leave every case in the file it pointed to. A link
// to nothing is refused rather than followed to create a file somewhere unexpected.
func resolveLink(abs string) (string, error) {
	fi, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		// A new file: resolve the folder, if it exists, so later rewrites happen there.
		if dir, derr := filepath.EvalSymlinks(filepath.Dir(abs)); derr == nil {
			return filepath.Join(dir, filepath.Base(abs)), nil
		}
		return abs, nil
	}
	if err != nil {
		return "", ioError(abs, "open the case file", err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return "", &Error{Kind: ErrNotKincare, Path: abs, Err: err, Msg: fmt.Sprintf("%s is a link to a file that is not there. kincare has not created anything. Remove the link, or point it at your case file, and try again.", abs)}
		}
		return "", ioError(abs, "open the case file", err)
	}
	return real, nil
}

// removeLink removes the link a deleted case file was opened through, if it still points
// at the place the file was.
func removeLink(link, real string) {
	if link == "" {
		return
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return
	}
	target, err := os.Readlink(link)
	if err != nil {
		return
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(link), target)
	}
	if filepath.Clean(target) == real || sameFileOrGone(target, real) {
		_ = os.Remove(link)
	}
}

func sameFileOrGone(target, real string) bool {
	rt, err := filepath.EvalSymlinks(filepath.Dir(target))
	if err != nil {
		return false
	}
	return filepath.Join(rt, filepath.Base(target)) == real
}
