package storage

import (
	"encoding/binary"
	"errors"
)

// Index entries use a small binary form rather than JSON because the cold list of 100,000
// cases decodes every one of them; JSON was the slowest step there.
const indexFormat = 0x10

var errBadIndex = errors.New("index entry is damaged")

func (e *indexEntry) marshal() []byte {
	n := 1 + 10 + 10
	for _, s := range []string{e.Label, e.Council, e.Carer, e.Second, e.Child} {
		n += 5 + len(s)
	}
	for _, d := range e.Dues {
		n += 5 + len(d)
	}
	b := make([]byte, 0, n)
	b = append(b, indexFormat)
	for _, s := range []string{e.Label, e.Council, e.Carer, e.Second, e.Child} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendVarint(b, e.Updated)
	b = binary.AppendUvarint(b, uint64(len(e.Dues)))
	for _, d := range e.Dues {
		b = binary.AppendUvarint(b, uint64(len(d)))
		b = append(b, d...)
	}
	return b
}

func unmarshalIndex(b []byte) (indexEntry, error) {
	var e indexEntry
	if len(b) == 0 || b[0] != indexFormat {
		return e, errBadIndex
	}
	b = b[1:]
	str := func() (string, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return "", false
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s, true
	}
	var ok bool
	for _, p := range []*string{&e.Label, &e.Council, &e.Carer, &e.Second, &e.Child} {
		if *p, ok = str(); !ok {
			return e, errBadIndex
		}
	}
	u, k := binary.Varint(b)
	if k <= 0 {
		return e, errBadIndex
	}
	e.Updated, b = u, b[k:]
	cnt, k := binary.Uvarint(b)
	if k <= 0 || cnt > uint64(len(b)) {
		return e, errBadIndex
	}
	b = b[k:]
	for i := uint64(0); i < cnt; i++ {
		d, ok := str()
		if !ok {
			return e, errBadIndex
		}
		e.Dues = append(e.Dues, d)
	}
	if len(b) != 0 {
		return e, errBadIndex
	}
	return e, nil
}
