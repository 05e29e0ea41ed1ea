package storage

import (
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"reflect"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// kdfParams are stored in the file (and in encrypted exports) so that the cost can be
// raised later without making older files unreadable.
type kdfParams struct {
	Alg       string `json:"alg"`
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
}

// defaultKDF follows the second recommended option of RFC 9106 (64 MiB, 3 passes, 4 lanes):
// about a quarter of a second on an old library PC, and 64 MiB is affordable on any machine
// that can run a terminal, while making each guess at a passphrase expensive.
var defaultKDF = kdfParams{Alg: "argon2id", Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

func newKDF() kdfParams {
	p := defaultKDF
	p.Salt = make([]byte, 16)
	if _, err := rand.Read(p.Salt); err != nil {
		panic("kincare: the system random number source failed: " + err.Error())
	}
	return p
}

// sane refuses parameters that no kincare wrote, so that an edited file cannot make
// kincare allocate gigabytes or spin for minutes before saying the passphrase is wrong.
func (p kdfParams) sane() bool {
	return p.Alg == "argon2id" && p.Time >= 1 && p.Time <= 10 && p.MemoryKiB >= 8 && p.MemoryKiB <= 256*1024 &&
		p.Threads >= 1 && p.Threads <= 16 && len(p.Salt) >= 16 && len(p.Salt) <= 64
}

func (p kdfParams) derive(pass []byte) []byte {
	return argon2.IDKey(pass, p.Salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize)
}

const (
	sealedTag   = 0x01 // first byte of every encrypted value
	sealedExtra = 1 + chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead
)

var (
	errValueNeedsKey = errors.New("value is encrypted")
	errValueDamaged  = errors.New("value is damaged")
	errValuePlain    = errors.New("unencrypted value in a protected file")
	errStripped      = errors.New("sealed value in a file with no passphrase settings")
)

// associated binds a value to where it is stored, so that an attacker who can edit the
// file cannot move one family's encrypted record into another's slot undetected.
func associated(bucket, key string) []byte {
	ad := make([]byte, 0, 4+len(bucket)+len(key))
	ad = binary.BigEndian.AppendUint16(ad, uint16(len(bucket)))
	ad = append(ad, bucket...)
	ad = binary.BigEndian.AppendUint16(ad, uint16(len(key)))
	return append(ad, key...)
}

func sealValue(aead cipher.AEAD, bucket, key string, plain []byte) []byte {
	out := make([]byte, 1+chacha20poly1305.NonceSizeX, sealedExtra+len(plain))
	out[0] = sealedTag
	if _, err := rand.Read(out[1:]); err != nil {
		panic("kincare: the system random number source failed: " + err.Error())
	}
	return aead.Seal(out, out[1:], plain, associated(bucket, key))
}

// encodeValue seals values when the file is protected. In an unprotected file the JSON stays
// readable (which helps recovery by hand) behind a checksum, so that damage or an edit by
// another program is reported instead of read as good.
func encodeValue(aead cipher.AEAD, bucket, key string, plain []byte) []byte {
	if aead == nil {
		return sumValue(bucket, key, plain)
	}
	return sealValue(aead, bucket, key, plain)
}

// decodeValue is the inverse of encodeValue. It never panics on any input; the result may
// alias v when the file is unprotected. Plain values written before checksums existed are
// accepted here; DB.decode refuses them once a file has been brought up to date.
func decodeValue(aead cipher.AEAD, bucket, key string, v []byte) ([]byte, error) {
	if len(v) == 0 {
		return nil, errValueDamaged
	}
	switch v[0] {
	case sealedTag:
	case summedTag:
		if aead != nil {
			return nil, errValuePlain
		}
		return checkSum(bucket, key, v)
	default:
		if aead != nil {
			return nil, errValuePlain
		}
		return v, nil
	}
	if aead == nil {
		return nil, errValueNeedsKey
	}
	if len(v) < sealedExtra {
		return nil, errValueDamaged
	}
	nonce := v[1 : 1+chacha20poly1305.NonceSizeX]
	out, err := aead.Open(nil, nonce, v[1+chacha20poly1305.NonceSizeX:], associated(bucket, key))
	if err != nil {
		return nil, errValueDamaged
	}
	return out, nil
}

var verifierText = []byte("kincare passphrase check v1")

func makeVerifier(aead cipher.AEAD) []byte {
	return sealValue(aead, bucketMeta, keyVerifier, verifierText)
}

func checkVerifier(aead cipher.AEAD, v []byte) bool {
	out, err := decodeValue(aead, bucketMeta, keyVerifier, v)
	return err == nil && subtle.ConstantTimeCompare(out, verifierText) == 1
}

func newAEAD(key []byte) cipher.AEAD {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		panic(err) // key length is fixed by derive
	}
	return a
}

func wipe(b []byte) {
	clear(b)
}

// wipeAEAD zeroes the key copy the chacha20poly1305 package keeps inside its AEAD value.
// Go gives no other way to reach it, and "keys are wiped on Close" should be true of every
// copy we know about. The layout is checked first so a future library change makes this a
// no-op rather than memory corruption.
func wipeAEAD(a cipher.AEAD) {
	if a == nil {
		return
	}
	v := reflect.ValueOf(a)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	t := v.Elem().Type()
	if t.NumField() == 0 {
		return
	}
	f := t.Field(0)
	if f.Offset != 0 || f.Type.Kind() != reflect.Array || f.Type.Len() != chacha20poly1305.KeySize || f.Type.Elem().Kind() != reflect.Uint8 {
		return
	}
	k := (*[chacha20poly1305.KeySize]byte)(v.UnsafePointer())
	clear(k[:])
}
