package storage

import (
	"bytes"
	"crypto/cipher"
	"encoding/binary"
	"hash/crc32"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// How the values of a file are kept, recorded in the meta bucket under keyValues:
//   - "sealed": every value is encrypted and authenticated (a protected file), and the
//     sealed header binds the passphrase settings and this word to the key;
//   - "summed": every value carries a checksum (an unprotected file).
//
// Files from before this record are brought up to date when opened. Once it is there, a
// file can never quietly change from one to the other: a protected file whose passphrase
// settings were deleted is reported as damaged rather than opened as a plain one that would
// take unencrypted writes.
const (
	keyValues  = "values"
	keyHeader  = "header"
	valsSealed = "sealed"
	valsSummed = "summed"

	summedTag = 0x02 // first byte of every checksummed plain value
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// valueSum covers where the value is kept as well as the value, so a value copied into
// another case's place is caught like a changed byte.
func valueSum(bucket, key string, plain []byte) uint32 {
	var n [2]byte
	c := crc32.Update(0, castagnoli, binary.BigEndian.AppendUint16(n[:0], uint16(len(bucket))))
	c = crc32.Update(c, castagnoli, bytesOf(bucket))
	c = crc32.Update(c, castagnoli, binary.BigEndian.AppendUint16(n[:0], uint16(len(key))))
	c = crc32.Update(c, castagnoli, bytesOf(key))
	return crc32.Update(c, castagnoli, plain)
}

// bytesOf lets the checksum read a string without copying it (listing 100,000 cases sums
// 100,000 keys); crc32 only reads its input.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func sumValue(bucket, key string, plain []byte) []byte {
	out := make([]byte, 5, 5+len(plain))
	out[0] = summedTag
	binary.BigEndian.PutUint32(out[1:], valueSum(bucket, key, plain))
	return append(out, plain...)
}

func checkSum(bucket, key string, v []byte) ([]byte, error) {
	if len(v) < 5 || binary.BigEndian.Uint32(v[1:5]) != valueSum(bucket, key, v[5:]) {
		return nil, errValueDamaged
	}
	return v[5:], nil
}

func (d *DB) encode(bucket, key string, plain []byte) []byte {
	return encodeValue(d.aead, bucket, key, plain)
}

// decode reads one stored value. In an up-to-date unprotected file every value must carry
// its checksum; a sealed value in an unprotected file means its protection was stripped.
func (d *DB) decode(bucket, key string, v []byte) ([]byte, error) {
	if len(v) > 0 && d.aead == nil {
		switch {
		case v[0] == sealedTag:
			return nil, errStripped
		case v[0] != summedTag && d.upToDate:
			return nil, errValueDamaged
		}
	}
	return decodeValue(d.aead, bucket, key, v)
}

// headerText is what the sealed header binds: the file's identity and its passphrase
// settings. The schema number is left out so that format updates need no key.
func headerText(created string, kdfJSON []byte) []byte {
	var b bytes.Buffer
	b.WriteString(formatName + "\x00" + valsSealed + "\x00" + created + "\x00")
	b.Write(kdfJSON)
	return b.Bytes()
}

func makeHeader(aead cipher.AEAD, created string, kdfJSON []byte) []byte {
	return sealValue(aead, bucketMeta, keyHeader, headerText(created, kdfJSON))
}

func checkHeader(aead cipher.AEAD, created string, kdfJSON, h []byte) bool {
	out, err := decodeValue(aead, bucketMeta, keyHeader, h)
	return err == nil && bytes.Equal(out, headerText(created, kdfJSON))
}

// valueBuckets are the buckets whose values are sealed or summed.
var valueBuckets = []string{bucketCases, bucketIndex, bucketWritten}

// anySealed reports whether the first value of any value bucket is sealed: enough to tell a
// stripped protected file from a plain one, without reading every case.
func anySealed(tx *bolt.Tx) bool {
	for _, bn := range valueBuckets {
		b := tx.Bucket([]byte(bn))
		if b == nil {
			continue
		}
		if _, v := b.Cursor().First(); len(v) > 0 && v[0] == sealedTag {
			return true
		}
	}
	return false
}

// checkProtection refuses a file whose protection record does not agree with itself. It runs
// before any passphrase is asked for.
func (d *DB) checkProtection(tx *bolt.Tx, protected bool) error {
	mb := tx.Bucket([]byte(bucketMeta))
	vals := string(mb.Get([]byte(keyValues)))
	if protected {
		if vals == valsSummed {
			return errDamaged(d.path, "its record of how it is protected disagrees with itself", nil)
		}
		if vals == valsSealed && mb.Get([]byte(keyHeader)) == nil {
			return errDamaged(d.path, "its passphrase settings have been changed", nil)
		}
		return nil
	}
	if vals == valsSealed || mb.Get([]byte(keyVerifier)) != nil || mb.Get([]byte(keyHeader)) != nil || anySealed(tx) {
		return errStrippedFile(d.path)
	}
	return nil
}

// bringUpToDate rewrites a file from before the protection record: an unprotected file's
// values get their checksums, a protected file gets its sealed header. One transaction, so
// a crash leaves the file as it was.
func (d *DB) bringUpToDate(kdfJSON []byte) error {
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			mb := tx.Bucket([]byte(bucketMeta))
			if d.aead != nil {
				if err := mb.Put([]byte(keyHeader), makeHeader(d.aead, d.created, kdfJSON)); err != nil {
					return err
				}
				return mb.Put([]byte(keyValues), []byte(valsSealed))
			}
			for _, bn := range valueBuckets {
				b := tx.Bucket([]byte(bn))
				if b == nil {
					continue
				}
				type kv struct{ k, v []byte }
				var redo []kv
				err := b.ForEach(func(k, v []byte) error {
					if len(v) > 0 && v[0] == summedTag {
						return nil
					}
					plain, err := decodeValue(nil, bn, string(k), v)
					if err != nil {
						return err
					}
					redo = append(redo, kv{bytes.Clone(k), sumValue(bn, string(k), plain)})
					return nil
				})
				if err != nil {
					return err
				}
				for _, r := range redo {
					if err := b.Put(r.k, r.v); err != nil {
						return err
					}
				}
			}
			return mb.Put([]byte(keyValues), []byte(valsSummed))
		})
	})
	return d.wrapErr(err)
}
