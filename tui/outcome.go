package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// outcomeScreen is one outcome in full: how much, why, what would change it, next steps and
// sources.
type outcomeScreen struct {
	c      *common
	cs     *caseState
	id     string
	scroll int
}

func newOutcomeScreen(c *common, cs *caseState, id string) *outcomeScreen {
	return &outcomeScreen{c: c, cs: cs, id: id}
}

// Not "Details": that word is the people's details screen.
func (o *outcomeScreen) crumb() string {
	return o.cs.label() + " · What the family can get · More about this"
}

func (o *outcomeScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := o.c.keys
	h := o.c.bodyHeight()
	switch {
	case key.Matches(k, outcomeBack):
		return o.c.pop()
	case key.Matches(k, keys.Up):
		o.scroll = max(o.scroll-1, 0)
	case key.Matches(k, keys.Down):
		o.scroll++
	case key.Matches(k, keys.PageDown):
		o.scroll += h - 2
	case key.Matches(k, keys.PageUp):
		o.scroll = max(o.scroll-h+2, 0)
	case key.Matches(k, keys.Letters):
		return o.c.push(newLettersScreen(o.c, o.cs))
	case key.Matches(k, lettersKeys.Details):
		return o.c.push(newDetailsScreen(o.c, o.cs))
	case key.Matches(k, keys.ReadOut):
		return o.c.push(newReadoutScreen(o.c, o.cs))
	case key.Matches(k, keys.Help):
		o.c.help.ShowAll = !o.c.help.ShowAll
	}
	// Scrolling stops at the end, so going back up starts at once.
	o.scroll = min(o.scroll, max(len(o.lines())-h, 0))
	return nil
}

// outcomeBack goes back to the list of results.
var outcomeBack = key.NewBinding(key.WithKeys("esc", "backspace", "left"), key.WithHelp("esc", "back"))

// outOfDate says whether an outcome's sources may have gone stale: one was checked more
// than a year ago, or a rule started or stopped since its sources were checked.
func outOfDate(o entitlements.Outcome, today entitlements.Date) bool {
	yearAgo := today.AddYears(-1)
	for _, s := range o.Sources {
		checked, err := entitlements.ParseDate(s.Checked)
		if err != nil {
			continue
		}
		if checked.Before(yearAgo) {
			return true
		}
		for _, d := range []string{o.Starts, o.Ends} {
			if when, err := entitlements.ParseDate(d); err == nil && when.After(checked) && !when.After(today) {
				return true
			}
		}
	}
	return false
}

// lines are the whole outcome, wrapped to the window; nil when it is not there.
func (o *outcomeScreen) lines() []string {
	st := o.c.st
	w := o.c.width - 2
	var out entitlements.Outcome
	ok := false
	for _, x := range o.cs.rep.Outcomes {
		if x.ID == o.id {
			out, ok = x, true
		}
	}
	if !ok {
		return nil
	}
	var b strings.Builder
	b.WriteString(st.Bold.Render(wrapText(entitlements.CleanText(out.Title), w)) + "\n")
	b.WriteString(st.Status[string(out.Status)].Render(o.c.statusLabel(out.Status)) + "\n")
	if who := o.cs.whoFor(out.ID, out.Status); len(who) > 0 {
		// In a family, say which child each status is for.
		var parts []string
		for i, r := range o.cs.results {
			parts = append(parts, childWords(o.cs.s.Child(i))+": "+strings.ToLower(entitlements.StatusWords(r.Status(out.ID))))
		}
		b.WriteString(wrapText(strings.Join(parts, "; "), w) + "\n")
	}
	if outOfDate(out, o.c.today) {
		b.WriteString(st.Warn.Render(o.c.symbol(entitlements.Check)+" This may be out of date: check the sources below.") + "\n")
	}
	b.WriteString("\n" + wrapText(out.Summary, w) + "\n")
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("\n" + st.Heading.Render(title) + "\n")
		for _, it := range items {
			b.WriteString(wrapText("- "+it, w) + "\n")
		}
	}
	var figs []string
	for _, f := range out.Figures {
		figs = append(figs, entitlements.FigureWords(f))
	}
	section("How much", figs)
	section("Why", out.Why)
	section("What would change this", out.WouldChange)
	section("Next steps", out.NextSteps)
	var srcs []string
	for _, s := range out.Sources {
		line := s.Title
		if s.URL != "" {
			line += " (" + s.URL + ")"
		}
		if d, err := entitlements.ParseDate(s.Checked); err == nil {
			line += ", checked " + d.Long()
		}
		srcs = append(srcs, line)
	}
	section("Sources", srcs)
	if out.Status != entitlements.NotEligible && len(out.Requests) > 0 {
		section("Letters this makes possible (l to see them)", requestWords(out.Requests))
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

func (o *outcomeScreen) view() string {
	lines := o.lines()
	if lines == nil {
		return "This outcome is not available."
	}
	h := o.c.bodyHeight()
	scroll := min(o.scroll, max(len(lines)-h, 0))
	lines = lines[scroll:]
	if len(lines) > h {
		lines = lines[:h-1]
		lines = append(lines, o.c.st.Subtle.Render("More below: ↓ or space"))
	}
	return strings.Join(lines, "\n")
}

func (o *outcomeScreen) keys() helpKeys {
	k := o.c.keys
	return helpKeys{short: []key.Binding{kb("↑/↓", "scroll"), k.Letters, k.ReadOut, outcomeBack, k.QuickExit}}
}
