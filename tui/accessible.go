package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// AccessibleOptions configure the plain line mode.
type AccessibleOptions struct {
	In  io.Reader
	Out io.Writer
	// Store is a store already open (a test's memory store). Without it the line mode opens
	// DBPath itself if the file exists, and creates it only when the person first saves.
	Store  storage.Store
	DBPath string
	Guest  bool // keep nothing: no file is opened, created or offered
	AsOf   entitlements.Date
	// Now gives the time for a saved case; the clock is read only here, at the edge.
	Now func() time.Time
	// LockAfter, when set, locks kincare after this long with no input: a guest session
	// ends, a protected file asks for its passphrase, an unprotected one for a confirmation.
	LockAfter time.Duration
	// Terminal says Out is a terminal: only then does a quick exit or a lock clear the screen.
	// Nothing but plain text is ever written to a pipe or a file.
	Terminal bool
	// Passphrase, when given (for scripts), opens a protected file, or protects a new one
	// from its first save, without asking.
	Passphrase string
	// ReadSecret reads a passphrase without showing it (from the terminal). Nil reads a line.
	ReadSecret func(prompt string) (string, error)
	// Interrupt receives ctrl+c: a quick exit.
	Interrupt <-chan os.Signal
	// After starts the idle timer; tests replace it. Nil is time.After.
	After func(time.Duration) <-chan time.Time
}

// RunAccessible is the line mode: the same questions as the full screen, as numbered plain
// prompts, and the results as plain sentences. No colours, boxes, cursor moves or redraws, so
// it works with a screen reader, a braille display, a dumb terminal, or piped input.
func RunAccessible(o AccessibleOptions) error {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.After == nil {
		o.After = time.After
	}
	l := &lineSession{out: o.Out, opts: o, store: o.Store, guest: o.Guest}
	l.startReader(o.In)
	err := l.run()
	if errors.Is(err, errQuickExit) || errors.Is(err, errIdleGuest) {
		return nil
	}
	return err
}

// lineSession is one run of the line mode: the input, the session being asked, and the file.
type lineSession struct {
	out  io.Writer
	opts AccessibleOptions
	s    *wizard.Session
	cs   *storage.Case // the saved case being worked on, or nil
	ids  childIDs      // the case file's id for each child of the session
	// details are the names and addresses letters use, kept with the case when saved.
	details entitlements.Details
	store   storage.Store // nil until a file is opened or first saved
	guest   bool
	// pass is the passphrase chosen on the first run, kept until the file is made at the
	// first save; nil for a file without one.
	pass     []byte
	noFile   bool // the person chose on the first run to keep cases without a passphrase
	lines    chan lineIn
	wantLine chan struct{}
	pending  bool // a line has been asked of the reader and not yet received
	eof      bool
	written  []string // files this session wrote (letters), listed at the end
	unsaved  bool     // answers changed since the last save
	// block is what was said since the last answer, shown again after an unlock.
	block strings.Builder
}

type lineIn struct {
	text string
	ok   bool
}

var (
	errQuickExit = errors.New("quick exit")
	errIdleGuest = errors.New("the guest session ended when idle")
	errEnd       = errors.New("the input ended")
)

// startReader reads lines one at a time, only when asked: a passphrase read straight from the
// terminal never races with it.
func (l *lineSession) startReader(in io.Reader) {
	l.lines = make(chan lineIn)
	l.wantLine = make(chan struct{})
	br := bufio.NewReader(in)
	go func() {
		for range l.wantLine {
			line, err := br.ReadString('\n')
			if err != nil && line == "" {
				l.lines <- lineIn{}
				close(l.lines)
				return
			}
			l.lines <- lineIn{text: line, ok: true}
		}
	}()
}

func (l *lineSession) say(format string, args ...any) {
	text := fmt.Sprintf(format+"\n", args...)
	io.WriteString(l.out, text)
	l.block.WriteString(text)
}

// read shows a prompt and returns one line, cleaned of anything that could control a
// terminal. "!q" at any prompt, or ctrl+c, is a quick exit. After a long idle kincare locks,
// then shows what was on screen again and waits for the answer.
func (l *lineSession) read(prompt string) (string, error) { return l.readLine(prompt, true) }

func (l *lineSession) readLine(prompt string, idleLocks bool) (string, error) {
	if l.eof {
		return "", errEnd
	}
	fmt.Fprint(l.out, prompt)
	line, err := l.next(idleLocks)
	for errors.Is(err, errUnlocked) {
		io.WriteString(l.out, l.block.String())
		fmt.Fprint(l.out, prompt)
		line, err = l.next(idleLocks)
	}
	if err != nil {
		return "", err
	}
	fmt.Fprintln(l.out)
	l.block.Reset()
	line = strings.TrimSpace(entitlements.CleanText(line))
	if line == "!q" {
		return "", l.quickExit()
	}
	return line, nil
}

// errUnlocked says kincare locked and was unlocked while waiting: ask again.
var errUnlocked = errors.New("unlocked")

// next waits for a line or for ctrl+c, and, when idle counts, for the idle time to pass.
func (l *lineSession) next(idleLocks bool) (string, error) {
	if !l.pending {
		l.wantLine <- struct{}{}
		l.pending = true
	}
	var idle <-chan time.Time
	if idleLocks && l.opts.LockAfter > 0 {
		idle = l.opts.After(l.opts.LockAfter)
	}
	select {
	case in, open := <-l.lines:
		l.pending = false
		if !open || !in.ok {
			l.eof = true
			fmt.Fprintln(l.out)
			return "", errEnd
		}
		return in.text, nil
	case <-l.opts.Interrupt:
		return "", l.quickExit()
	case <-idle:
		onScreen := l.block.String()
		if err := l.lockIdle(); err != nil {
			return "", err
		}
		l.block.Reset()
		l.block.WriteString(onScreen)
		return "", errUnlocked
	}
}

