package tui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"kincare/storage"
)

// filesUnder lists every file under the folders, for "nothing was left behind".
func filesUnder(t *testing.T, dirs ...string) []string {
	t.Helper()
	var files []string
	for _, dir := range dirs {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	sort.Strings(files)
	return files
}

// guestHome gives the test a home and temporary folder of its own, and returns both.
func guestHome(t *testing.T) (home, tmp string) {
	// Short names, so a path on the screen fits one line at 80 columns.
	mk := func() string {
		dir, err := os.MkdirTemp("", "kc")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		return dir
	}
	home, tmp = mk(), mk()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("TMPDIR", tmp)
	return home, tmp
}

// exportGuestLetter opens a guest case's first letter and exports it as text to the default
// place, answering the guest warning with answer.
func exportGuestLetter(t *testing.T, d *driver, answer string) string {
	t.Helper()
	openLetterCase(t, d)
	selectLetter(t, d, "sg_support_assessment")
	d.key("enter")
	d.key("x", "t")
	path := expandHome(d.inputValue())
	d.key("enter")
	// The warning comes first, in words, with the folder: nothing is written yet.
	d.mustSee("This file will stay on this computer.", "guest session", filepath.Dir(path), filepath.Base(path), "Save it anyway? y / n")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the file was written before the person agreed")
	}
	d.key(answer)
	return path
}

// leaveFromAnywhere goes back to the case list and asks to leave.
func leaveFromAnywhere(d *driver) {
	for i := 0; i < 8 && d.m.top() != screen(d.m.list); i++ {
		d.key("esc")
		if _, ok := d.m.top().(*confirmDialog); ok {
			d.key("y")
		}
	}
	d.key("esc")
	d.mustSee("Leave kincare? This guest session's cases will go. y / n")
	d.key("y")
}

// A guest letter export is warned about, listed when leaving, and deleted on request: then
// nothing at all is left under HOME or TMPDIR, and the goodbye says so truthfully.
func TestGuestExportWarnedListedAndDeleted(t *testing.T) {
	home, tmp := guestHome(t)
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	path := exportGuestLetter(t, d, "y")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the letter was not saved after yes: %v\n%s", err, d.screen())
	}
	d.mustSee("Saved to")
	leaveFromAnywhere(d)
	if d.quit {
		t.Fatal("left without offering to delete the saved letter")
	}
	d.mustSee("Before you go: these files you saved are still on this computer.", filepath.Base(path), "in "+filepath.Dir(path), "Delete them now?")
	d.key("y")
	if !d.quit {
		t.Fatalf("did not leave after deleting:\n%s", d.screen())
	}
	left, _ := storage.WrittenFiles(d.m.store)
	if err := d.m.shutdown(); err != nil {
		t.Fatal(err)
	}
	if files := filesUnder(t, home, tmp); len(files) > 0 {
		t.Fatalf("files left after choosing to delete: %v", files)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatalf("kincare's empty letters folder was left: %v", err)
	}
	if bye := guestGoodbye(left); bye != "Guest session ended. Nothing was kept.\n" {
		t.Fatalf("goodbye after deleting: %q", bye)
	}
}

// Saying no to the warning writes nothing; keeping the file at the end keeps it and the
// goodbye names it rather than saying nothing was kept.
func TestGuestExportRefusedOrKept(t *testing.T) {
	home, tmp := guestHome(t)
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	path := exportGuestLetter(t, d, "n")
	if files := filesUnder(t, home, tmp); len(files) > 0 {
		t.Fatalf("no to the warning still wrote: %v", files)
	}
	if onTop[*saveAsDialog](d) == nil {
		t.Fatalf("no did not go back to the file name:\n%s", d.screen())
	}
	d.key("enter", "y")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("not saved after yes: %v", err)
	}
	leaveFromAnywhere(d)
	d.key("esc") // stay after all
	if d.quit {
		t.Fatal("esc on the leaving screen left")
	}
	leaveFromAnywhere(d)
	d.key("k")
	if !d.quit {
		t.Fatal("k did not leave")
	}
	left, _ := storage.WrittenFiles(d.m.store)
	d.m.shutdown()
	if files := filesUnder(t, home, tmp); len(files) != 1 || files[0] != path {
		t.Fatalf("files = %v, want only %s", files, path)
	}
	if bye := guestGoodbye(left); !strings.Contains(bye, path) || strings.Contains(bye, "Nothing was kept") {
		t.Fatalf("goodbye: %q", bye)
	}
}

