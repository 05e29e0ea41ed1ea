package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"kincare/entitlements"
	"kincare/storage"
)

// The line mode keeps nothing until the person saves: an existing case file is opened (with
// its passphrase), but a new one is made only at the first save, protected as the person
// chose on the first run.

// openFile opens the case file if it exists, or asks the first-run question if it does not.
func (l *lineSession) openFile() error {
	switch {
	case l.store != nil:
		return nil
	case l.guest:
		l.say("This is a guest session: nothing is kept on this computer, and nothing can be saved.")
		l.say("")
		return nil
	case l.opts.DBPath == "":
		return nil
	}
	if _, err := os.Stat(l.opts.DBPath); errors.Is(err, fs.ErrNotExist) {
		if l.opts.Passphrase != "" {
			l.pass = []byte(l.opts.Passphrase)
			l.say("Your cases will be protected by the passphrase you gave when you save one.")
			l.say("")
			return nil
		}
		return l.firstRun()
	}
	var opts storage.Options
	if prot, err := storage.IsProtected(l.opts.DBPath); err == nil && prot && l.opts.Passphrase != "" {
		db, err := storage.Open(l.opts.DBPath, storage.Options{Passphrase: []byte(l.opts.Passphrase)})
		if err != nil {
			return err
		}
		l.store = db
		return nil
	} else if err == nil && prot {
		l.say("Your case file is protected. Type the passphrase to open it.")
		for try := 1; ; try++ {
			p, err := l.secret("Passphrase: ")
			if err != nil {
				return err
			}
			opts.Passphrase = []byte(p)
			db, err := storage.Open(l.opts.DBPath, opts)
			if err == nil {
				l.store = db
				l.say("")
				return nil
			}
			if !errors.Is(err, storage.ErrWrongPassphrase) {
				return err
			}
			if try == maxTries {
				l.say("That passphrase was wrong three times, so kincare will close. Your cases are safe and unchanged.")
				return errEnd
			}
			l.say("That passphrase does not open the case file. Capital letters count. Try again.")
		}
	}
	db, err := storage.Open(l.opts.DBPath, opts)
	if err != nil {
		return err
	}
	l.store = db
	return nil
}

// firstRun asks, as the full screen does, how to keep cases: as a guest, with a passphrase, or
// without one. Nothing is written now.
func (l *lineSession) firstRun() error {
	l.say("kincare keeps cases in one file on this computer, and only when you choose to save one. Nothing is sent anywhere.")
	l.say("On a shared computer, a passphrase or a guest session is what keeps the family's details private.")
	for {
		l.say("How do you want to use kincare?")
		l.say("  1. As a guest: nothing is kept on this computer")
		l.say("  2. Keep cases, protected by a passphrase")
		l.say("  3. Keep cases without a passphrase")
		line, err := l.readLine("Type a number from 1 to 3: ", false)
		if err != nil {
			return err
		}
		switch line {
		case "1":
			l.guest = true
			l.say("This is a guest session: nothing is kept, and nothing can be saved.")
			l.say("")
			return nil
		case "2":
			if err := l.choosePassphrase(); err != nil {
				return err
			}
			if l.pass != nil {
				return nil
			}
		case "3":
			l.noFile = true
			l.say("Your cases will be kept without a passphrase when you save one. Anyone using this computer account could read them.")
			l.say("")
			return nil
		default:
			l.say("Type 1, 2 or 3.")
		}
	}
}

// choosePassphrase asks for a passphrase twice. It is kept in memory until the first save.
func (l *lineSession) choosePassphrase() error {
	l.say("Choose a passphrase of at least 10 characters, or four words, for example: purple kettle river morning.")
	l.say("If you forget it, nobody can open the file, not even you.")
	for {
		p, err := l.secret("Passphrase: ")
		if err != nil {
			return err
		}
		if p == "" {
			l.say("No passphrase was set.")
			l.say("")
			return nil
		}
		if err := storage.CheckPassphrase([]byte(p)); err != nil {
			l.say("%s", err.Error())
			continue
		}
		again, err := l.secret("Type the same passphrase again, to be sure: ")
		if err != nil {
			return err
		}
		if again != p {
			l.say("The two did not match. Type a passphrase again, or press Enter to go back.")
			continue
		}
		l.pass = []byte(p)
		l.say("Your cases will be protected by this passphrase when you save one.")
		l.say("")
		return nil
	}
}

