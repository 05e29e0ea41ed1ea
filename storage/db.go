package storage

import (
	"bytes"
	"crypto/cipher"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
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

	formatName    = "kincare"
	schemaVersion = 2
)

// Options for Open.
type Options struct {
	// Passphrase opens a protected file. When the file does not exist yet, a non-empty
	// passphrase makes the new file protected from the start. For an existing unprotected
	// file it is ignored: use SetPassphrase to protect it.
	Passphrase []byte
	// Timeout is how long to wait for another kincare window to let go of the file (default 2s).
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

	idx *index // nil until the first List or Search
}

var _ Store = (*DB)(nil)

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
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Second
	}
	d := &DB{path: abs, opts: opts}
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
	if err := d.afterOpen(opts.Passphrase, newKey); err != nil {
		_ = d.bdb.Close()
		d.wipe()
		return nil, err
	}
	return d, nil
}

var errReplaced = errors.New("file was replaced while waiting for it")

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

func putSchema(mb *bolt.Bucket, v uint64) error {
	return mb.Put([]byte(keySchema), binary.BigEndian.AppendUint64(nil, v))
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
	if err := os.Link(tmp, d.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			wipe(key)
			return nil, fs.ErrExist
		}
		// Some file systems (e.g. FAT on a USB stick) have no hard links.
		if _, serr := os.Stat(d.path); serr == nil {
			wipe(key)
			return nil, fs.ErrExist
		}
		if err := os.Rename(tmp, d.path); err != nil {
			wipe(key)
			return nil, ioError(d.path, "create the case file", err)
		}
	}
	syncDir(dir)
	return key, nil
}

func initBuckets(tx *bolt.Tx, kdf *kdfParams, aead cipher.AEAD, created string, schema uint64) error {
	mb, err := tx.CreateBucketIfNotExists([]byte(bucketMeta))
	if err != nil {
		return err
	}
	if err := mb.Put([]byte(keyFormat), []byte(formatName)); err != nil {
		return err
	}
	if err := putSchema(mb, schema); err != nil {
		return err
	}
	if err := mb.Put([]byte(keyCreated), []byte(created)); err != nil {
		return err
	}
	if kdf != nil {
		kj, _ := json.Marshal(kdf)
		if err := mb.Put([]byte(keyKDF), kj); err != nil {
			return err
		}
		if err := mb.Put([]byte(keyVerifier), makeVerifier(aead)); err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketCases)); err != nil {
		return err
	}
	if schema >= 2 {
		if _, err := tx.CreateBucketIfNotExists([]byte(bucketIndex)); err != nil {
			return err
		}
	}
	return nil
}

// afterOpen checks the file is ours, unlocks it, brings its format up to date and clears out
// anything a crash left behind.
func (d *DB) afterOpen(pass, newKey []byte) error {
	var schema uint64
	var kdfJSON, verifier []byte
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
			return nil
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
	} else if newKey != nil {
		wipe(newKey)
	}
	if schema < schemaVersion {
		if err := d.migrate(schema); err != nil {
			return err
		}
	}
	d.cleanTemps()
	if d.dirty {
		// A crash after a deletion may have left the deleted text in free pages.
		if err := d.compact(); err != nil {
			return err
		}
	}
	return nil
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

// migration steps, each taking the file from version from to from+1. They run together in
// one transaction, so a crash leaves the file at its old version, never half-way.
var migrations = []struct {
	from uint64
	run  func(d *DB, tx *bolt.Tx) error
}{
	{1, (*DB).migrateAddIndex},
}

func (d *DB) migrate(from uint64) error {
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			v := from
			for _, m := range migrations {
				if m.from == v {
					if err := m.run(d, tx); err != nil {
						return err
					}
					v++
				}
			}
			if v != schemaVersion {
				return fmt.Errorf("no way to update format %d", v)
			}
			return putSchema(tx.Bucket([]byte(bucketMeta)), v)
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	return nil
}

// Version 1 had no index: listing read every full case. Version 2 keeps one small entry per
// case so the list of 100,000 cases needs only the index.
func (d *DB) migrateAddIndex(tx *bolt.Tx) error {
	ib, err := tx.CreateBucketIfNotExists([]byte(bucketIndex))
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(bucketCases)).ForEach(func(k, v []byte) error {
		c, err := d.decodeCase(k, v)
		if err != nil {
			return err
		}
		e := entryOf(&c)
		return ib.Put(k, encodeValue(d.aead, bucketIndex, string(k), e.marshal()))
	})
}

func (d *DB) decodeCase(k, v []byte) (Case, error) {
	plain, err := decodeValue(d.aead, bucketCases, string(k), v)
	if err != nil {
		return Case{}, err
	}
	var c Case
	if err := json.Unmarshal(plain, &c); err != nil {
		return Case{}, fmt.Errorf("%w: %v", errValueDamaged, err)
	}
	if c.ID != string(k) {
		return Case{}, errValueDamaged
	}
	return c, nil
}

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

