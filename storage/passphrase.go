package storage

import (
	"bytes"
	"crypto/cipher"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

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
	// Give the memory that held decrypted cases back to the system now rather than at the
	// next collection, so it is not left readable in this process while the screen is locked.
	debug.FreeOSMemory()
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
	verifier, err := d.storedVerifier()
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
				for _, bn := range valueBuckets {
					src := stx.Bucket([]byte(bn))
					if src == nil {
						continue
					}
					out, err := tx.CreateBucketIfNotExists([]byte(bn))
					if err != nil {
						return err
					}
					err = src.ForEach(func(k, v []byte) error {
						plain, err := d.decode(bn, string(k), v)
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

// storedVerifier reads the sealed value that tells a right passphrase from a wrong one.
func (d *DB) storedVerifier() ([]byte, error) {
	var verifier []byte
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			verifier = bytes.Clone(tx.Bucket([]byte(bucketMeta)).Get([]byte(keyVerifier)))
			return nil
		})
	})
	return verifier, err
}
