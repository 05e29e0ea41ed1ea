package tui

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kincare/storage"
)

// syncBuffer is a buffer the line mode writes to while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the output holds want (the line mode runs alongside the test).
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("the output never said %q:\n%s", want, out.String())
}

// waitAfter waits until the output holds want after the last time it said first.
func waitAfter(t *testing.T, out *syncBuffer, first, want string) {
	t.Helper()
	waitFor(t, out, first)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s := out.String()
		if strings.Contains(s[strings.LastIndex(s, first):], want) {
			return
		}
	}
	t.Fatalf("the output never said %q after %q:\n%s", want, first, out.String())
}

// idleRun runs the line mode on a pipe with an idle timer the test fires by hand.
type idleRun struct {
	in   *io.PipeWriter
	out  *syncBuffer
	idle chan time.Time
	done chan error
}

func startIdle(t *testing.T, configure func(*AccessibleOptions)) *idleRun {
	pr, pw := io.Pipe()
	r := &idleRun{in: pw, out: &syncBuffer{}, idle: make(chan time.Time), done: make(chan error, 1)}
	o := lineOptions("", nil, r.out)
	o.In, o.LockAfter, o.Terminal = pr, 5*time.Minute, true
	o.After = func(time.Duration) <-chan time.Time { return r.idle }
	configure(&o)
	go func() { r.done <- RunAccessible(o) }()
	t.Cleanup(func() { pw.Close() })
	return r
}

func (r *idleRun) send(lines ...string) { io.WriteString(r.in, strings.Join(lines, "\n")+"\n") }

func TestAccessibleIdleEndsAGuestSession(t *testing.T) {
	r := startIdle(t, func(o *AccessibleOptions) { o.Guest = true })
	r.send("1", "Tyler", "1", "1")
	waitFor(t, r.out, "Question 3, about Tyler")
	r.idle <- time.Now()
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
	s := r.out.String()
	end := s[strings.LastIndex(s, clearSequence):]
	if !strings.Contains(end, "The guest session ended because nobody used it for a while. Nothing was kept.") {
		t.Errorf("after the idle time: %q", end)
	}
	if strings.Contains(end, "Tyler") {
		t.Error("the case is shown after the guest session ended")
	}
}

func TestAccessibleIdleAsksForThePassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	r := startIdle(t, func(o *AccessibleOptions) { o.DBPath = path })
	r.send("2", "kettle river blue sparrow", "kettle river blue sparrow", "1", "Tyler", "1")
	waitFor(t, r.out, "Question 2, about Tyler")
	r.idle <- time.Now()
	waitFor(t, r.out, "Press Enter, then type the passphrase.")
	s := r.out.String()
	locked := s[strings.LastIndex(s, clearSequence):]
	if strings.Contains(locked, "Tyler") {
		t.Error("the locked screen shows the case")
	}
	// One enter does not show the case: the passphrase is asked, and a wrong one refused.
	r.send("", "wrong one")
	waitFor(t, r.out, "That passphrase is not right")
	if strings.Count(r.out.String()[strings.LastIndex(r.out.String(), clearSequence):], "Tyler") > 0 {
		t.Error("the case is shown before the passphrase")
	}
	r.send("kettle river blue sparrow")
	waitAfter(t, r.out, "Unlocked. Carry on where you were.", "Question 2, about Tyler. How are you related to the child?")
	r.send("1", "q", "0")
	r.in.Close()
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
}

func TestAccessibleIdleLocksAnUnprotectedFileBehindAConfirmation(t *testing.T) {
	r := startIdle(t, func(o *AccessibleOptions) { o.Store = storage.NewMemory() })
	r.send("1", "Tyler", "1")
	waitFor(t, r.out, "Question 2, about Tyler")
	r.idle <- time.Now()
	waitFor(t, r.out, "Press Enter to carry on.")
	s := r.out.String()
	if strings.Contains(s[strings.LastIndex(s, clearSequence):], "Tyler") {
		t.Error("the locked screen shows the case")
	}
	r.send("")
	waitAfter(t, r.out, "Press Enter to carry on.", "Question 2, about Tyler.")
	r.in.Close()
	<-r.done
}

// A protected case file opened at the start locks itself when idle and opens again only with
// its passphrase; KINCARE_PASSPHRASE (Passphrase) made it protected at the first save.
func TestAccessibleIdleLocksAnOpenedProtectedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kincare.db")
	var out bytes.Buffer
	o := lineOptions(script("1", "Tyler", "1", "q", "save", "Nana", "0"), nil, &out)
	o.DBPath, o.Passphrase = path, "purple kettle river morning"
	if err := RunAccessible(o); err != nil {
		t.Fatal(err)
	}
	if prot, err := storage.IsProtected(path); err != nil || !prot {
		t.Fatalf("a new file with a passphrase given is not protected: %v %v\n%s", prot, err, out.String())
	}
	r := startIdle(t, func(o *AccessibleOptions) { o.DBPath = path })
	r.send("purple kettle river morning", "2", "1")
	waitFor(t, r.out, "Opened Nana.")
	waitFor(t, r.out, "Question 1, about Tyler.")
	r.idle <- time.Now()
	waitFor(t, r.out, "Press Enter, then type the passphrase.")
	r.send("", "not it")
	waitFor(t, r.out, "That passphrase is not right")
	r.send("purple kettle river morning")
	waitAfter(t, r.out, "Unlocked. Carry on where you were.", "Question 1, about Tyler.")
	r.send("q", "0")
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
}
