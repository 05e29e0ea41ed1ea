package storage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/crypto/chacha20poly1305"
)

// Import reads an export, checking it has not been damaged or edited. passphrase is needed
// only for an encrypted export. It does not touch any store; see ImportCases.
func Import(data []byte, passphrase []byte) ([]Case, error) {
	if len(data) > MaxImportBytes {
		return nil, errImport("it is %d MB, and kincare reads at most %d MB at once; check it is the right file", len(data)>>20, MaxImportBytes>>20)
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, errImport("it is not a kincare export, or it has been damaged (%s)", plainJSONError(err))
	}
	switch head.Format {
	case ExportFormat:
	case ExportFormatEncrypted:
		if head.Version > ExportVersion {
			return nil, errImport("it was made by a newer version of kincare; update kincare to import it")
		}
		var env encryptedExport
		if err := strictJSON(data, &env); err != nil {
			return nil, errImport("it has been damaged or edited (%s)", plainJSONError(err))
		}
		if len(passphrase) == 0 {
			return nil, &Error{Kind: ErrNeedPassphrase, Msg: "This export is protected by a passphrase. Enter the passphrase it was exported with."}
		}
		if !env.KDF.sane() || len(env.Nonce) != chacha20poly1305.NonceSizeX {
			return nil, errImport("it has been damaged or edited")
		}
		key := env.KDF.derive(passphrase)
		aead := newAEAD(key)
		plain, err := aead.Open(nil, env.Nonce, env.Data, exportAD(env))
		wipeAEAD(aead)
		wipe(key)
		if err != nil {
			return nil, &Error{Kind: ErrWrongPassphrase, Msg: "That passphrase does not open this export, or the export has been damaged or edited. Check the passphrase and try again. Nothing was imported."}
		}
		defer wipe(plain)
		return importPlain(plain)
	case "":
		return nil, errImport("it is not a kincare export")
	default:
		return nil, errImport("it is a %q file, not a kincare export", head.Format)
	}
	return importPlain(data)
}

func importPlain(data []byte) ([]Case, error) {
	return importStream(bytes.NewReader(data))
}

// ImportFile is Import for an export file on disk. A plain export is read as it is decoded,
// so importing 100,000 cases never holds the whole file in memory as well as the cases.
func ImportFile(path string, passphrase []byte) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(512)
	if bytes.Contains(head, []byte(ExportFormatEncrypted)) || !bytes.Contains(head, []byte(ExportFormat)) {
		// sealed as a whole, or not an export at all: Import says which
		data, err := io.ReadAll(io.LimitReader(br, MaxImportBytes+1))
		if err != nil {
			return nil, err
		}
		return Import(data, passphrase)
	}
	return importStream(br)
}

func importStream(r io.Reader) ([]Case, error) {
	var cases []Case
	err := scanCases(r, func(c Case) error {
		cases = append(cases, c)
		return nil
	})
	return cases, err
}

// scanCases reads a plain export and hands each case, checked and tidied as Save would, to
// each. An error from each stops the scan. The checksum and the count are only known at
// the end: a caller must not keep anything until scanCases returns nil.
func scanCases(r io.Reader, each func(Case) error) error {
	seen := map[string]bool{}
	now := time.Now().UTC()
	n := 0
	f, err := scanExport(r, func(c Case) error {
		n++
		if !validID(c.ID) {
			return errImport("case %d has a reference kincare did not make", n)
		}
		if seen[c.ID] {
			return errImport("case %s appears twice", c.ID)
		}
		seen[c.ID] = true
		if err := prepare(&c, now); err != nil {
			var e *Error
			if errors.As(err, &e) && e.Err != nil {
				err = e.Err // a limit's bare phrase, said in the import's own sentence
			}
			return errImport("case %s cannot be read: %v", c.ID, err)
		}
		return each(c)
	})
	if err != nil {
		return err
	}
	if n != f.Count {
		return errImport("it should hold %d cases but holds %d", f.Count, n)
	}
	return nil
}

