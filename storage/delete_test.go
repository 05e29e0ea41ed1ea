package storage

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDeleteReallyDeletes checks the deleted family's details are in no file in the folder:
// not in free pages, not in a temporary copy.
func TestDeleteReallyDeletes(t *testing.T) {
	for _, pass := range []string{"", "pw"} {
		t.Run("pass="+pass, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "kincare.db")
			d := openT(t, path, pass)
			const marker = "QUOKKAMARKER7731"
			keep := sampleCase("keeper")
			if err := d.Save(keep); err != nil {
				t.Fatal(err)
			}
			c := sampleCase(marker)
			if err := d.Save(c); err != nil {
				t.Fatal(err)
			}
			// an edit leaves the old version in a free page
			c.Notes = append(c.Notes, Note{Text: "more about " + marker})
			if err := d.Save(c); err != nil {
				t.Fatal(err)
			}
			if _, err := d.List(""); err != nil {
				t.Fatal(err)
			}
			hits := folderContains(t, dir, []byte(marker))
			if pass != "" && len(hits) != 0 {
				t.Fatalf("protected store holds the marker in plain text: %v", hits)
			}
			if pass == "" && len(hits) == 0 {
				t.Fatal("test is not testing anything: marker not found before delete")
			}
			if err := d.Delete(c.ID); err != nil {
				t.Fatal(err)
			}
			if hits := folderContains(t, dir, []byte(marker)); len(hits) != 0 {
				t.Fatalf("marker still on disk after delete (store open): %v", hits)
			}
			if got, err := d.Get(keep.ID); err != nil {
				t.Fatalf("other case lost: %v", err)
			} else {
				sameCase(t, *keep, got)
			}
			// the store keeps working after the file was swapped
			if err := d.Save(sampleCase("after")); err != nil {
				t.Fatal(err)
			}
			d.Close()
			if hits := folderContains(t, dir, []byte(marker)); len(hits) != 0 {
				t.Fatalf("marker on disk after close: %v", hits)
			}
			d = openT(t, path, pass)
			if l, _ := d.List(""); len(l) != 2 {
				t.Fatalf("after reopen: %d cases", len(l))
			}
			d.Close()
		})
	}
}

// TestEditedTextGoneAfterClose: replaced text (a deleted note) is cleared on Close.
func TestEditedTextGoneAfterClose(t *testing.T) {
	dir := t.TempDir()
	d := openT(t, filepath.Join(dir, "kincare.db"), "")
	c := sampleCase("x")
	c.Notes = []Note{{Text: "OLDNOTEMARKER"}}
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	c.Notes = nil
	if err := d.Save(c); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if hits := folderContains(t, dir, []byte("OLDNOTEMARKER")); len(hits) != 0 {
		t.Fatalf("removed note still on disk: %v", hits)
	}
}

func TestDeleteAll(t *testing.T) {
	for _, pass := range []string{"", "pw"} {
		parent := t.TempDir()
		dir := filepath.Join(parent, "kincare")
		path := filepath.Join(dir, "kincare.db")
		d := openT(t, path, pass)
		if err := d.Save(sampleCase("DELETEALLMARKER")); err != nil {
			t.Fatal(err)
		}
		// a temporary copy left behind by a crash
		if err := os.WriteFile(filepath.Join(dir, ".kincare.db.tmp-abc123"), []byte("DELETEALLMARKER"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := d.DeleteAll(); err != nil {
			t.Fatal(err)
		}
		if hits := folderContains(t, parent, []byte("DELETEALLMARKER")); len(hits) != 0 {
			t.Fatalf("data left after DeleteAll: %v", hits)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("empty folder left behind: %v", err)
		}
		if err := d.Save(sampleCase("x")); err == nil {
			t.Fatal("store usable after DeleteAll")
		}
	}
	// a folder with other things in it is kept
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("hello"), 0o600)
	d := openT(t, filepath.Join(dir, "kincare.db"), "")
	if err := d.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "mine.txt")); err != nil {
		t.Fatal("DeleteAll removed someone else's file")
	}
}

func TestRemoveFileForgottenPassphrase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "k")
	path := filepath.Join(dir, "kincare.db")
	d := openT(t, path, "forgotten")
	d.Close()
	if err := RemoveFile(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("not removed")
	}
}
