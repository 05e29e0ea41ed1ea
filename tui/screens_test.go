package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
	"kincare/storage"
)

func TestDeleteNeedsConfirmation(t *testing.T) {
	st := oddCases(t)
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	before := len(d.m.list.cases)
	d.key("ctrl+d")
	d.mustSee("for good?")
	d.key("n")
	d.mustNotSee("for good?")
	if len(d.m.list.cases) != before {
		t.Fatal("deleted without a yes")
	}
	d.key("ctrl+d", "y")
	if len(d.m.list.cases) != before-1 {
		t.Fatalf("not deleted: %d cases", len(d.m.list.cases))
	}
	d.mustSee("Case deleted")
}

func TestSearchAndOverdue(t *testing.T) {
	d := newDriver(t, Options{Store: oddCases(t), NoColor: true}, 80, 24)
	d.mustSee("reply overdue")
	d.typeText("manch")
	d.mustSee("منشستر")
	d.mustNotSee("Mrs Ahmed")
	d.key("esc")
	d.mustSee("Mrs Ahmed")
}

func TestOutOfDate(t *testing.T) {
	today := entitlements.DateOf(2026, 3, 2)
	fresh := entitlements.Outcome{Sources: []entitlements.Source{{Checked: "2025-11-01"}}}
	if outOfDate(fresh, today) {
		t.Error("a source checked four months ago is not out of date")
	}
	old := entitlements.Outcome{Sources: []entitlements.Source{{Checked: "2025-02-01"}}}
	if !outOfDate(old, today) {
		t.Error("a source checked 13 months ago is out of date")
	}
	ended := entitlements.Outcome{Ends: "2026-01-31", Sources: []entitlements.Source{{Checked: "2025-11-01"}}}
	if !outOfDate(ended, today) {
		t.Error("a rule that ended since it was checked is out of date")
	}
	future := entitlements.Outcome{Starts: "2026-06-01", Sources: []entitlements.Source{{Checked: "2025-11-01"}}}
	if outOfDate(future, today) {
		t.Error("a rule that starts later is not out of date yet")
	}
}

func TestFirstRunWithPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	d.typeText("a long passphrase")
	d.key("enter")
	d.mustSee("again, to be sure")
	d.typeText("a long passphrase")
	d.key("enter")
	d.mustSee("No cases yet")
	d.m.shutdown()
	p, err := storage.IsProtected(path)
	if err != nil || !p {
		t.Fatalf("file not protected: %v %v", p, err)
	}
}

func TestNarrowWindowSwitchesPanes(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 60, 16)
	openSGOCase(d)
	d.pick("england")
	d.mustSee("What is the carer's relationship")
	d.mustNotSee("Answers so far")
	d.key("tab")
	d.mustSee("Answers so far", "Country: England")
	d.checkFits()
	d.key("tab")
	d.mustSee("What is the carer's relationship")
}

func TestASCIISymbols(t *testing.T) {
	d := newDriver(t, Options{NoColor: true, ASCII: true}, 80, 24)
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	d.key("o")
	d.mustSee("Eligible [ok]", "May be eligible [?]")
	d.mustNotSee("✓")
}

func TestAgeValidation(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerUntil(grandmaSGO, "child_age")
	d.typeText("30")
	d.key("enter")
	d.mustSee("whole number from 0 to 25")
	if d.iv().ask.Question.Name != "child_age" {
		t.Fatal("a wrong age was accepted")
	}
	for range 2 {
		d.key("backspace")
	}
	d.typeText("7")
	d.key("enter")
	if d.iv().ask.Question.Name == "child_age" {
		t.Fatal("a good age was refused")
	}
}

func TestNotesSaveThemselves(t *testing.T) {
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	openSGOCase(d)
	d.key("ctrl+t")
	d.typeText("Rang the council \x1b[2J about the allowance")
	d.fire(saveTickMsg{})
	d.mustSee("Saved")
	cs, _ := st.List("")
	c, err := st.Get(cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0].Text, "Rang the council") || strings.Contains(c.Notes[0].Text, "\x1b") {
		t.Fatalf("notes = %+v", c.Notes)
	}
}

func TestReadOutSaveNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "summary.txt")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	d.key("r", "w")
	d.setInput(existing)
	d.key("enter")
	d.mustSee("already exists. Replace it?")
	d.key("n")
	d.setInput(filepath.Join(dir, "new.txt"))
	d.key("enter")
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Fatal("an existing file was replaced")
	}
	fi, err := os.Stat(filepath.Join(dir, "new.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode().Perm())
	}
	d.mustSee("Saved to")
}

func TestCopySetsAndQuickExitClearsClipboard(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openSGOCase(d)
	d.key("r", "c")
	if !d.m.clipboardSet {
		t.Fatal("copy did not set the clipboard")
	}
	d.mustSee("Copied")
	d.key("ctrl+c")
	if !d.quit || !d.m.quick {
		t.Fatal("ctrl+c is a quick exit")
	}
}

func TestUTF8Locale(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if !UTF8Locale(env(map[string]string{"LANG": "en_GB.UTF-8"})) {
		t.Error("en_GB.UTF-8")
	}
	if UTF8Locale(env(map[string]string{"LC_ALL": "C", "LANG": "en_GB.UTF-8"})) {
		t.Error("LC_ALL=C wins")
	}
	if UTF8Locale(env(nil)) {
		t.Error("no locale is not UTF-8")
	}
}

// The case list names the people in a case, shows when it last changed to the minute, finds
// a case by a child's name, and forgets the search once a case is closed.
func TestCaseListNamesAndClearsSearch(t *testing.T) {
	d := newDriver(t, Options{Store: oddCases(t), NoColor: true}, 80, 24)
	d.mustSee("Pat Okafor · Tyler 7, Ava 2 · Bolton", "27 Feb 2026 10:30")
	d.typeText("ava")
	d.mustSee("Pat Okafor")
	d.mustNotSee("Mrs Ahmed")
	d.key("enter")
	if d.m.cs == nil || d.m.cs.s.NumChildren() != 3 {
		t.Fatalf("the family did not open:\n%s", d.screen())
	}
	d.key("esc", "y")
	d.mustSee("Mrs Ahmed", "Search: type a name")
}

// No slip ends a call: esc on a question, esc on the case list and p on the read-out each ask
// first, and no answers are lost by saying no.
func TestEscNeverLeavesWithoutAsking(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("esc")
	d.mustSee("Leave kincare? Your cases are kept. y / n")
	d.key("n")
	if d.quit {
		t.Fatal("esc on the list quit")
	}
	openSGOCase(d)
	d.pick("england")
	d.key("esc")
	d.mustSee("Close this case and go back to the list?")
	d.key("esc")
	if d.iv() == nil || d.m.cs == nil {
		t.Fatalf("esc then esc left the case:\n%s", d.screen())
	}
	d.mustSee("Country: England")
	d.key("r", "p", "n")
	if d.quit {
		t.Fatal("p on the read-out quit without a yes")
	}
}

// The cover-your-tracks screen is one key from the case list and says where the file is and
// what the terminal and the shell keep.
func TestCoverYourTracks(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 60, 16)
	d.m.path = "/home/carer/.local/share/kincare/kincare.db"
	d.key("ctrl+t")
	d.mustSee("Cover your tracks", "What kincare keeps", "kincare.db")
	for i := 0; i < 30; i++ {
		d.key("down")
	}
	d.mustSee("0808 801 0366")
	d.checkFits()
	d.key("esc")
	d.mustSee("No cases yet")
}
