package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
	"kincare/storage"
)

// An adviser's call: a new case, every question, the results and the read-out summary.
func TestJourneyAdviserCall(t *testing.T) {
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	d.mustSee("No cases yet")
	d.key("ctrl+n")
	d.mustSee("Who is using this?")
	d.pick("adviser")
	d.mustSee("A short name for this case")
	d.typeText("Mrs Ahmed, Leeds")
	d.key("enter")
	if d.iv() == nil {
		t.Fatalf("not on the questions:\n%s", d.screen())
	}
	d.mustSee("Which country does the child live in?") // the adviser's wording
	asked := d.answerAll(grandmaSGO)
	if len(asked) < 5 {
		t.Fatalf("only %d questions asked: %v", len(asked), asked)
	}
	d.mustSee("That is every question")
	d.checkFits()
	d.key("o")
	if onTop[*resultsScreen](d) == nil {
		t.Fatalf("not on results:\n%s", d.screen())
	}
	d.mustSee("Special guardianship", "Money", "Eligible ✓")
	d.checkFits()
	d.key("enter")
	d.mustSee("Why", "How much")
	d.checkFits()
	for i := 0; i < 5 && !strings.Contains(d.screen(), "Sources"); i++ {
		d.key("space")
	}
	d.mustSee("Sources", "checked")
	d.checkFits()
	d.key("esc", "r")
	d.mustSee("Summary as at 2 March 2026")
	d.checkFits()
	// the case saved itself
	d.fire(saveTickMsg{})
	cs, _ := st.List("")
	if len(cs) != 1 || cs[0].Label != "Mrs Ahmed, Leeds" || cs[0].Council != "Leeds" {
		t.Fatalf("saved cases = %+v", cs)
	}
	d.key("p")
	if d.quit {
		t.Fatal("p left at once, without asking")
	}
	d.mustSee("Leave kincare now and print the read-out")
	d.key("y")
	if !d.quit || !strings.HasPrefix(d.m.PrintOnExit(), "Summary as at") {
		t.Fatalf("print on exit: quit=%v text=%q", d.quit, d.m.PrintOnExit())
	}
}

// Changing an earlier answer shows what changed and why, until the next key.
func TestJourneyChangeAnswer(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n")
	d.pick("carer")
	d.key("enter")
	d.answerAll(grandmaSGO)
	d.key("tab")
	// find "Legal status" in the answers and change it
	d.selectAnswer(entitlements.LegalStatus)
	d.key("e")
	d.mustSee("Changing an earlier answer")
	if d.iv().ask.Question.Name != "legal_status" {
		t.Fatalf("reopened %s", d.iv().ask.Question.Name)
	}
	t.Logf("value before pick %q", d.iv().form.value)
	d.pick("none")
	d.mustSee("What changed:")
	s := d.screen()
	if !strings.Contains(s, "->") {
		t.Fatalf("no change line:\n%s", s)
	}
	d.key("down")
	d.mustNotSee("What changed:")
}

// Quick exit from the middle of the questions ends at once and closes the store.
func TestJourneyQuickExit(t *testing.T) {
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st}, 80, 24)
	d.key("ctrl+n")
	d.pick("carer")
	d.key("enter")
	d.pick("england")
	d.key("ctrl+q")
	if !d.quit || !d.m.quick {
		t.Fatal("ctrl+q did not quit at once")
	}
	if v := d.m.View().Content; v != "" {
		t.Fatalf("screen not blank after quick exit: %q", v)
	}
	if err := d.m.shutdown(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.List(""); !errors.Is(err, storage.ErrClosed) {
		t.Fatalf("store still open after quick exit: %v", err)
	}
}

// A guest session writes nothing to disk.
func TestJourneyGuestLeavesNoFile(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	d.mustSee("GUEST")
	d.key("ctrl+n")
	d.pick("carer")
	d.typeText("Test")
	d.key("enter")
	d.answerAll(grandmaSGO)
	d.fire(saveTickMsg{})
	d.key("ctrl+t")
	d.typeText("Called about school")
	d.fire(saveTickMsg{})
	d.key("ctrl+q")
	if err := d.m.shutdown(); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.Walk(home, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) > 0 {
		t.Fatalf("guest session left files: %v", files)
	}
}

