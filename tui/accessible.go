package tui

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
	"kincare/wizard"
)

// AccessibleOptions configure the plain line mode.
type AccessibleOptions struct {
	In    io.Reader
	Out   io.Writer
	Store storage.Store // nil: nothing is offered for saving
	AsOf  entitlements.Date
	// Now gives the time for a saved case; the clock is read only here, at the edge.
	Now func() time.Time
}

// RunAccessible is the line mode: the same questions as the full screen, as numbered plain
// prompts, and the results as plain lines. No colours, boxes, cursor moves or redraws, so it
// works with a screen reader, a braille display, a dumb terminal, or piped input.
func RunAccessible(o AccessibleOptions) error {
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &lineSession{in: bufio.NewReader(o.In), out: o.Out, opts: o}
	return s.run()
}

type lineSession struct {
	in   *bufio.Reader
	out  io.Writer
	opts AccessibleOptions
	user string
	w    *wizard.Wizard
	eof  bool
	cs   *storage.Case // the saved case being worked on, or nil
}

func (s *lineSession) say(format string, args ...any) {
	fmt.Fprintf(s.out, format+"\n", args...)
}

// read returns one line of input, cleaned of anything that could control a terminal.
func (s *lineSession) read(prompt string) (string, bool) {
	if s.eof {
		return "", false
	}
	fmt.Fprint(s.out, prompt)
	line, err := s.in.ReadString('\n')
	if err != nil && line == "" {
		s.eof = true
		s.say("")
		return "", false
	}
	fmt.Fprintln(s.out)
	return strings.TrimSpace(entitlements.CleanText(line)), true
}

func (s *lineSession) run() error {
	s.say("kincare: what a kinship carer in England can get, and why.")
	s.say("Answer each question by typing a number or your answer, then press Enter.")
	s.say("At any question: type ? for help, s to skip it, b to go back, q to stop and see the results.")
	s.say("")
	s.user = "carer"
	var start entitlements.Answers
	if c, ok := s.openSaved(); ok {
		s.cs = c
		json.Unmarshal(c.MergedAnswers(0), &start)
		if u := start.Value(entitlements.User); u != "" {
			s.user = u
		}
		s.say("Opened %q.", c.Label)
		s.say("")
	} else if s.eof {
		return nil
	} else {
		who := wizard.QuestionFor(entitlements.User)
		if v, ok := s.choose(who, 0); ok && v != "" {
			s.user = v
		}
		start.Set(entitlements.User, s.user)
	}
	s.w = wizard.New(start, s.opts.AsOf)
	s.interview()
	s.results()
	s.afterResults()
	return nil
}

// interview asks the wizard's questions until it is done, or the person stops.
func (s *lineSession) interview() {
	n := 0
	lastExplain := ""
	for {
		q, ok := s.w.Next()
		if !ok {
			// Then the details letters need (the date of the order, the council that
			// looked after the child); they never change a result, and can be skipped.
			extras := s.w.Extras()
			if len(extras) == 0 {
				return
			}
			q = extras[0]
		}
		n++
		v, ok := s.choose(q, n)
		switch {
		case !ok && s.eof:
			return
		case v == "q":
			return
		case v == "b":
			s.back()
		case v == "s":
			s.w.Skip(q.Key)
		}
		if ex := s.w.Explain(); ex != "" && ex != lastExplain {
			s.say("%s", ex)
			s.say("")
			lastExplain = ex
		}
	}
}

func (s *lineSession) back() {
	asked := s.w.Asked()
	if len(asked) == 0 {
		s.say("This is the first question.")
		return
	}
	s.w.Clear(asked[len(asked)-1])
}

