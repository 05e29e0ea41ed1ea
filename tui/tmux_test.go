package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxSmoke drives the real program in an 80x24 terminal: a whole case from the first
// run to the results and the read-out summary, then a quick exit.
func TestTmuxSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds and runs the program")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kincare")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/kincare").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "cases.db")
	session := fmt.Sprintf("kincare-test-%d", os.Getpid())
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	cmd := fmt.Sprintf("env LANG=C.UTF-8 HOME=%s %s --db %s; sleep 30", dir, bin, db)
	tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", cmd)
	defer exec.Command("tmux", "-S", sock, "kill-server").Run()
	screen := func() string { return tmux("capture-pane", "-p", "-t", session) }
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := screen()
			if strings.Contains(s, want) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited for %q; screen:\n%s", want, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	keys := func(k ...string) {
		tmux(append([]string{"send-keys", "-t", session}, k...)...)
		time.Sleep(120 * time.Millisecond)
	}
	waitFor("kept in one file")
	keys("Escape")
	waitFor("No cases yet")
	keys("C-n")
	waitFor("Who is using this?")
	keys("2", "Enter")
	waitFor("A short name")
	keys("-l", "Smoke test")
	keys("Enter")
	waitFor("Which country does the child live in?")
	answers := []struct {
		prompt string
		keys   []string
	}{
		{"parent live in the same home", []string{"2", "Enter"}},
		{"legal status", []string{"3", "Enter"}},
		{"How old is the child", []string{"7", "Enter"}},
		{"Which council does the carer", []string{"Leeds", "Enter"}},
		{"What date was the order", []string{"14/03/2024", "Enter"}},
		{"Which council looked after", []string{"Leeds", "Enter"}},
	}
	// question is the first line inside the question pane: it changes once an answer is taken.
	question := func(s string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "╭") || strings.HasPrefix(l, "┏") || strings.HasPrefix(l, "┌") {
				continue
			}
			if strings.HasPrefix(l, "│") {
				return l[:min(len(l), 40)]
			}
		}
		return ""
	}
	answerAll := func() {
		for i := 0; i < 40; i++ {
			s := screen()
			if strings.Contains(s, "That is every question") {
				break
			}
			sent := false
			for _, a := range answers {
				if strings.Contains(s, a.prompt) {
					keys(a.keys...)
					sent = true
					break
				}
			}
			if !sent {
				keys("1", "Enter") // nothing is chosen until a key chooses it
			}
			// On a busy machine the screen can lag behind the keys: wait for the next question
			// rather than answer this one twice.
			for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline) && question(screen()) == question(s); {
				time.Sleep(30 * time.Millisecond)
			}
		}
		waitFor("That is every question")
	}
	answerAll()
	// The call turns out to be about a sister too: she is added, her own questions asked
	// (the first choice is "Same as Child 1"), and the household's answers count for her.
	keys("C-n")
	waitFor("first name")
	keys("-l", "Ava")
	keys("Enter")
	waitFor("About Ava")
	answers = answers[2:3]
	answers[0].keys = []string{"2", "Enter"}
	answers = append(answers, struct {
		prompt string
		keys   []string
	}{"What date was the order", []string{"14/03/2024", "Enter"}}, struct {
		prompt string
		keys   []string
	}{"Which council looked after", []string{"Leeds", "Enter"}})
	answerAll()
	waitFor("Ava, 2:")
	keys("o")
	s := waitFor("What the family can get")
	for _, want := range []string{"Money", "Eligible ✓", "Special guardianship"} {
		if !strings.Contains(s, want) {
			t.Errorf("results do not show %q:\n%s", want, s)
		}
	}
	keys("r")
	waitFor("Summary for Child 1 and Ava")
	keys("C-q")
	time.Sleep(300 * time.Millisecond)
	if s := screen(); strings.Contains(s, "Summary as at") || strings.Contains(s, "Smoke test") {
		t.Fatalf("quick exit left the case on screen:\n%s", s)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("no case file: %v", err)
	}
}