// clearSequence clears as clear(1) does: home, erase the screen, then erase the scrollback,
// so the erased screen is not pushed back into an emptied history.
const clearSequence = "\x1b[H\x1b[2J\x1b[3J"

// clearScreen wipes the terminal, and only a terminal: a pipe gets no escape sequences.
func (l *lineSession) clearScreen() {
	if l.opts.Terminal {
		io.WriteString(l.out, clearSequence)
	}
}

// quickExit leaves at once: the screen and scrollback cleared, nothing saved, nothing said.
func (l *lineSession) quickExit() error {
	l.clearScreen()
	l.forget()
	return errQuickExit
}

// forget drops the case from memory and closes the file.
func (l *lineSession) forget() {
	l.s, l.cs = nil, nil
	wipeBytes(l.pass)
	if l.store != nil && l.opts.Store == nil {
		l.store.Close()
	}
	l.store = nil
}

func wipeBytes(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// lockIdle runs when nobody has typed for LockAfter: a guest session ends; otherwise the
// screen is cleared and kincare asks for the passphrase (or, for a file without one, a
// confirmation) before it carries on.
func (l *lineSession) lockIdle() error {
	l.clearScreen()
	if l.guest {
		l.forget()
		l.say("")
		if n := len(l.written); n > 0 {
			// Honest, without reading the files' names out to whoever is at the computer now.
			verb := "are"
			if n == 1 {
				verb = "is"
			}
			l.say("The guest session ended because nobody used it for a while. Its cases were not kept, but the %s it saved %s still on this computer.", plural(n, "file", "files"), verb)
		} else {
			l.say("The guest session ended because nobody used it for a while. Nothing was kept.")
		}
		return errIdleGuest
	}
	l.say("")
	l.say("kincare locked itself because nobody used it for a while.")
	if p, ok := l.store.(storage.Protector); ok && l.store.Protected() {
		p.Lock()
		return l.unlock(func(pass []byte) bool { return p.Unlock(pass) == nil })
	}
	if l.pass != nil {
		return l.unlock(func(pass []byte) bool { return string(pass) == string(l.pass) })
	}
	// Wait for the line the person types on coming back; it is not an answer.
	fmt.Fprint(l.out, "Press Enter to carry on. ")
	if _, err := l.next(false); err != nil {
		return err
	}
	l.say("")
	return nil
}

// unlock asks for the passphrase, up to three times.
func (l *lineSession) unlock(ok func([]byte) bool) error {
	fmt.Fprint(l.out, "Press Enter, then type the passphrase. ")
	if _, err := l.next(false); err != nil {
		return err
	}
	l.say("")
	for try := 1; try <= maxTries; try++ {
		p, err := l.secret("Passphrase: ")
		if err != nil {
			return err
		}
		if ok([]byte(p)) {
			l.say("Unlocked. Carry on where you were.")
			l.say("")
			return nil
		}
		if try < maxTries {
			l.say("That passphrase is not right. Capital letters count. Try again.")
		}
	}
	l.clearScreen()
	l.forget()
	l.say("That passphrase was wrong three times, so kincare closed. Your saved cases are safe and unchanged.")
	return errQuickExit
}

// secret reads a passphrase: from the terminal without showing it, or as a line.
func (l *lineSession) secret(prompt string) (string, error) {
	if l.opts.ReadSecret != nil && !l.pending {
		p, err := l.opts.ReadSecret(prompt)
		l.say("")
		select {
		case <-l.opts.Interrupt:
			// ctrl+c while the passphrase was typed: the terminal held it until Enter.
			return "", l.quickExit()
		default:
		}
		if err != nil {
			return "", errEnd
		}
		if strings.TrimSpace(p) == "!q" {
			return "", l.quickExit()
		}
		return p, nil
	}
	return l.readLine(prompt, false)
}

func (l *lineSession) run() error {
	l.say("kincare: what a kinship carer in England can get, and why.")
	l.say("Answer each question by typing a number or your answer, then press Enter.")
	l.say("At any question: type ? for help, s to skip it, b to go back, q to stop and see the results.")
	l.say("To leave at once and clear the screen, type !q at any prompt, or press ctrl+c.")
	l.say("")
	if err := l.openFile(); err != nil {
		return l.end(err)
	}
	opened, err := l.openSaved()
	if err != nil {
		return l.end(err)
	}
	if !opened {
		if err := l.newCase(); err != nil {
			return l.end(err)
		}
	}
	// When the input ends during the questions, the results are still read: a piped run
	// always ends with what the answers give.
	if err := l.interview(!opened); err != nil && !errors.Is(err, errEnd) {
		return l.end(err)
	}
	if err := l.results(); err != nil {
		return l.end(err)
	}
	return l.end(l.menu())
}

// end says what was kept, for every way out but a quick exit.
func (l *lineSession) end(err error) error {
	if errors.Is(err, errQuickExit) || errors.Is(err, errIdleGuest) {
		return err
	}
	if err != nil && !errors.Is(err, errEnd) {
		l.forget()
		return err
	}
	l.finish()
	return nil
}
