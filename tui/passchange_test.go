package tui

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"kincare/storage"
)

const passMarker = "Zebulon Quartzfield"

func plainDBWithMarker(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cases.db")
	db, err := storage.Open(path, storage.Options{NoCompactOnClose: true})
	if err != nil {
		t.Fatal(err)
	}
	c := storage.Case{Label: passMarker, Household: []byte(`{"country":"england"}`)}
	if err := db.Save(&c); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func markerInFile(t *testing.T, path string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(passMarker))
}

// ctrl+p on the case list adds a passphrase to a plain file: a short one is refused kindly
// with an example, and afterwards the name is nowhere in the file in plain text.
func TestPassphraseAddedFromTheCaseList(t *testing.T) {
	path := plainDBWithMarker(t)
	if !markerInFile(t, path) {
		t.Fatal("the plain file should hold the name, or this test proves nothing")
	}
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.mustSee(passMarker)
	d.key("?")
	d.mustSee("ctrl+p passphrase")
	d.key("?")
	d.key("ctrl+p")
	d.mustSee("has no passphrase", "purple kettle river morning")
	d.typeText("short")
	d.key("enter")
	d.mustSee("a little short", "four words")
	d.typeText("purple kettle river morning")
	d.key("enter")
	d.mustSee("again, to be sure")
	d.typeText("purple kettle river mornin")
	d.key("enter")
	d.mustSee("did not match")
	d.typeText("purple kettle river morning")
	d.key("enter")
	d.typeText("purple kettle river morning")
	d.key("enter")
	d.mustSee("now protected with a passphrase", passMarker)
	if err := d.m.shutdown(); err != nil {
		t.Fatal(err)
	}
	if p, err := storage.IsProtected(path); err != nil || !p {
		t.Fatalf("not protected: %v %v", p, err)
	}
	if markerInFile(t, path) {
		t.Fatal("the name is still in the file in plain text")
	}
}

// A wrong current passphrase changes nothing (the same bytes on disk); the right one lets
// the passphrase be removed after one more question.
func TestPassphraseWrongChangesNothingAndCanBeRemoved(t *testing.T) {
	path := protectedDB(t, "correct horse battery")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.typeText("correct horse battery")
	d.key("enter")
	d.mustSee("Locked case")
	before := fileSum(t, path)
	d.key("ctrl+p")
	d.mustSee("protected with a passphrase", "type the passphrase the file has now")
	d.typeText("wrong horse battery")
	d.key("enter")
	d.typeText("a brand new passphrase")
	d.key("enter")
	d.typeText("a brand new passphrase")
	d.key("enter")
	d.mustSee("nothing was changed")
	if fileSum(t, path) != before {
		t.Fatal("a wrong passphrase changed the file")
	}
	d.typeText("correct horse battery")
	d.key("enter")
	d.key("enter") // empty: remove
	d.mustSee("Remove the passphrase? Anyone using this computer could then open", "y / n")
	d.key("y")
	d.mustSee("The passphrase was removed", "Locked case")
	if err := d.m.shutdown(); err != nil {
		t.Fatal(err)
	}
	if p, err := storage.IsProtected(path); err != nil || p {
		t.Fatalf("still protected: %v %v", p, err)
	}
}

// A guest session has no file, so ctrl+p only says why.
func TestPassphraseNotOfferedInGuest(t *testing.T) {
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	d.mustNotSee("ctrl+p")
	d.key("ctrl+p")
	d.mustSee("needs no passphrase")
	if onTop[*passphraseScreen](d) != nil {
		t.Fatal("the passphrase screen opened in a guest session")
	}
}

// The first run refuses a weak passphrase kindly, with an example.
func TestFirstRunRefusesWeakPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.typeText("abc")
	d.key("enter")
	d.mustSee("a little short", "purple kettle river morning")
	d.mustNotSee("again, to be sure")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a weak passphrase made the file")
	}
}