// choose asks one question until it gets a usable answer. It returns the stored value, or
// one of the commands "q", "b", "s".
func (s *lineSession) choose(q wizard.Question, n int) (string, bool) {
	q = q.For(s.user)
	for {
		if n > 0 {
			s.say("Question %d. %s", n, q.Prompt(s.user))
		} else {
			s.say("%s", q.Prompt(s.user))
		}
		for i, o := range q.Options {
			s.say("  %d. %s", i+1, o.Label)
		}
		hint := "Your answer: "
		if len(q.Options) > 0 {
			hint = fmt.Sprintf("Type a number from 1 to %d: ", len(q.Options))
		}
		line, ok := s.read(hint)
		if !ok {
			return "", false
		}
		switch strings.ToLower(line) {
		case "":
			continue
		case "?", "help":
			s.say("Help: %s", q.Help)
			if q.Key == entitlements.CouncilKey {
				s.say("You can type the start of the name and we will suggest councils.")
			}
			s.say("")
			continue
		case "q", "quit", "stop":
			return "q", true
		case "b", "back":
			if n == 0 {
				continue
			}
			return "b", true
		case "s", "skip":
			if n == 0 {
				return "", true
			}
			return "s", true
		}
		value := line
		if len(q.Options) > 0 {
			if i, err := strconv.Atoi(line); err == nil {
				if i < 1 || i > len(q.Options) {
					s.say("Please type a number from 1 to %d.", len(q.Options))
					continue
				}
				value = q.Options[i-1].Value
			}
		}
		if n == 0 {
			if q.OptionLabel(value) == "" && wizard.QuestionFor(q.Key).OptionLabel(strings.ToLower(value)) == "" {
				s.say("Please type 1 or 2.")
				continue
			}
			return value, true
		}
		if q.Kind == entitlements.Text {
			if _, known := entitlements.FindCouncil(value); !known {
				if sug := entitlements.SuggestCouncils(value, 5); len(sug) > 0 {
					names := make([]string, len(sug))
					for i, c := range sug {
						names[i] = fmt.Sprintf("%d. %s", i+1, c.Name)
					}
					s.say("We do not know a council called %q. Did you mean one of these?", value)
					for _, nm := range names {
						s.say("  %s", nm)
					}
					pick, ok := s.read("Type a number, or press Enter to keep what you typed: ")
					if !ok {
						return "", false
					}
					if i, err := strconv.Atoi(pick); err == nil && i >= 1 && i <= len(sug) {
						value = sug[i-1].Name
					}
				}
			}
		}
		if err := s.w.Answer(q.Key, value); err != nil {
			s.say("%s", capital(err.Error())+".")
			continue
		}
		s.say("")
		return value, true
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var lineStatus = map[entitlements.Status]string{
	entitlements.Eligible:      "Eligible",
	entitlements.MayBeEligible: "May be eligible",
	entitlements.Check:         "Check",
	entitlements.NotEligible:   "Not eligible",
}

// results prints every outcome as plain lines: heading, status word, reasons.
func (s *lineSession) results() {
	rep := s.w.Result().Report()
	s.say("Results")
	s.say("%s", entitlements.SituationWords(rep))
	s.say("")
	var notEligible []string
	num := 0
	for _, g := range entitlements.Groups {
		first := true
		for _, o := range entitlements.Ranked(rep, g) {
			if o.Status == entitlements.NotEligible {
				notEligible = append(notEligible, o.Title)
				continue
			}
			if first {
				s.say("%s", entitlements.GroupWords(g))
				first = false
			}
			num++
			s.say("%d. %s: %s.", num, o.Title, lineStatus[o.Status])
			for _, w := range o.Why {
				s.say("   %s", w)
			}
			for _, f := range o.Figures {
				s.say("   %s.", entitlements.FigureWords(f))
			}
			if len(o.NextSteps) > 0 {
				s.say("   What to do: %s", o.NextSteps[0])
			}
		}
		if !first {
			s.say("")
		}
	}
	if len(notEligible) > 0 {
		s.say("Not eligible on these answers: %s.", strings.Join(notEligible, "; "))
		s.say("")
	}
	if u := rep.Unanswered; len(u) > 0 {
		s.say("%d questions could still change these results.", len(u))
	}
}

// afterResults offers the summary, changing an answer, details of a result and saving.
func (s *lineSession) afterResults() {
	saved := false
	for {
		s.say("What next?")
		s.say("  1. Read the summary")
		s.say("  2. Change an answer")
		s.say("  3. More about one result (sources and dates)")
		if s.opts.Store != nil {
			s.say("  4. Save this case")
		}
		s.say("  5. Draft a letter")
		s.say("  0. Finish")
		line, ok := s.read("Type a number: ")
		if !ok {
			break
		}
		switch line {
		case "1":
			s.say("%s", entitlements.ReadOut(s.w.Result().Report()))
		case "2":
			s.change()
			s.results()
		case "3":
			s.more()
		case "4":
			if s.opts.Store != nil {
				saved = s.save() || saved
			}
		case "5":
			s.letter()
		case "0", "q", "":
			if line == "" {
				continue
			}
			s.finish(saved)
			return
		default:
			s.say("Please type one of the numbers shown.")
		}
	}
	s.finish(saved)
}

func (s *lineSession) finish(saved bool) {
	if s.opts.Store == nil || (!saved && s.opts.Store.Path() == "") {
		s.say("Nothing was kept on this computer.")
		return
	}
	if !saved {
		s.say("This case was not saved.")
	}
}

func (s *lineSession) change() {
	a := s.w.Answers()
	keys := s.w.Asked()
	if len(keys) == 0 {
		s.say("There are no answers to change yet.")
		return
	}
	for i, k := range keys {
		q := wizard.QuestionFor(k).For(s.user)
		v := a.Value(k)
		if lbl := q.OptionLabel(v); lbl != "" {
			v = lbl
		}
		if v == "" {
			v = "(skipped)"
		}
		s.say("  %d. %s %s", i+1, q.Prompt(s.user), v)
	}
	line, ok := s.read("Type the number of the answer to change: ")
	if !ok {
		return
	}
	i, err := strconv.Atoi(line)
	if err != nil || i < 1 || i > len(keys) {
		s.say("No answer was changed.")
		return
	}
	before := s.w.Result()
	q := wizard.QuestionFor(keys[i-1])
	if v, ok := s.choose(q, 0+i); !ok || v == "q" || v == "b" {
		return
	} else if v == "s" {
		s.w.Skip(q.Key)
	}
	for _, c := range wizard.Diff(before, s.w.Result()) {
		s.say("Changed: %s.", c.String())
	}
	s.interview()
}

func (s *lineSession) more() {
	rep := s.w.Result().Report()
	var shown []entitlements.Outcome
	for _, g := range entitlements.Groups {
		for _, o := range entitlements.Ranked(rep, g) {
			if o.Status != entitlements.NotEligible {
				shown = append(shown, o)
			}
		}
	}
	line, ok := s.read(fmt.Sprintf("Type the number of the result, from 1 to %d: ", len(shown)))
	if !ok {
		return
	}
	i, err := strconv.Atoi(line)
	if err != nil || i < 1 || i > len(shown) {
		s.say("Please type one of the result numbers.")
		return
	}
	o := shown[i-1]
	s.say("%s: %s.", o.Title, lineStatus[o.Status])
	s.say("%s", o.Summary)
	for _, w := range o.Why {
		s.say("Why: %s", w)
	}
	for _, w := range o.WouldChange {
		s.say("What would change it: %s", w)
	}
	for n, w := range o.NextSteps {
		s.say("Step %d: %s", n+1, w)
	}
	for _, src := range o.Sources {
		s.say("Source: %s, %s (checked %s)", src.Title, src.URL, src.Checked)
	}
	if len(o.Requests) > 0 {
		s.say("Letters you can send: %s", strings.Join(o.Requests, ", "))
	}
	s.say("")
}

func (s *lineSession) save() bool {
	c := storage.Case{AsOf: s.opts.AsOf.String()}
	if s.cs != nil {
		c = *s.cs
	} else {
		label, ok := s.read("A short label for this case (for example a first name and the council): ")
		if !ok {
			return false
		}
		c.Label = label
	}
	raw, _ := json.Marshal(s.w.Answers())
	_ = c.SetMergedAnswers(0, raw) // child 0 always exists
	if err := s.opts.Store.Save(&c); err != nil {
		s.say("The case could not be saved: %v", err)
		return false
	}
	s.cs = &c
	s.say("Saved.")
	return true
}

// openSaved offers the saved cases, newest first. It returns false for a new case.
func (s *lineSession) openSaved() (*storage.Case, bool) {
	if s.opts.Store == nil {
		return nil, false
	}
	list, err := s.opts.Store.List(s.opts.AsOf.String())
	if err != nil || len(list) == 0 {
		return nil, false
	}
	for {
		s.say("1. Start a new case")
		s.say("2. Open a saved case (%d saved)", len(list))
		line, ok := s.read("Type a number: ")
		if !ok {
			return nil, false
		}
		switch line {
		case "1":
			return nil, false
		case "2":
		default:
			continue
		}
		for i, c := range list {
			extra := ""
			if c.Overdue > 0 {
				extra = fmt.Sprintf(", %d letter reply overdue", c.Overdue)
			}
			s.say("  %d. %s (changed %s%s)", i+1, c.Label, c.Updated.Format("2 January 2006"), extra)
		}
		line, ok = s.read(fmt.Sprintf("Type the number of the case, from 1 to %d: ", len(list)))
		if !ok {
			return nil, false
		}
		i, err := strconv.Atoi(line)
		if err != nil || i < 1 || i > len(list) {
			s.say("Please type one of the case numbers.")
			continue
		}
		c, err := s.opts.Store.Get(list[i-1].ID)
		if err != nil {
			s.say("That case could not be opened: %v", err)
			continue
		}
		return &c, true
	}
}

// letter drafts one of the letters the results offer, reads it out, and can save it to a file.
func (s *lineSession) letter() {
	ids := letters.Offered(s.w.Result().Report())
	if len(ids) == 0 {
		s.say("No letters apply on these answers.")
		return
	}
	for i, id := range ids {
		s.say("  %d. %s", i+1, requestTitle(id))
	}
	line, ok := s.read(fmt.Sprintf("Type the number of the letter, from 1 to %d: ", len(ids)))
	if !ok {
		return
	}
	i, err := strconv.Atoi(line)
	if err != nil || i < 1 || i > len(ids) {
		s.say("No letter was drafted.")
		return
	}
	in := letters.Input{RequestID: ids[i-1], Answers: s.w.Answers(), AsOf: s.opts.AsOf, Today: s.opts.AsOf}
	if s.cs != nil {
		in.Details = s.cs.Details
	}
	l, err := letters.Draft(in)
	if err != nil {
		s.say("The letter could not be drafted: %v", err)
		return
	}
	s.say("Start of letter.")
	s.say("%s", l.Text())
	s.say("End of letter.")
	if len(l.Gaps) > 0 {
		s.say("Fill these in before sending: %s.", strings.Join(l.Gaps, "; "))
	}
	path, ok := s.read("To save it as a text file, type a file name; or press Enter to skip: ")
	if !ok || path == "" {
		return
	}
	err = writePrivate(path, []byte(l.Text()), false)
	if errors.Is(err, fs.ErrExist) {
		if yes, _ := s.read(path + " already exists. Type yes to replace it: "); strings.EqualFold(yes, "yes") {
			err = writePrivate(path, []byte(l.Text()), true)
		} else {
			s.say("The file was not changed.")
			return
		}
	}
	if err != nil {
		s.say("The letter could not be saved: %v", err)
		return
	}
	s.say("Saved the letter to %s.", path)
}
