package storage

import (
	"crypto/cipher"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

func putSchema(mb *bolt.Bucket, v uint64) error {
	return mb.Put([]byte(keySchema), binary.BigEndian.AppendUint64(nil, v))
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
		if err := mb.Put([]byte(keyHeader), makeHeader(aead, created, kj)); err != nil {
			return err
		}
	}
	vals := valsSummed
	if kdf != nil {
		vals = valsSealed
	}
	if err := mb.Put([]byte(keyValues), []byte(vals)); err != nil {
		return err
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

// migration steps, each taking the file from version from to from+1. They run together in
// one transaction, so a crash leaves the file at its old version, never half-way.
var migrations = []struct {
	from uint64
	run  func(d *DB, tx *bolt.Tx) error
}{
	{1, (*DB).migrateAddIndex},
	{2, (*DB).migrateToFamilies},
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
// case so the list of 100,000 cases needs only the index. The entries themselves are written
// by the step to version 3, which every old file goes through and which writes them anew.
func (d *DB) migrateAddIndex(tx *bolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte(bucketIndex))
	return err
}

func (d *DB) decodeCase(k, v []byte) (Case, error) {
	plain, err := d.decode(bucketCases, string(k), v)
	if err != nil {
		return Case{}, err
	}
	var c Case
	err = json.Unmarshal(plain, &c)
	if d.aead != nil {
		wipe(plain) // a fresh decrypted copy: the case holds its own (unprotected values alias the file)
	}
	if err != nil {
		return Case{}, fmt.Errorf("%w: %v", errValueDamaged, err)
	}
	if c.ID != string(k) {
		return Case{}, errValueDamaged
	}
	return c, nil
}
