package storage

import (
	"errors"
	"fmt"
)

// Sentinel errors for errors.Is. The messages a person sees come from *Error, which
// always names the file so that a carer or adviser knows which file is meant.
var (
	ErrLocked          = errors.New("kincare is already open in another window")
	ErrWrongPassphrase = errors.New("that passphrase does not open this file")
	ErrNotKincare      = errors.New("this is not a kincare file")
	ErrDamaged         = errors.New("this kincare file is damaged")
	ErrNotFound        = errors.New("that case was not found")
	ErrNeedPassphrase  = errors.New("this file is protected by a passphrase")
	ErrTooNew          = errors.New("this file was made by a newer version of kincare")
	ErrClosed          = errors.New("the case file has been closed")
	ErrInvalid         = errors.New("the case could not be saved as it is")
	ErrWeakPassphrase  = errors.New("that passphrase is too short")
	ErrNotDeleted      = errors.New("the case could not be deleted; nothing was changed")
)

// Error is what every storage function returns for a problem a person may need to act on.
// Msg is complete, plain English and safe to show as it is.
type Error struct {
	Kind error  // one of the Err* sentinels
	Path string // the file concerned, or ""
	Msg  string
	Err  error // the underlying cause, for logs; never shown on its own
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

func errLocked(path string) error {
	return &Error{Kind: ErrLocked, Path: path, Msg: fmt.Sprintf("kincare is already open in another window (%s). Close it there, then try again.", path)}
}

func errWrongPass(path string) error {
	where := path
	if where == "" {
		where = "this export file"
	}
	return &Error{Kind: ErrWrongPassphrase, Path: path, Msg: fmt.Sprintf("That passphrase does not open %s. Check it (capital letters count) and try again.", where)}
}

func errNeedPass(path string) error {
	return &Error{Kind: ErrNeedPassphrase, Path: path, Msg: fmt.Sprintf("%s is protected by a passphrase. Enter the passphrase to open it.", path)}
}

func errNotKincare(path, why string) error {
	return &Error{Kind: ErrNotKincare, Path: path, Msg: fmt.Sprintf("%s is not a kincare case file (%s). kincare has not changed it. Choose another file, or move this one somewhere else and start a new one.", path, why)}
}

func errDamaged(path, why string, cause error) error {
	return &Error{Kind: ErrDamaged, Path: path, Err: cause, Msg: fmt.Sprintf("%s is damaged and cannot be read safely (%s). kincare has not changed it. If you have an export of your cases, you can import it into a new file.", path, why)}
}

func errTooNew(path string, v uint64) error {
	return &Error{Kind: ErrTooNew, Path: path, Msg: fmt.Sprintf("%s was saved by a newer version of kincare (file format %d). Update kincare to open it; this version has not changed it.", path, v)}
}

func errNotFound(id string) error {
	return &Error{Kind: ErrNotFound, Msg: fmt.Sprintf("There is no case with the reference %s. It may have been deleted.", id)}
}

func errClosed(path string) error {
	return &Error{Kind: ErrClosed, Path: path, Msg: "The case file has been closed. Open kincare again to carry on."}
}

// ioError is for failures of the disk or folder rather than of the file's contents.
func ioError(path, doing string, cause error) error {
	return &Error{Kind: cause, Path: path, Err: cause, Msg: fmt.Sprintf("kincare could not %s (%s): %v", doing, path, cause)}
}

// deleteFailed says a delete did not happen, and why, in words a carer can act on.
func deleteFailed(path string, cause error) error {
	why := "the disk or folder could not be written"
	switch {
	case isNoSpace(cause):
		why = "there is not enough free space on the disk"
	case isReadOnly(cause):
		why = "the folder cannot be written to"
	}
	return &Error{Kind: ErrNotDeleted, Path: path, Err: cause, Msg: fmt.Sprintf("kincare could not delete the case because %s (%s). Nothing was deleted: the case is still there and the file is as it was. Free some space, or fix the folder, and try again.", why, path)}
}

// errStrippedFile is a file that was protected by a passphrase but whose passphrase settings
// are gone. Opening it as a plain file would write new cases unencrypted beside sealed ones.
func errStrippedFile(path string) error {
	return &Error{Kind: ErrDamaged, Path: path, Msg: fmt.Sprintf("%s is damaged: it was protected by a passphrase, but its passphrase settings are missing. kincare has not changed it and will not write to it unprotected. If you have an export of your cases, import it into a new file.", path)}
}