// A saved read-out is warned about too, and a guest session that saved nothing leaves at once.
func TestGuestReadOutSaveWarnedAndNoFileMeansNoQuestion(t *testing.T) {
	home, tmp := guestHome(t)
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	d.key("r", "w")
	d.setInput(filepath.Join(home, "summary.txt"))
	d.key("enter")
	d.mustSee("This file will stay on this computer.", home, "summary.txt")
	d.key("esc")
	leaveFromAnywhere(d)
	if !d.quit {
		t.Fatalf("a guest session with no files asked before leaving:\n%s", d.screen())
	}
	d.m.shutdown()
	if files := filesUnder(t, home, tmp); len(files) > 0 {
		t.Fatalf("files: %v", files)
	}
}

// The line mode's guest journeys, piped, with a home and temporary folder of their own: a
// letter saved to ~/ is warned about with its folder before anything is written, listed at the
// end and deleted on request; refused, it is never written; with no save, no file exists
// afterwards. The output holds no escape sequence and no internal id.
func TestLineModeGuestJourneysLeaveNothing(t *testing.T) {
	run := func(lines ...string) string {
		t.Helper()
		var out strings.Builder
		o := lineOptions(script(lines...), nil, &out)
		o.Guest = true
		if err := RunAccessible(o); err != nil {
			t.Fatal(err)
		}
		noInternals(t, out.String())
		return out.String()
	}
	t.Run("saved then deleted", func(t *testing.T) {
		home, tmp := guestHome(t)
		out := run(append(margaret, "", "letter", "1", "~/my-letter.txt", "yes", "0", "yes")...)
		warn := "This letter would be saved in the folder " + home + ", as my-letter.txt. It will stay on this computer"
		if !strings.Contains(out, warn) {
			t.Fatalf("no warning with the folder before saving:\n%s", out)
		}
		if i, j := strings.Index(out, warn), strings.Index(out, "Saved the letter to"); j < i {
			t.Fatal("saved before the warning")
		}
		if !strings.Contains(out, "This session saved these files") || !strings.Contains(out, filepath.Join(home, "my-letter.txt")) {
			t.Fatalf("the letter is not listed at the end:\n%s", out)
		}
		if files := filesUnder(t, home, tmp); len(files) > 0 {
			t.Fatalf("files left after choosing to delete: %v", files)
		}
		if !strings.HasSuffix(strings.TrimSpace(out), "Nothing was kept on this computer.") {
			t.Fatalf("the end: %q", out[max(len(out)-200, 0):])
		}
	})
	t.Run("saved and kept", func(t *testing.T) {
		home, tmp := guestHome(t)
		out := run(append(margaret, "", "letter", "1", "~/my-letter.txt", "yes", "0", "no")...)
		if files := filesUnder(t, home, tmp); len(files) != 1 || files[0] != filepath.Join(home, "my-letter.txt") {
			t.Fatalf("files = %v", files)
		}
		if strings.Contains(out, "Nothing was kept") || !strings.Contains(out, "Nothing else was kept") {
			t.Fatalf("the end is not honest:\n%s", out[max(len(out)-300, 0):])
		}
	})
	t.Run("refused", func(t *testing.T) {
		home, tmp := guestHome(t)
		out := run(append(margaret, "", "letter", "1", "~/my-letter.txt", "no", "0")...)
		if !strings.Contains(out, "The letter was not saved.") {
			t.Fatalf("no word that nothing was saved:\n%s", out)
		}
		if files := filesUnder(t, home, tmp); len(files) > 0 {
			t.Fatalf("files: %v", files)
		}
	})
	t.Run("no save", func(t *testing.T) {
		home, tmp := guestHome(t)
		out := run(append(margaret, "", "0")...)
		if files := filesUnder(t, home, tmp); len(files) > 0 {
			t.Fatalf("files: %v", files)
		}
		if !strings.Contains(out, "Nothing was kept on this computer.") {
			t.Fatal("the end did not say nothing was kept")
		}
	})
}

// A line-mode guest session that saved a letter and then ended itself when idle does not say
// nothing was kept, and does not read the file's name out to whoever is at the computer now.
func TestLineModeIdleGuestWithASavedLetterIsHonest(t *testing.T) {
	home, _ := guestHome(t)
	r := startIdle(t, func(o *AccessibleOptions) { o.Guest = true })
	r.send(append(margaret, "", "letter", "1", "~/my-letter.txt", "yes")...)
	waitFor(t, r.out, "Saved the letter to")
	r.idle <- time.Now()
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
	s := r.out.String()
	end := s[strings.LastIndex(s, clearSequence):]
	if strings.Contains(end, "Nothing was kept") || !strings.Contains(end, "the 1 file it saved is still on this computer") {
		t.Errorf("after the idle end: %q", end)
	}
	if strings.Contains(end, "my-letter") {
		t.Error("the file's name was read out after the session ended")
	}
	if _, err := os.Stat(filepath.Join(home, "my-letter.txt")); err != nil {
		t.Errorf("the saved letter should still be there: %v", err)
	}
}
