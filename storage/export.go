package storage

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

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
	Cases    json.RawMessage `json:"cases"` // read by scanExport one case at a time
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