// Get returns a copy of one case.
func (d *DB) Get(id string) (Case, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return Case{}, err
	}
	return d.getLocked(id)
}

func (d *DB) getLocked(id string) (Case, error) {
	if !validID(id) {
		return Case{}, errNotFound(id)
	}
	var c Case
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			v := tx.Bucket([]byte(bucketCases)).Get([]byte(id))
			if v == nil {
				if tx.Bucket([]byte(bucketIndex)).Get([]byte(id)) != nil {
					// listed but missing: the file is damaged, the case was not deleted
					return errDamaged(d.path, "a case in its list cannot be found", nil)
				}
				return errNotFound(id)
			}
			var err error
			c, err = d.decodeCase([]byte(id), v)
			return err
		})
	})
	return c, d.wrapErr(err)
}

// Save stores the case durably (the data is on disk when Save returns). A case without an
// ID is new: it gets a random ID and Created. Updated is always set to now.
func (d *DB) Save(c *Case) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	now := time.Now().UTC()
	if c.ID != "" && c.Created.IsZero() {
		// keep the original creation time even if the caller built the case afresh
		if old, err := d.getLocked(c.ID); err == nil {
			c.Created = old.Created
		}
	}
	if err := prepare(c, now); err != nil {
		return err
	}
	c.Updated = now
	return d.putLocked([]*Case{c})
}

// put stores cases keeping their own Created and Updated; used by import so a round trip
// loses nothing. All cases go in one transaction: all or none.
func (d *DB) put(cases []*Case) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	now := time.Now().UTC()
	for _, c := range cases {
		if err := prepare(c, now); err != nil {
			return err
		}
		if c.Updated.IsZero() {
			c.Updated = now
		}
	}
	return d.putLocked(cases)
}

func (d *DB) putLocked(cases []*Case) error {
	type rec struct {
		id  string
		val []byte
		e   indexEntry
	}
	recs := make([]rec, len(cases))
	for i, c := range cases {
		j, err := json.Marshal(c)
		if err != nil {
			return &Error{Kind: ErrInvalid, Msg: "The case could not be saved: " + err.Error()}
		}
		recs[i] = rec{c.ID, j, entryOf(c)}
	}
	replaced := false
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			cb, ib := tx.Bucket([]byte(bucketCases)), tx.Bucket([]byte(bucketIndex))
			for _, r := range recs {
				if cb.Get([]byte(r.id)) != nil {
					replaced = true
				}
				if err := cb.Put([]byte(r.id), encodeValue(d.aead, bucketCases, r.id, r.val)); err != nil {
					return err
				}
				if err := ib.Put([]byte(r.id), encodeValue(d.aead, bucketIndex, r.id, r.e.marshal())); err != nil {
					return err
				}
			}
			if replaced && !d.dirty {
				return tx.Bucket([]byte(bucketMeta)).Put([]byte(keyDirty), []byte("1"))
			}
			return nil
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	if replaced {
		d.dirty = true
	}
	if d.idx != nil {
		for i := range recs {
			d.idx.set(recs[i].e)
		}
	}
	return nil
}

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

// List returns every case, most recently updated first, with reply dates judged against
// today (YYYY-MM-DD; "" means the real today).
func (d *DB) List(today string) ([]Summary, error) {
	return d.Search("", today)
}

// Search returns the cases whose label, carer's or child's name or council contains every
// word of query, ignoring case, most recently updated first.
func (d *DB) Search(query, today string) ([]Summary, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	if err := d.loadIndex(); err != nil {
		return nil, err
	}
	return d.idx.search(query, todayOr(today)), nil
}

// loadIndex reads the small index once per session; later changes update it in place, which
// is safe because the file lock means nobody else can change the file meanwhile.
func (d *DB) loadIndex() error {
	if d.idx != nil {
		return nil
	}
	var entries []indexEntry
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			// Gather references first (valid while the transaction is open), then decrypt
			// and parse on every core: on a protected file of 100,000 cases this was most
			// of the time to the first list.
			type kv struct{ k, v []byte }
			var items []kv
			err := tx.Bucket([]byte(bucketIndex)).ForEach(func(k, v []byte) error {
				items = append(items, kv{k, v})
				return nil
			})
			if err != nil {
				return err
			}
			// One allocation for all entries: stable pointers and little for the GC to trace.
			entries = make([]indexEntry, len(items))
			workers := min(runtime.GOMAXPROCS(0), 8, len(items)/2048+1)
			errs := make([]error, workers)
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				lo, hi := w*len(items)/workers, (w+1)*len(items)/workers
				wg.Add(1)
				go func() {
					defer wg.Done()
					// each goroutine needs its own recovery from a damaged page
					errs[w] = safely(func() error {
						var buf, fold []byte
						for i := lo; i < hi; i++ {
							k, v := items[i].k, items[i].v
							plain, err := decodeValue(d.aead, bucketIndex, string(k), v)
							if err != nil {
								return err
							}
							// id and fields share one allocation
							buf = append(append(buf[:0], k...), plain...)
							s := string(buf)
							e, err := parseIndex(s[len(k):])
							if err != nil {
								return err
							}
							e.ID = s[:len(k)]
							// folding now, while the entry is in cache, is far cheaper than
							// on the first search
							fold = e.appendFold(fold[:0])
							e.fold = string(fold)
							entries[i] = e
						}
						return nil
					})
				}()
			}
			wg.Wait()
			return errors.Join(errs...)
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	idx := newIndex(len(entries))
	for i := range entries {
		idx.byID[entries[i].ID] = &entries[i]
	}
	d.idx = idx
	return nil
}

