package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"kincare/entitlements/letters"
	"kincare/storage"
)

// menuItem is one thing to do after the results, numbered in the order shown.
type menuItem struct {
	label string
	do    func() error
}

// menu offers what to do after the results until the person finishes.
func (l *lineSession) menu() error {
	for {
		items := l.menuItems()
		l.say("What next?")
		for i, it := range items {
			l.say("  %d. %s", i+1, it.label)
		}
		l.say("  0. Finish")
		line, err := l.read(fmt.Sprintf("Type a number from 0 to %d: ", len(items)))
		if err != nil {
			return err
		}
		if line == "0" || isCommand(line, "q", "quit", "finish") {
			return nil
		}
		n, convErr := strconv.Atoi(line)
		if convErr != nil {
			n = itemNamed(items, line)
		}
		if n < 1 || n > len(items) {
			l.say("Type one of the numbers shown, from 0 to %d.", len(items))
			continue
		}
		if err := items[n-1].do(); err != nil {
			return err
		}
	}
}

// itemNamed finds the one item whose words include what was typed ("save", "letter"), so
// a person can type the word instead of the number. 0 when none or several match.
func itemNamed(items []menuItem, typed string) int {
	typed = strings.ToLower(strings.TrimSpace(typed))
	found := 0
	for i, it := range items {
		for _, w := range strings.Fields(strings.ToLower(it.label)) {
			if w == typed {
				if found != 0 {
					return 0
				}
				found = i + 1
				break
			}
		}
	}
	return found
}

func (l *lineSession) menuItems() []menuItem {
	items := []menuItem{
		{"Hear the full list of results", func() error { l.fullList(); return nil }},
	}
	if open := len(l.s.Current().Open); open > 0 {
		items = append(items, menuItem{fmt.Sprintf("Answer the %s that could still change the results", plural(open, "question", "questions")), l.answerOpen})
	}
	items = append(items,
		menuItem{"Change an answer", l.change},
		menuItem{"More about one result: why, what to do, and sources", l.more},
		menuItem{"Hear the read-out again", func() error { l.say("%s", spoken(l.readOut())); return nil }},
		menuItem{"Add another child", l.addChildFromMenu},
	)
	if l.s.NumChildren() > 1 {
		items = append(items, menuItem{"Rename or remove a child", l.renameOrRemove})
	}
	items = append(items, menuItem{"Draft a letter", l.letter}, menuItem{"Fill in the details letters use: names and addresses", l.fillDetails})
	if !l.guest && (l.store != nil || l.opts.DBPath != "") {
		items = append(items, menuItem{"Save this case", l.save})
	}
	return items
}

// change lists every answer, household first, and changes the one chosen; then reads only
// what changed, and asks any question the change makes matter.
func (l *lineSession) change() error {
	lines := l.s.Answered()
	if len(lines) == 0 {
		l.say("There are no answers to change yet.")
		return nil
	}
	for i, a := range lines {
		about := ""
		if a.ChildName != "" && l.s.NumChildren() > 1 {
			about = " (about " + a.ChildName + ")"
		}
		l.say("  %d. %s%s %s", i+1, a.Prompt, about, spoken(a.Words))
	}
	line, err := l.read(fmt.Sprintf("Type the number of the answer to change, from 1 to %d: ", len(lines)))
	if err != nil {
		return err
	}
	n, convErr := strconv.Atoi(line)
	if convErr != nil || n < 1 || n > len(lines) {
		l.say("No answer was changed.")
		return nil
	}
	st, stop, err := l.ask(l.s.Reopen(lines[n-1].Ref))
	if err != nil || stop {
		return err
	}
	l.sayChanges(st)
	if !st.Done {
		l.say("That makes another question matter.")
		if err := l.interview(false); err != nil {
			return err
		}
	}
	l.sayOpen(l.s.Current())
	return nil
}

// addChildFromMenu adds a child, asks about them, and reads their results.
func (l *lineSession) addChildFromMenu() error {
	name, err := l.read("Type the child's first name, or press Enter to go back: ")
	if err != nil || name == "" {
		return err
	}
	added, err := l.addChild(name)
	if err != nil || !added {
		return err
	}
	if err := l.interview(false); err != nil {
		return err
	}
	return l.results()
}

