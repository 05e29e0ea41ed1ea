package storage

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGuestWritesNothing(t *testing.T) {
	root := t.TempDir()
	for _, k := range []string{"HOME", "XDG_DATA_HOME", "TMPDIR", "LOCALAPPDATA", "APPDATA", "TEMP", "TMP", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"} {
		t.Setenv(k, root)
	}
	t.Setenv("KINCARE_DB", filepath.Join(root, "kincare.db"))
	s := NewMemory()
	if s.Path() != "" || s.Protected() {
		t.Fatal("guest store claims a file")
	}
	c := sampleCase("guest")
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	c.Label = "changed"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(c.ID)
	if err != nil || got.Label != "changed" {
		t.Fatal(err)
	}
	got.Label = "not saved"
	if again, _ := s.Get(c.ID); again.Label != "changed" {
		t.Fatal("Get returned shared data")
	}
	if l, _ := s.Search("tyler", ""); len(l) != 1 {
		t.Fatal("search")
	}
	if _, err := ExportAll(s, []byte("pw")); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	s.Save(sampleCase("x"))
	if err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.List(""); len(l) != 0 {
		t.Fatal("DeleteAll left cases")
	}
	s.Close()
	var files []string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if p != root {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 0 {
		t.Fatalf("guest mode wrote %v", files)
	}
}