// Lock forgets the key and every decrypted record held in memory; the file stays open and
// locked against other windows. Unlock with the passphrase to carry on. For an unprotected
// file it only drops the cached list.
func (d *DB) Lock() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.dropSecrets()
	if d.protected {
		d.locked = true
	}
}

// Unlock undoes Lock.
func (d *DB) Unlock(pass []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return errClosed(d.path)
	}
	if !d.protected || !d.locked {
		return nil
	}
	var verifier []byte
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			verifier = bytes.Clone(tx.Bucket([]byte(bucketMeta)).Get([]byte(keyVerifier)))
			return nil
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	key := d.kdf.derive(pass)
	a := newAEAD(key)
	if !checkVerifier(a, verifier) {
		wipeAEAD(a)
		wipe(key)
		return errWrongPass(d.path)
	}
	d.key, d.aead, d.locked = key, a, false
	return nil
}

// Locked reports whether Lock has been called without a matching Unlock.
func (d *DB) Locked() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.locked
}

func (d *DB) dropSecrets() {
	wipeAEAD(d.aead)
	wipe(d.key)
	d.aead, d.key = nil, nil
	// Go strings cannot be overwritten in place; dropping every reference is the most we
	// can do, and the garbage collector reuses the memory soon after.
	d.idx = nil
}

func (d *DB) wipe() { d.dropSecrets() }

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
	return removeAll(d.path)
}

// RemoveFile deletes a case file that cannot be opened (for instance a forgotten passphrase)
// together with kincare's temporary copies and, if empty, its folder. It refuses files that
// are not kincare's and files open in another window.
func RemoveFile(path string) error {
	d, err := Open(path, Options{})
	switch {
	case err == nil:
		return d.DeleteAll()
	case errors.Is(err, ErrNeedPassphrase):
		abs, _ := filepath.Abs(path)
		return removeAll(abs)
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

// SetPassphrase protects the file with pass, changes the passphrase of a protected file, or
// (with an empty pass) removes protection. Everything is re-encrypted into a fresh file in
// the same folder which then replaces the old one, so no unencrypted copy is left behind.
func (d *DB) SetPassphrase(pass []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	var kdf *kdfParams
	var key []byte
	var aead cipher.AEAD
	if len(pass) > 0 {
		p := newKDF()
		kdf, key = &p, p.derive(pass)
		aead = newAEAD(key)
	}
	fail := func(err error) error {
		wipeAEAD(aead)
		wipe(key)
		return err
	}
	tmp := d.tempName()
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return fail(ioError(filepath.Dir(d.path), "make a new copy of the case file in this folder", err))
	}
	err = safely(func() error {
		return d.bdb.View(func(stx *bolt.Tx) error {
			return dst.Update(func(tx *bolt.Tx) error {
				if err := initBuckets(tx, kdf, aead, d.created, schemaVersion); err != nil {
					return err
				}
				for _, bn := range []string{bucketCases, bucketIndex} {
					out := tx.Bucket([]byte(bn))
					err := stx.Bucket([]byte(bn)).ForEach(func(k, v []byte) error {
						plain, err := decodeValue(d.aead, bn, string(k), v)
						if err != nil {
							return err
						}
						return out.Put(k, encodeValue(aead, bn, string(k), plain))
					})
					if err != nil {
						return err
					}
				}
				return nil
			})
		})
	})
	if err != nil {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return fail(d.wrapErr(err))
	}
	if err := d.swapIn(tmp, dst); err != nil {
		return fail(err)
	}
	wipeAEAD(d.aead)
	wipe(d.key)
	d.key, d.aead, d.protected, d.dirty = key, aead, kdf != nil, false
	if kdf != nil {
		d.kdf = *kdf
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
		b, err = bolt.Open(abs, 0o600, &bolt.Options{ReadOnly: true, Timeout: 2 * time.Second,
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