// scanExport reads a plain export in one pass, decoding the cases one at a time and checking
// the checksum of their bytes as they pass: holding the cases array as a second copy, as
// decoding it whole did, tripled the memory an import of 100,000 cases needed. Version 1
// (before families) holds one child per case; each becomes a family of one, as an old case
// file does.
func scanExport(r io.Reader, each func(Case) error) (exportFile, error) {
	var f exportFile
	damaged := func(err error) (exportFile, error) {
		return f, errImport("it has been damaged or edited (%s)", plainJSONError(err))
	}
	hr := &hashingReader{r: r}
	dec := json.NewDecoder(hr)
	dec.DisallowUnknownFields()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return damaged(fmt.Errorf("it does not start as a kincare export: %v", err))
	}
	var sum []byte
	n := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return damaged(err)
		}
		var v any
		switch key, _ := t.(string); key {
		case "format":
			v = &f.Format
		case "version":
			v = &f.Version
		case "exported":
			v = &f.Exported
		case "count":
			v = &f.Count
		case "sha256":
			v = &f.SHA256
		case "cases":
			if f.Format != ExportFormat || f.Version < 1 || f.Version > ExportVersion {
				break // refused below, with the reason
			}
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return damaged(fmt.Errorf("the cases are not a list"))
			}
			hr.start(dec.Buffered())
			for dec.More() {
				c, err := decodeExportCase(dec, f.Version, n+1)
				if err != nil {
					return f, err
				}
				n++
				if err := each(c); err != nil {
					return f, err
				}
			}
			if _, err := dec.Token(); err != nil {
				return damaged(err)
			}
			if sum = hr.finish(dec.Buffered()); sum == nil {
				return damaged(errors.New("the list of cases could not be checked"))
			}
			continue
		default:
			return damaged(fmt.Errorf("unknown field %q", key))
		}
		if v == nil {
			var skip json.RawMessage
			v = &skip
		}
		if err := dec.Decode(v); err != nil {
			return damaged(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return damaged(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return damaged(errors.New("extra data after the end"))
	}
	switch {
	case f.Format != ExportFormat:
		return f, errImport("it is not a kincare export")
	case f.Version > ExportVersion:
		return f, errImport("it was made by a newer version of kincare; update kincare to import it")
	case f.Version < 1:
		return f, errImport("its version number is missing")
	case sum == nil:
		return f, errImport("it holds no list of cases")
	}
	if f.SHA256 != hex.EncodeToString(sum) {
		return f, errImport("it has been changed since kincare wrote it, or it is damaged (its check number does not match)")
	}
	return f, nil
}

// decodeExportCase reads the next case of the list, in the form of the export's version.
func decodeExportCase(dec *json.Decoder, version, n int) (Case, error) {
	if version >= 2 {
		var c Case
		if err := dec.Decode(&c); err != nil {
			return Case{}, errImport("a case in it is not in the expected form (%s)", plainJSONError(err))
		}
		return c, nil
	}
	var old caseV2
	if err := dec.Decode(&old); err != nil {
		return Case{}, errImport("a case in it is not in the expected form (%s)", plainJSONError(err))
	}
	c, err := old.upgrade()
	if err != nil {
		return Case{}, errImport("case %d cannot be read (%v)", n, err)
	}
	return c, nil
}

func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("extra data after the end")
	}
	return nil
}

// plainJSONError drops the "json: " prefix and Go type names people would not understand.
func plainJSONError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.Contains(msg, "cannot unmarshal") {
		return "a value is of the wrong kind"
	}
	if strings.HasPrefix(msg, "unknown field") {
		return "it contains an entry kincare does not know: " + strings.TrimPrefix(msg, "unknown field ")
	}
	return msg
}

// hashingReader computes the SHA-256 of the cases array, from its "[" to its "]", while the
// decoder reads it. The decoder reads ahead, so hashing runs one read behind: when the array
// starts, what the decoder holds beyond the "[" is the first chunk; when it ends, what the
// decoder holds beyond the "]" is the end of the last chunk read, and is left out.
type hashingReader struct {
	r       io.Reader
	h       hash.Hash // nil until the array starts
	pending []byte    // the latest chunk, not yet hashed
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	if hr.h != nil && n > 0 {
		hr.h.Write(hr.pending)
		hr.pending = append(hr.pending[:0], p[:n]...)
	}
	return n, err
}

// start begins at the "[" just returned; buffered is what the decoder holds beyond it.
func (hr *hashingReader) start(buffered io.Reader) {
	hr.h = sha256.New()
	hr.h.Write([]byte{'['})
	rest, _ := io.ReadAll(buffered)
	hr.pending = rest
}

// finish ends after the "]" just returned; buffered is what the decoder holds beyond it.
// It returns nil if that is not the end of the last chunk, which would be a decoder bug.
func (hr *hashingReader) finish(buffered io.Reader) []byte {
	if hr.h == nil {
		return nil
	}
	tail, _ := io.ReadAll(buffered)
	if !bytes.HasSuffix(hr.pending, tail) {
		return nil
	}
	hr.h.Write(hr.pending[:len(hr.pending)-len(tail)])
	sum := hr.h.Sum(nil)
	hr.h, hr.pending = nil, nil
	return sum
}
