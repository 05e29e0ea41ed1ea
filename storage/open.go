package storage

import (
	"bytes"
	"crypto/cipher"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Open opens the case file at path, creating it (mode 0600, folder 0700) if it does not
// exist. It never waits longer than opts.Timeout for another window, and never changes a
// file that is not a healthy kincare file.
func Open(path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, &Error{Kind: ErrNotFound, Msg: "No case file was given."}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, ioError(path, "find the case file", err)
	}
	real, err := resolveLink(abs)
	if err != nil {
		return nil, err
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	d := &DB{path: real, opts: opts}
	if real != abs {
		d.link = abs
	}
	abs = real
	deadline := time.Now().Add(opts.Timeout)
	var newKey []byte
	for attempt := 0; ; attempt++ {
		if attempt > 20 {
			return nil, errLocked(abs)
		}
		fi, err := os.Stat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			k, err := d.create(opts.Passphrase)
			if errors.Is(err, fs.ErrExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			newKey = k
			continue
		}
		if err != nil {
			return nil, ioError(abs, "open the case file", err)
		}
		if fi.IsDir() {
			return nil, errNotKincare(abs, "it is a folder")
		}
		if err := precheck(abs, fi.Size()); err != nil {
			return nil, err
		}
		wait := time.Until(deadline)
		if wait < 50*time.Millisecond {
			wait = 50 * time.Millisecond
		}
		err = d.openBolt(wait)
		if errors.Is(err, errReplaced) || errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		break
	}
	err = d.afterOpen(opts.Passphrase, newKey)
	// The passphrase belongs to the caller, who should wipe it; the DB keeps no reference,
	// so that after a lock or close nothing here can lead back to it.
	d.opts.Passphrase = nil
	if err != nil {
		_ = d.bdb.Close()
		d.dropSecrets()
		return nil, err
	}
	return d, nil
}

var errReplaced = errors.New("file was replaced while waiting for it")

func (d *DB) openBolt(timeout time.Duration) error {
	var f *os.File
	o := &bolt.Options{
		Timeout: timeout,
		// Never let bbolt create the file: if it vanished since we looked, start again.
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			ff, err := os.OpenFile(name, flag&^os.O_CREATE, mode)
			f = ff
			return ff, err
		},
	}
	var b *bolt.DB
	err := safely(func() error {
		var err error
		b, err = bolt.Open(d.path, 0o600, o)
		return err
	})
	if err != nil {
		if errors.Is(err, errPanicked) && f != nil {
			f.Close() // releases the lock that the half-opened database still held
		}
		switch {
		case errors.Is(err, berrors.ErrTimeout):
			return errLocked(d.path)
		case errors.Is(err, fs.ErrNotExist):
			return err
		case errors.Is(err, berrors.ErrInvalid):
			return errNotKincare(d.path, "it is not a database kincare can read")
		case errors.Is(err, berrors.ErrVersionMismatch):
			return errNotKincare(d.path, "it is a database of a kind kincare cannot read")
		case errors.Is(err, fs.ErrPermission):
			return ioError(d.path, "open the case file, because this account is not allowed to", err)
		default:
			return errDamaged(d.path, "its structure is broken", err)
		}
	}
	// Another kincare may have swapped in a compacted copy while we waited for the lock; we
	// would then be holding an orphaned file. Check we locked the file that is at path now.
	if f != nil {
		fi1, err1 := f.Stat()
		fi2, err2 := os.Stat(d.path)
		if err1 != nil || err2 != nil || !os.SameFile(fi1, fi2) {
			_ = b.Close()
			return errReplaced
		}
	}
	d.bdb = b
	return nil
}

// create makes a new case file next to path and then links it into place, so a crash part
// way never leaves a half-made file at path, and a file that appeared meanwhile is never
// replaced.
func (d *DB) create(pass []byte) (key []byte, err error) {
	dir := filepath.Dir(d.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, ioError(dir, "make the folder for the case file", err)
	}
	tmp := d.tempName()
	defer os.Remove(tmp)
	b, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, ioError(dir, "create the case file in this folder", err)
	}
	var aead cipher.AEAD
	var kdf *kdfParams
	if len(pass) > 0 {
		p := newKDF()
		kdf = &p
		key = p.derive(pass)
		aead = newAEAD(key)
		defer wipeAEAD(aead)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		return initBuckets(tx, kdf, aead, time.Now().UTC().Format(time.RFC3339), schemaVersion)
	})
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		wipe(key)
		return nil, ioError(d.path, "create the case file", err)
	}
	// Never over a file that appeared meanwhile (linkNew: a hard link fails rather than replaces).
	if err := linkNew(tmp, d.path); err != nil {
		wipe(key)
		if errors.Is(err, fs.ErrExist) {
			return nil, fs.ErrExist
		}
		return nil, ioError(d.path, "create the case file", err)
	}
	syncDir(dir)
	return key, nil
}

