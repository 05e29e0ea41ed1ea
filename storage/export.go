package storage

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"strings"
	"time"

	"golang.org/x/crypto/chacha20poly1305"
)

// Export format names and version; see EXPORT.md.
const (
	ExportFormat          = "kincare-export"
	ExportFormatEncrypted = "kincare-export-encrypted"
	ExportVersion         = 2
)

// ErrImport is the kind of every problem with an export file.
var ErrImport = errors.New("this export file cannot be imported")

func errImport(format string, a ...any) error {
	return &Error{Kind: ErrImport, Msg: "This export file cannot be imported: " + fmt.Sprintf(format, a...) + ". Nothing was imported."}
}

type exportFile struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Exported string          `json:"exported,omitempty"`
	Count    int             `json:"count"`
	SHA256   string          `json:"sha256"`
	Cases    json.RawMessage `json:"cases"`
}

type encryptedExport struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	KDF     kdfParams `json:"kdf"`
	Nonce   []byte    `json:"nonce"`
	Data    []byte    `json:"data"`
}

// Export writes cases in the versioned backup format. With a passphrase the whole export is
// sealed in an envelope with its own salt, so it can be opened without the case file.
func Export(cases []Case, passphrase []byte) ([]byte, error) {
	if cases == nil {
		cases = []Case{}
	}
	cj, err := json.MarshalIndent(cases, "  ", "  ")
	if err != nil {
		return nil, &Error{Kind: ErrInvalid, Msg: "The cases could not be written out: " + err.Error()}
	}
	// Written by hand so that the checksum covers exactly the bytes of "cases" in the file.
	sum := sha256.Sum256(cj)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"format\": %q,\n  \"version\": %d,\n  \"exported\": %q,\n  \"count\": %d,\n  \"sha256\": %q,\n  \"cases\": ",
		ExportFormat, ExportVersion, time.Now().UTC().Format(time.RFC3339), len(cases), hex.EncodeToString(sum[:]))
	b.Write(cj)
	b.WriteString("\n}")
	plain := b.Bytes()
	if len(passphrase) == 0 {
		return append(plain, '\n'), nil
	}
	p := newKDF()
	key := p.derive(passphrase)
	defer wipe(key)
	aead := newAEAD(key)
	defer wipeAEAD(aead)
	env := encryptedExport{Format: ExportFormatEncrypted, Version: ExportVersion, KDF: p, Nonce: make([]byte, chacha20poly1305.NonceSizeX)}
	if _, err := rand.Read(env.Nonce); err != nil {
		return nil, err
	}
	env.Data = aead.Seal(nil, env.Nonce, plain, exportAD(env))
	wipe(plain)
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// exportAD binds the envelope's header to its contents, so changing the settings or the
// format name is detected like any other edit.
func exportAD(env encryptedExport) []byte {
	kj, _ := json.Marshal(env.KDF)
	return []byte(fmt.Sprintf("%s/%d/%s", env.Format, env.Version, kj))
}

// Import reads an export, checking it has not been damaged or edited. passphrase is needed
// only for an encrypted export. It does not touch any store; see ImportCases.
func Import(data []byte, passphrase []byte) ([]Case, error) {
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
	var f exportFile
	if err := strictJSON(data, &f); err != nil {
		return nil, errImport("it has been damaged or edited (%s)", plainJSONError(err))
	}
	if f.Format != ExportFormat {
		return nil, errImport("it is not a kincare export")
	}
	if f.Version > ExportVersion {
		return nil, errImport("it was made by a newer version of kincare; update kincare to import it")
	}
	if f.Version < 1 {
		return nil, errImport("its version number is missing")
	}
	sum := sha256.Sum256(f.Cases)
	if f.SHA256 != hex.EncodeToString(sum[:]) {
		return nil, errImport("it has been changed since kincare wrote it, or it is damaged (its check number does not match)")
	}
	cases, err := readCases(f.Cases, f.Version)
	if err != nil {
		return nil, err
	}
	if len(cases) != f.Count {
		return nil, errImport("it should hold %d cases but holds %d", f.Count, len(cases))
	}
	seen := map[string]bool{}
	now := time.Now().UTC()
	for i := range cases {
		c := &cases[i]
		if !validID(c.ID) {
			return nil, errImport("case %d has a reference kincare did not make", i+1)
		}
		if seen[c.ID] {
			return nil, errImport("case %s appears twice", c.ID)
		}
		seen[c.ID] = true
		if err := prepare(c, now); err != nil {
			return nil, errImport("case %s cannot be read: %v", c.ID, err)
		}
	}
	return cases, nil
}

// readCases reads the cases array of an export. Version 1 (before families) holds one child
// per case; each becomes a family of one, as an old case file does.
func readCases(data []byte, version int) ([]Case, error) {
	if version >= 2 {
		var cases []Case
		if err := strictJSON(data, &cases); err != nil {
			return nil, errImport("a case in it is not in the expected form (%s)", plainJSONError(err))
		}
		return cases, nil
	}
	var old []caseV2
	if err := strictJSON(data, &old); err != nil {
		return nil, errImport("a case in it is not in the expected form (%s)", plainJSONError(err))
	}
	cases := make([]Case, len(old))
	for i := range old {
		c, err := old[i].upgrade()
		if err != nil {
			return nil, errImport("case %d cannot be read (%v)", i+1, err)
		}
		cases[i] = c
	}
	return cases, nil
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

// ExportAll reads every case from s, for "kincare export".
func ExportAll(s Store, passphrase []byte) ([]byte, error) {
	list, err := s.List("")
	if err != nil {
		return nil, err
	}
	cases := make([]Case, 0, len(list))
	for _, sm := range list {
		c, err := s.Get(sm.ID)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return Export(cases, passphrase)
}