// renameOrRemove renames a child, or removes one after a confirmation.
func (l *lineSession) renameOrRemove() error {
	i, err := l.whichChild("Which child?")
	if err != nil || i < 0 {
		return err
	}
	label := l.s.Child(i).Label
	l.say("  1. Rename %s", label)
	l.say("  2. Remove %s and all their answers", label)
	line, err := l.read("Type 1 or 2, or press Enter to go back: ")
	if err != nil {
		return err
	}
	switch line {
	case "1":
		name, err := l.read("Type the new first name: ")
		if err != nil {
			return err
		}
		if err := l.s.RenameChild(i, name); err != nil {
			l.sayRefused(err)
			return nil
		}
		l.unsaved = true
		l.say("Renamed to %s.", l.s.Child(i).Label)
	case "2":
		yes, err := l.read(fmt.Sprintf("Remove %s and all their answers? Type yes to remove: ", label))
		if err != nil {
			return err
		}
		if !isCommand(yes, "yes", "y") {
			l.say("Nothing was removed.")
			return nil
		}
		if _, err := l.s.RemoveChild(i); err != nil {
			l.sayRefused(err)
			return nil
		}
		l.unsaved = true
		l.say("Removed %s.", label)
	}
	l.say("")
	return nil
}

// letter drafts one of the letters the results offer, reads it out, and can save it to a file.
func (l *lineSession) letter() error {
	i, err := l.whichChild("Which child is the letter about?")
	if err != nil || i < 0 {
		return err
	}
	ids := letters.Offered(l.s.Result(i).Report())
	if len(ids) == 0 {
		l.say("No letters apply on these answers.")
		return nil
	}
	for n, id := range ids {
		l.say("  %d. %s", n+1, requestTitle(id))
	}
	line, err := l.read(fmt.Sprintf("Type the number of the letter, from 1 to %d: ", len(ids)))
	if err != nil {
		return err
	}
	n, convErr := strconv.Atoi(line)
	if convErr != nil || n < 1 || n > len(ids) {
		l.say("No letter was drafted.")
		return nil
	}
	in := letters.Input{RequestID: ids[n-1], Answers: l.s.Answers(i), AsOf: l.s.AsOf(), Today: l.opts.AsOf, Details: l.details}
	lt, err := letters.Draft(in)
	if err != nil {
		l.say("The letter could not be drafted: %v", err)
		return nil
	}
	l.say("Start of letter.")
	l.say("%s", lt.Text())
	l.say("End of letter.")
	if len(lt.Gaps) > 0 {
		l.say("Fill these in before sending: %s. To fill in names and addresses, choose Fill in the details letters use, on the menu, then draft the letter again.", strings.Join(lt.Gaps, "; "))
	}
	return l.saveLetter(lt.Text())
}

// saveLetter writes a letter to a file the person names. In a guest session it says first
// that the file will stay on this computer, and the file is listed when the session ends.
func (l *lineSession) saveLetter(text string) error {
	if l.guest {
		l.say("A saved letter stays on this computer after you close kincare, until you delete it.")
	}
	path, err := l.read("To save it as a text file, type a file name; or press Enter to skip: ")
	if err != nil || path == "" {
		return err
	}
	path = expandHome(path)
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if l.guest {
		// Say where, before anything is written, and ask.
		l.say("This letter would be saved in the folder %s, as %s. It will stay on this computer after this guest session ends, where the next person could open it.", filepath.Dir(path), filepath.Base(path))
		yes, err := l.read("Type yes to save it: ")
		if err != nil {
			return err
		}
		if !isCommand(yes, "yes", "y") {
			l.say("The letter was not saved.")
			return nil
		}
	}
	// Written as every kincare file is, and recorded with the case file, so that "delete all
	// my data" finds it.
	err = storage.WriteRecorded(l.store, path, []byte(text), false)
	if errors.Is(err, fs.ErrExist) {
		yes, rerr := l.read(path + " already exists. Type yes to replace it: ")
		if rerr != nil {
			return rerr
		}
		if !isCommand(yes, "yes", "y") {
			l.say("The file was not changed.")
			return nil
		}
		err = storage.WriteRecorded(l.store, path, []byte(text), true)
	}
	if err != nil {
		l.say("The letter could not be saved: %v", err)
		return nil
	}
	l.written = append(l.written, path)
	l.say("Saved the letter to %s.", path)
	return nil
}
