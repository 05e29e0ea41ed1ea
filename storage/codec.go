package storage

import (
	"encoding/binary"
	"errors"
)

// Index entries use a small binary form rather than JSON because the cold list of 100,000
// cases decodes every one of them; JSON was the slowest step there. Format 0x11 (schema 3)
// adds the children after the dues: a count, then each child's name and age plus one (0 when
// the age is not known).
const indexFormat = 0x11

var errBadIndex = errors.New("index entry is damaged")

func (e *indexEntry) marshal() []byte {
	n := 1 + 10 + 10
	for _, s := range []string{e.Label, e.Council, e.Carer, e.Second, e.Child} {
		n += 5 + len(s)
	}
	for _, d := range e.Dues {
		n += 5 + len(d)
	}
	n += 5
	for _, c := range e.Children {
		n += 10 + len(c.Name)
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
	b = binary.AppendUvarint(b, uint64(len(e.Children)))
	for _, c := range e.Children {
		b = binary.AppendUvarint(b, uint64(len(c.Name)))
		b = append(b, c.Name...)
		b = binary.AppendUvarint(b, uint64(c.Age+1))
	}
	return b
}

func unmarshalIndex(b []byte) (indexEntry, error) { return parseIndex(string(b)) }

// parseIndex takes a string so that all of an entry's fields share one allocation: with
// 100,000 entries, allocation was most of the cost of the first listing.
func parseIndex(b string) (indexEntry, error) {
	var e indexEntry
	if len(b) == 0 || b[0] != indexFormat {
		return e, errBadIndex
	}
	b = b[1:]
	str := func() (string, bool) {
		n, k := uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return "", false
		}
		s := b[k : k+int(n)]
		b = b[k+int(n):]
		return s, true
	}
	var ok bool
	for _, p := range []*string{&e.Label, &e.Council, &e.Carer, &e.Second, &e.Child} {
		if *p, ok = str(); !ok {
			return e, errBadIndex
		}
	}
	ux, k := uvarint(b)
	u := int64(ux >> 1)
	if ux&1 != 0 {
		u = ^u
	}
	if k <= 0 {
		return e, errBadIndex
	}
	e.Updated, b = u, b[k:]
	cnt, k := uvarint(b)
	if k <= 0 || cnt > uint64(len(b)) {
		return e, errBadIndex
	}
	b = b[k:]
	for i := uint64(0); i < cnt; i++ {
		d, ok := str()
		if !ok {
			return e, errBadIndex
		}
		if e.Dues == nil {
			e.Dues = make([]string, 0, cnt)
		}
		e.Dues = append(e.Dues, d)
	}
	cnt, k = uvarint(b)
	if k <= 0 || cnt > uint64(len(b)) {
		return e, errBadIndex
	}
	b = b[k:]
	if cnt > 0 {
		e.Children = make([]ChildSummary, cnt)
	}
	for i := range e.Children {
		name, ok := str()
		age, k := uvarint(b)
		if !ok || k <= 0 || age > 1000 {
			return e, errBadIndex
		}
		b = b[k:]
		e.Children[i] = ChildSummary{Name: name, Age: int(age) - 1}
	}
	if len(b) != 0 {
		return e, errBadIndex
	}
	return e, nil
}

// uvarint is binary.Uvarint for a string, to avoid converting back to bytes.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
