package storage

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileSafely(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "letter.txt")
	if err := WriteFile(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
	if err := WriteFile(p, []byte("two"), false); err == nil {
		t.Fatal("replaced a file without being asked")
	}
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("victim"), 0o644)
	link := filepath.Join(dir, "link.txt")
	os.Symlink(victim, link)
	if err := WriteFile(link, []byte("x"), false); err == nil {
		t.Fatal("wrote over an existing link without being asked")
	}
	if err := WriteFile(link, []byte("x"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "victim" {
		t.Fatalf("wrote through a link: %q", b)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "sub"))
	if len(ents) != 1 {
		t.Fatalf("temporary files left: %v", ents)
	}
}

// Files kincare writes are recorded (in the file, or in memory for a guest), listed, and
// removed only while they still hold what kincare wrote.
func TestWrittenFilesRecordedAndRemoved(t *testing.T) {
	for _, name := range []string{"file", "protected", "guest"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			var s Store
			switch name {
			case "file":
				s = openT(t, filepath.Join(dir, "k.db"), "")
			case "protected":
				s = openT(t, filepath.Join(dir, "k.db"), "pw")
			default:
				s = NewMemory()
			}
			out := t.TempDir()
			a, b, c := filepath.Join(out, "a.txt"), filepath.Join(out, "b.pdf"), filepath.Join(out, "c.txt")
			for _, p := range []string{a, b, c} {
				if err := WriteRecorded(s, p, []byte("letter "+p), false); err != nil {
					t.Fatal(err)
				}
			}
			os.WriteFile(b, []byte("someone else's now"), 0o600)
			os.Remove(c)
			if db, ok := s.(*DB); ok {
				// the record survives closing and opening again
				path := db.Path()
				db.Close()
				pass := ""
				if name == "protected" {
					pass = "pw"
				}
				s = openT(t, path, pass)
				if name == "protected" {
					if hits := folderContains(t, dir, []byte(out)); len(hits) != 0 {
						t.Fatalf("a protected file shows the written file names: %v", hits)
					}
				}
			}
			list, err := WrittenFiles(s)
			if err != nil || len(list) != 3 {
				t.Fatalf("listed %v, %v", list, err)
			}
			removed, kept, err := RemoveWrittenFiles(s)
			if err != nil || len(removed) != 1 || removed[0] != a || len(kept) != 1 || kept[0] != b {
				t.Fatalf("removed %v kept %v: %v", removed, kept, err)
			}
			if _, err := os.Stat(a); !os.IsNotExist(err) {
				t.Fatal("a was not removed")
			}
			if _, err := os.Stat(b); err != nil {
				t.Fatal("a changed file was removed")
			}
			list, _ = WrittenFiles(s)
			if len(list) != 1 || list[0].Path != b || !list[0].Changed {
				t.Fatalf("after removing: %+v", list)
			}
			s.Close()
		})
	}
}

// Removing what kincare wrote also removes kincare's own letters folder once it is empty, but
// never a folder that still holds something of the person's.
func TestRemoveWrittenFilesTidiesTheLettersFolder(t *testing.T) {
	home := t.TempDir()
	s := NewMemory()
	folder := filepath.Join(home, LettersFolder)
	letter := filepath.Join(folder, "letter-local-offer-copy-2026-12-03.txt")
	if err := WriteRecorded(s, letter, []byte("Dear Sir or Madam"), false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := RemoveWrittenFiles(s); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(folder); !os.IsNotExist(err) {
		t.Fatalf("the empty %s folder was left behind (%v)", LettersFolder, err)
	}

	mine := filepath.Join(folder, "my own notes.txt")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteRecorded(s, letter, []byte("Dear Sir or Madam"), false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := RemoveWrittenFiles(s); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Fatalf("a file kincare did not write was touched: %v", err)
	}
}