// openSaved offers the saved cases, newest first. It returns false for a new case.
func (l *lineSession) openSaved() (bool, error) {
	if l.store == nil {
		return false, nil
	}
	list, err := l.store.List(l.opts.AsOf.String())
	if err != nil || len(list) == 0 {
		return false, nil
	}
	for {
		l.say("1. Start a new case")
		l.say("2. Open a saved case (%d saved)", len(list))
		line, err := l.read("Type a number: ")
		if err != nil {
			return false, err
		}
		switch line {
		case "1":
			return false, nil
		case "2":
		default:
			l.say("Type 1 or 2.")
			continue
		}
		for i, c := range list {
			extra := ""
			if c.Overdue > 0 {
				extra = fmt.Sprintf(", %s overdue", plural(c.Overdue, "letter reply", "letter replies"))
			}
			l.say("  %d. %s (changed %s%s)", i+1, caseName(c), c.Updated.Format("2 January 2006 at 15:04"), extra)
		}
		line, err = l.read(fmt.Sprintf("Type the number of the case, from 1 to %d: ", len(list)))
		if err != nil {
			return false, err
		}
		i, convErr := strconv.Atoi(line)
		if convErr != nil || i < 1 || i > len(list) {
			l.say("Type one of the case numbers.")
			continue
		}
		c, err := l.store.Get(list[i-1].ID)
		if err != nil {
			l.say("That case could not be opened: %v", err)
			continue
		}
		asOf := l.opts.AsOf
		if d, err := entitlements.ParseDate(c.AsOf); err == nil {
			asOf = d
		}
		s, ids, err := sessionOf(c, asOf)
		if err != nil {
			l.say("That case could not be opened: %v", err)
			continue
		}
		l.s, l.cs, l.ids, l.details = s, &c, ids, c.Details
		l.say("Opened %s.", caseName(list[i-1]))
		l.say("")
		return true, nil
	}
}

// caseName is how the case list names a case: its label, else the names in it.
func caseName(c storage.Summary) string {
	var kids []string
	for _, ch := range c.Children {
		if ch.Name != "" {
			kids = append(kids, ch.Name)
		}
	}
	for _, n := range []string{c.Label, strings.TrimSpace(c.CarerName + " " + strings.Join(kids, ", ")), c.Council} {
		if strings.TrimSpace(n) != "" {
			return n
		}
	}
	return "a case with no name"
}

// save keeps the case, making the case file first if this is the first save.
func (l *lineSession) save() error {
	if l.guest {
		l.say("This is a guest session, so nothing can be saved.")
		return nil
	}
	c := storage.Case{AsOf: l.opts.AsOf.String()}
	if l.cs != nil {
		c = *l.cs
	} else {
		label, err := l.read("A short label for this case, for example a first name and the council: ")
		if err != nil {
			return err
		}
		c.Label = label
	}
	if l.store == nil {
		if l.opts.DBPath == "" {
			l.say("There is no case file to save to.")
			return nil
		}
		db, err := storage.Open(l.opts.DBPath, storage.Options{Passphrase: l.pass})
		if err != nil {
			l.say("The case could not be saved: %v", err)
			return nil
		}
		l.store = db
	}
	if l.ids == nil {
		l.ids = childIDs{}
	}
	saveSession(l.s, l.ids, &c)
	c.Details = l.details
	if err := l.store.Save(&c); err != nil {
		l.say("The case could not be saved: %v", err)
		return nil
	}
	l.cs = &c
	l.unsaved = false
	l.say("Saved in %s.", l.store.Path())
	return nil
}

// finish says honestly what was kept, offers to remove files a guest session wrote, and
// closes the file.
func (l *lineSession) finish() {
	if l.guest && len(l.written) > 0 {
		l.say("This session saved these files, and they stay on this computer until you delete them:")
		for _, p := range l.written {
			l.say("  %s", p)
		}
		if yes, err := l.readLine("Type yes to delete them now: ", false); err == nil && isCommand(yes, "yes", "y") {
			var kept []string
			for _, p := range l.written {
				if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
					kept = append(kept, p)
				}
			}
			l.written = kept
		}
	}
	switch {
	case len(l.written) > 0 && l.guest:
		l.say("Nothing else was kept on this computer.")
	case l.store == nil || l.guest:
		l.say("Nothing was kept on this computer.")
	case l.unsaved && l.cs == nil:
		l.say("This case was not saved.")
	case l.unsaved:
		l.say("The latest changes to this case were not saved.")
	}
	l.forget()
}