// afterOpen checks the file is ours, unlocks it, brings its format up to date and clears out
// anything a crash left behind.
func (d *DB) afterOpen(pass, newKey []byte) error {
	var schema uint64
	var kdfJSON, verifier, header []byte
	var vals string
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			mb := tx.Bucket([]byte(bucketMeta))
			if mb == nil || string(mb.Get([]byte(keyFormat))) != formatName {
				return errNotKincare(d.path, "it was made by another program")
			}
			sv := mb.Get([]byte(keySchema))
			if len(sv) != 8 {
				return errDamaged(d.path, "its format number is missing", nil)
			}
			schema = binary.BigEndian.Uint64(sv)
			d.created = string(mb.Get([]byte(keyCreated)))
			kdfJSON = bytes.Clone(mb.Get([]byte(keyKDF)))
			verifier = bytes.Clone(mb.Get([]byte(keyVerifier)))
			d.dirty = mb.Get([]byte(keyDirty)) != nil
			if tx.Bucket([]byte(bucketCases)) == nil {
				return errDamaged(d.path, "its list of cases is missing", nil)
			}
			header = bytes.Clone(mb.Get([]byte(keyHeader)))
			vals = string(mb.Get([]byte(keyValues)))
			return d.checkProtection(tx, kdfJSON != nil)
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	if schema == 0 {
		return errDamaged(d.path, "its format number is not valid", nil)
	}
	if schema > schemaVersion {
		return errTooNew(d.path, schema)
	}
	if kdfJSON != nil {
		if err := json.Unmarshal(kdfJSON, &d.kdf); err != nil || !d.kdf.sane() || verifier == nil {
			return errDamaged(d.path, "its passphrase settings are damaged", err)
		}
		d.protected = true
		if newKey == nil {
			if len(pass) == 0 {
				return errNeedPass(d.path)
			}
			newKey = d.kdf.derive(pass)
		}
		a := newAEAD(newKey)
		if !checkVerifier(a, verifier) {
			wipeAEAD(a)
			wipe(newKey)
			return errWrongPass(d.path)
		}
		d.key, d.aead = newKey, a
		if header != nil && !checkHeader(a, d.created, kdfJSON, header) {
			return errDamaged(d.path, "its passphrase settings have been changed", nil)
		}
	} else if newKey != nil {
		wipe(newKey)
	}
	if schema < schemaVersion {
		if err := d.migrate(schema); err != nil {
			return err
		}
	}
	if vals == "" {
		if err := d.bringUpToDate(kdfJSON); err != nil {
			return err
		}
	}
	d.upToDate = true
	d.cleanTemps()
	if d.dirty {
		// A crash after a deletion may have left the deleted text in free pages.
		if err := d.compact(); err != nil {
			return err
		}
	}
	return nil
}

// IsProtected reports whether the case file at path needs a passphrase. It only reads: a file
// that does not exist is not protected and is not created.
func IsProtected(path string) (bool, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, ioError(path, "find the case file", err)
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, ioError(abs, "open the case file", err)
	}
	if fi.IsDir() {
		return false, errNotKincare(abs, "it is a folder")
	}
	if err := precheck(abs, fi.Size()); err != nil {
		return false, err
	}
	var b *bolt.DB
	var f *os.File
	err = safely(func() error {
		var err error
		b, err = bolt.Open(abs, 0o600, &bolt.Options{ReadOnly: true, Timeout: DefaultTimeout,
			OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
				ff, err := os.OpenFile(name, flag&^os.O_CREATE, mode)
				f = ff
				return ff, err
			}})
		return err
	})
	if err != nil {
		if errors.Is(err, errPanicked) && f != nil {
			f.Close()
		}
		if errors.Is(err, berrors.ErrTimeout) {
			return false, errLocked(abs)
		}
		return false, errDamaged(abs, "its structure is broken", err)
	}
	defer b.Close()
	protected := false
	err = safely(func() error {
		return b.View(func(tx *bolt.Tx) error {
			mb := tx.Bucket([]byte(bucketMeta))
			if mb == nil || string(mb.Get([]byte(keyFormat))) != formatName {
				return errNotKincare(abs, "it was made by another program")
			}
			protected = mb.Get([]byte(keyKDF)) != nil
			return nil
		})
	})
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return false, err
		}
		return false, errDamaged(abs, "its structure is broken", err)
	}
	return protected, nil
}

// Exists reports whether there is already a case file at path, so the first run can offer
// a passphrase before Open creates it.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
