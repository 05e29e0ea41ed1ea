package storage

import (
	"encoding/binary"
	"hash/fnv"
	"io"
	"os"
)

// precheck reads the file's two header pages itself before bbolt sees the file. bbolt trusts
// its header and maps the whole file into memory: on a cut-off file it would read past the
// end and the process would die with a bus error. This turns those files into a clear
// message instead, and never writes anything.
func precheck(path string, size int64) error {
	if size == 0 {
		return errNotKincare(path, "it is empty")
	}
	f, err := os.Open(path)
	if err != nil {
		return ioError(path, "read the case file", err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	m0, ok0 := parseMeta(buf)
	if !m0.magicOK {
		// Page 0 may be torn; bbolt then relies on page 1, which sits one page further on.
		b1 := make([]byte, 4096)
		n1, _ := f.ReadAt(b1, 4096)
		if m1, _ := parseMeta(b1[:n1]); !m1.magicOK {
			return errNotKincare(path, "it is not a database kincare can read")
		}
	}
	pageSize := int64(4096)
	if ok0 && m0.pageSize >= 512 && m0.pageSize <= 1<<16 {
		pageSize = int64(m0.pageSize)
	}
	b1 := make([]byte, 4096)
	n1, _ := f.ReadAt(b1, pageSize)
	m1, ok1 := parseMeta(b1[:n1])
	best := m0
	switch {
	case ok0 && ok1:
		if m1.txid > m0.txid {
			best = m1
		}
	case ok1:
		best = m1
	case !ok0:
		return errDamaged(path, "its header is damaged", nil)
	}
	if int64(best.pageSize) != pageSize && ok0 {
		return errDamaged(path, "its header is inconsistent", nil)
	}
	if best.pgid < 2 || best.root >= best.pgid || (best.freelist >= best.pgid && best.freelist != ^uint64(0)) {
		return errDamaged(path, "its header is inconsistent", nil)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return errDamaged(path, "it is shorter than it should be; it may have been cut off while being copied", nil)
	}
	return nil
}

type metaPage struct {
	magicOK                    bool
	pageSize                   uint32
	root, freelist, pgid, txid uint64
}

// parseMeta reads one bbolt meta page: a 16-byte page header, then magic, version,
// page size, flags, root bucket (root, sequence), freelist, high-water page, txid, checksum.
// bbolt writes it in the machine's byte order; every platform kincare targets is little-endian.
func parseMeta(page []byte) (metaPage, bool) {
	var m metaPage
	if len(page) < 16+64 {
		return m, false
	}
	b := page[16 : 16+64]
	le := binary.LittleEndian
	m.magicOK = le.Uint32(b[0:]) == 0xED0CDAED
	version := le.Uint32(b[4:])
	m.pageSize = le.Uint32(b[8:])
	m.root = le.Uint64(b[16:])
	m.freelist = le.Uint64(b[32:])
	m.pgid = le.Uint64(b[40:])
	m.txid = le.Uint64(b[48:])
	h := fnv.New64a()
	h.Write(b[:56])
	ok := m.magicOK && version == 2 && h.Sum64() == le.Uint64(b[56:]) && m.pageSize >= 512 && m.pageSize <= 1<<16
	return m, ok
}
