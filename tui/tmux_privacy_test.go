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

// tmuxShell is a shell in a private tmux server at 80x24, kept as a terminal keeps it: the
// scrollback is what capture-pane -S -3000 reads.
type tmuxShell struct {
	t       *testing.T
	sock    string
	session string
}

func buildKincare(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kincare")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/kincare").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func newTmuxShell(t *testing.T, name string) *tmuxShell {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: builds and runs the program")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	sh := &tmuxShell{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock"), session: fmt.Sprintf("kc-%s-%d", name, os.Getpid())}
	sh.tmux("-f", "/dev/null", "new-session", "-d", "-s", sh.session, "-x", "80", "-y", "24", "env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='$ ' sh")
	t.Cleanup(func() { exec.Command("tmux", "-S", sh.sock, "kill-server").Run() })
	sh.tmux("set-option", "-g", "history-limit", "5000")
	return sh
}

func (sh *tmuxShell) tmux(args ...string) string {
	sh.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", sh.sock}, args...)...).CombinedOutput()
	if err != nil {
		sh.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (sh *tmuxShell) screen() string { return sh.tmux("capture-pane", "-p", "-t", sh.session) }

// everything is the screen and its whole scrollback.
func (sh *tmuxShell) everything() string {
	return sh.tmux("capture-pane", "-p", "-S", "-3000", "-t", sh.session)
}

func (sh *tmuxShell) keys(k ...string) {
	sh.tmux(append([]string{"send-keys", "-t", sh.session}, k...)...)
	time.Sleep(150 * time.Millisecond)
}

func (sh *tmuxShell) line(s string) { sh.keys("-l", s); sh.keys("Enter") }

func (sh *tmuxShell) waitFor(want string) {
	sh.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if strings.Contains(sh.screen(), want) {
			return
		}
		if time.Now().After(deadline) {
			sh.t.Fatalf("waited for %q; screen:\n%s", want, sh.screen())
		}
	}
}

// The names: printed before kincare starts (split on the command line, so only the output
// holds them whole), and typed during the session.
const (
	tmuxEarlierName = "Zebulon"
	tmuxSessionName = "Xanthippe"
)

// run starts kincare in the shell with a home and temporary folder of its own, after printing
// a name in the same terminal.
func (sh *tmuxShell) run(bin, home string, args ...string) {
	sh.line(`echo "carer Zebu""lon Quartzfield"`)
	sh.waitFor("carer " + tmuxEarlierName)
	if !strings.Contains(sh.everything(), tmuxEarlierName) {
		sh.t.Fatal("the earlier name is not in the terminal, so the test would prove nothing")
	}
	sh.line(fmt.Sprintf("HOME=%s TMPDIR=%s LANG=C.UTF-8 %s %s", home, home, bin, strings.Join(args, " ")))
}

func (sh *tmuxShell) mustHaveForgotten(what string) {
	sh.t.Helper()
	all := sh.everything()
	for _, name := range []string{tmuxEarlierName, tmuxSessionName} {
		if strings.Contains(all, name) {
			sh.t.Errorf("%s: %q is still in the terminal's screen or scrollback:\n%s", what, name, all)
		}
	}
}

// Quick exit in tmux, in both front ends: neither the name printed before kincare started
// nor the names shown during the session stay in the screen or the scrollback.
func TestTmuxQuickExitForgetsNames(t *testing.T) {
	bin := buildKincare(t)
	t.Run("full screen", func(t *testing.T) {
		sh := newTmuxShell(t, "full")
		sh.run(bin, t.TempDir(), "--guest")
		sh.waitFor("guest session")
		sh.keys("C-n")
		sh.waitFor("Who is using this?")
		sh.keys("Enter")
		sh.waitFor("A short name")
		sh.keys("-l", tmuxSessionName+" Plinth")
		sh.keys("Enter")
		sh.waitFor("Where does the child live?")
		sh.waitFor(tmuxSessionName)
		sh.keys("C-q")
		sh.waitFor("$")
		time.Sleep(200 * time.Millisecond)
		sh.mustHaveForgotten("full screen quick exit")
	})
	t.Run("line mode", func(t *testing.T) {
		sh := newTmuxShell(t, "line")
		sh.run(bin, t.TempDir(), "--accessible", "--guest")
		sh.waitFor("Type a number")
		sh.line("1")
		sh.waitFor("first name")
		sh.line(tmuxSessionName)
		sh.waitFor("Question 1. Where does the child live?")
		sh.waitFor(tmuxSessionName) // the name as typed, echoed by the terminal
		sh.line("!q")
		time.Sleep(500 * time.Millisecond)
		sh.mustHaveForgotten("line mode quick exit")
	})
}

// An idle guest session in tmux ends itself: one enter afterwards does not show the case.
func TestTmuxIdleGuestEnterShowsNothing(t *testing.T) {
	bin := buildKincare(t)
	sh := newTmuxShell(t, "idle")
	sh.run(bin, t.TempDir(), "--guest", "--lock-after", "2s")
	sh.waitFor("guest session")
	sh.keys("C-n")
	sh.waitFor("Who is using this?")
	sh.keys("Enter")
	sh.waitFor("A short name")
	sh.keys("-l", tmuxSessionName)
	sh.keys("Enter")
	sh.waitFor("Where does the child live?")
	time.Sleep(3500 * time.Millisecond)
	sh.keys("Enter")
	time.Sleep(300 * time.Millisecond)
	if s := sh.screen(); strings.Contains(s, tmuxSessionName) || strings.Contains(s, "Where does the child live?") {
		t.Fatalf("after the idle end and one enter, the case is shown:\n%s", s)
	}
	sh.mustHaveForgotten("idle guest end")
}

// The line mode honours --lock-after in a real terminal: the guest session ends on the next
// prompt after the idle time, and one enter afterwards does not bring the case back.
func TestTmuxLineModeLockAfter(t *testing.T) {
	bin := buildKincare(t)
	sh := newTmuxShell(t, "lineidle")
	sh.run(bin, t.TempDir(), "--accessible", "--guest", "--lock-after", "2s")
	sh.waitFor("Type a number")
	sh.line("1")
	sh.waitFor("first name")
	sh.line(tmuxSessionName)
	sh.waitFor("Question 1. Where does the child live?")
	time.Sleep(3500 * time.Millisecond)
	sh.waitFor("The guest session ended because nobody used it for a while.")
	sh.keys("Enter")
	time.Sleep(300 * time.Millisecond)
	if s := sh.screen(); strings.Contains(s, "Question") {
		t.Fatalf("after the idle end and one enter, the case is shown:\n%s", s)
	}
	sh.mustHaveForgotten("line mode idle end")
}
