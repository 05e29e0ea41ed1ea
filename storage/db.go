package storage

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

const (
	bucketMeta  = "meta"
	bucketCases = "cases"
	bucketIndex = "index"

	keyFormat   = "format"   // always "kincare": tells our files from other bbolt files
	keySchema   = "schema"   // uint64, big-endian
	keyCreated  = "created"  // RFC 3339, when the file was made
	keyKDF      = "kdf"      // JSON kdfParams; present only in protected files
	keyVerifier = "verifier" // a known text sealed with the key; present only in protected files
	keyDirty    = "dirty"    // present while replaced or deleted data may remain in free pages

	// DefaultTimeout is how long Open and IsProtected wait for another window to let go
	// of the file: long enough for another window's save or compaction, short enough that
	// "already open" is said within two seconds.
	DefaultTimeout = 1500 * time.Millisecond

	formatName    = "kincare"
	schemaVersion = 3
)

// Options for Open.
type Options struct {
	// Passphrase opens a protected file. When the file does not exist yet, a non-empty
	// passphrase makes the new file protected from the start. For an existing unprotected
	// file it is ignored: use SetPassphrase to protect it.
	Passphrase []byte
	// Timeout is how long to wait for another kincare window to let go of the file (default
	// DefaultTimeout).
	Timeout time.Duration
	// NoCompactOnClose skips the rewrite on Close that clears out replaced text. Deleting a
	// case always rewrites the file regardless. Meant for tools and benchmarks.
	NoCompactOnClose bool
}

// Store is what the rest of kincare codes against; *DB and the guest-mode memory store both
// implement it. Dates ("today") are YYYY-MM-DD; "" means the real today.
type Store interface {
	// List returns every case, most recently updated first. It reads only the small index.
	List(today string) ([]Summary, error)
	// Search is List filtered to cases whose label, carer's or child's name or council
	// contains every word of query, ignoring case.
	Search(query, today string) ([]Summary, error)
	// Get returns a copy of one case, or an error matching ErrNotFound.
	Get(id string) (Case, error)
	// Save creates (no ID: assigns ID and Created) or replaces a case, sets Updated, and
	// cleans text fields in c. The case is on disk when Save returns.
	Save(c *Case) error
	// Delete removes a case so that its text is gone from the disk, not just unlisted.
	Delete(id string) error
	// DeleteAll removes every case: for a file, the file itself, kincare's temporary
	// copies and the folder if empty, after which the store is closed.
	DeleteAll() error
	Protected() bool
	// Close releases the file and wipes keys and decrypted data from memory.
	Close() error
	// Path is the file's location, or "" in guest mode.
	Path() string
}

// Protector is the passphrase side of a case file (*DB implements it; guest mode does not).
type Protector interface {
	Lock()
	Unlock(passphrase []byte) error
	Locked() bool
	SetPassphrase(passphrase []byte) error
}

var _ Protector = (*DB)(nil)

// DB is a case file on disk. It is safe for use by several goroutines.
type DB struct {
	mu      sync.Mutex
	path    string
	link    string // the link the file was opened through, if any; removed by DeleteAll
	opts    Options
	bdb     *bolt.DB
	closed  bool
	dirty   bool // mirrors keyDirty, so Close knows whether to compact
	created string

	protected bool
	kdf       kdfParams
	key       []byte
	aead      cipher.AEAD
	locked    bool
	upToDate  bool // every value is sealed or summed (keyValues is set)

	idx *index // nil until the first List or Search
}

var _ Store = (*DB)(nil)

func (d *DB) usable() error {
	if d.closed {
		return errClosed(d.path)
	}
	if d.locked {
		return errNeedPass(d.path)
	}
	return nil
}

// Path is the case file's location.
func (d *DB) Path() string { return d.path }

// Protected reports whether the file is protected by a passphrase.
func (d *DB) Protected() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.protected
}

// Close compacts if anything was replaced or deleted this session, closes the file and
// wipes the key from memory.
func (d *DB) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil
	}
	var err error
	if d.dirty && !d.opts.NoCompactOnClose {
		err = d.compact()
	}
	if cerr := d.bdb.Close(); err == nil && cerr != nil {
		err = d.wrapErr(cerr)
	}
	d.closed = true
	d.dropSecrets()
	return err
}

// wrapErr turns internal failures into messages that name the file.
func (d *DB) wrapErr(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	switch {
	case errors.Is(err, errStripped), errors.Is(err, errValueNeedsKey) && !d.protected:
		return errStrippedFile(d.path)
	case errors.Is(err, errValueNeedsKey):
		return errNeedPass(d.path)
	case errors.Is(err, errValueDamaged), errors.Is(err, errValuePlain), errors.Is(err, errBadIndex):
		return errDamaged(d.path, "a saved case has been changed or damaged", err)
	case errors.Is(err, errPanicked):
		return errDamaged(d.path, "its structure is broken", err)
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return errClosed(d.path)
	}
	return ioError(d.path, "use the case file", err)
}

// safely runs fn so that a damaged file can only ever produce an error: bbolt may panic on
// pages it cannot make sense of, and a read past the end of the mapping raises a fault that
// SetPanicOnFault turns into a recoverable panic.
func safely(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errPanicked, r)
		}
	}()
	return fn()
}

var errPanicked = errors.New("the file's structure is broken")