func protectedDB(t *testing.T, pass string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cases.db")
	db, err := storage.Open(path, storage.Options{Passphrase: []byte(pass), NoCompactOnClose: true})
	if err != nil {
		t.Fatal(err)
	}
	c := storage.Case{Label: "Locked case", Household: []byte(`{"country":"england"}`)}
	if err := db.Save(&c); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// A protected file asks for its passphrase; three wrong tries end the session.
func TestJourneyWrongPassphrase(t *testing.T) {
	path := protectedDB(t, "correct horse")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.mustSee("protected")
	for i := 0; i < 2; i++ {
		d.typeText("wrong")
		d.key("enter")
		if onTop[*passScreen](d) == nil {
			t.Fatalf("try %d: left the passphrase screen:\n%s", i+1, d.screen())
		}
	}
	d.mustSee("1 try left")
	d.typeText("wrong")
	d.key("enter")
	d.mustSee("wrong three times")
	d.key("enter")
	if !d.quit {
		t.Fatal("did not close after three wrong tries")
	}
}

// The right passphrase opens the file; idling locks it and drops the case.
func TestJourneyLockAndUnlock(t *testing.T) {
	path := protectedDB(t, "correct horse")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.typeText("correct horse")
	d.key("enter")
	d.mustSee("Locked case")
	d.key("enter")
	if d.m.cs == nil {
		t.Fatalf("case not open:\n%s", d.screen())
	}
	d.fire(idleMsg{})
	if !d.locked() || d.m.cs != nil {
		t.Fatalf("not locked after idling:\n%s", d.screen())
	}
	d.mustSee("locked itself")
	d.mustNotSee("Locked case")
	d.typeText("nope")
	d.key("enter")
	if !d.locked() {
		t.Fatal("wrong passphrase unlocked")
	}
	d.typeText("correct horse")
	d.key("enter")
	if d.m.cs == nil || d.m.cs.c.Label != "Locked case" {
		t.Fatalf("case not back after unlock:\n%s", d.screen())
	}
	d.m.shutdown()
}

// First run explains where cases are kept and offers a passphrase.
func TestFirstRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.mustSee("kept in one file", path, "passphrase")
	d.key("esc")
	d.mustSee("No cases yet")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	d.m.shutdown()
}

// A guest session left alone ends itself: no lock screen that one enter opens again.
func TestIdleGuestSessionEndsItself(t *testing.T) {
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	openSGOCase(d)
	d.pick("england")
	d.fire(idleMsg{})
	if !d.quit || !d.m.quick {
		t.Fatalf("an idle guest session did not end:\n%s", d.screen())
	}
	if v := d.m.View().Content; v != "" {
		t.Fatalf("the screen still shows the case: %q", v)
	}
}

// On the first run a guest session can start at once, and no case file is made.
func TestFirstRunGuestMakesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.mustSee("--accessible", "guest session (ctrl+g)")
	d.key("ctrl+g")
	d.mustSee("GUEST", "No cases yet")
	d.m.shutdown()
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a guest session made the case file")
	}
}

// A read-out saved in a guest session is recorded, and the goodbye names it rather than
// saying nothing was kept.
func TestGuestSavedFileIsListedAtTheEnd(t *testing.T) {
	dir := t.TempDir()
	d := newDriver(t, Options{Guest: true, NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	d.key("r", "w")
	path := filepath.Join(dir, "summary.txt")
	d.setInput(path)
	d.key("enter", "y")
	d.mustSee("Saved to")
	files, err := storage.WrittenFiles(d.m.store)
	if err != nil || len(files) != 1 || files[0].Path != path {
		t.Fatalf("written files = %+v, %v", files, err)
	}
	if bye := guestGoodbye(files); !strings.Contains(bye, path) || strings.Contains(bye, "Nothing was kept") {
		t.Fatalf("goodbye: %q", bye)
	}
	if bye := guestGoodbye(nil); bye != "Guest session ended. Nothing was kept.\n" {
		t.Fatalf("goodbye with nothing saved: %q", bye)
	}
}
