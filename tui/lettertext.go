package tui

import (
	"strings"

	"kincare/entitlements"
	"kincare/entitlements/letters"
)

// The text of a letter: its gaps, a file name for it, and its parts read back from the
// (perhaps edited) text for the export formats.

// cleanBlock cleans each line of a text, keeping its line breaks.
func cleanBlock(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = entitlements.CleanText(l)
	}
	return strings.Join(ls, "\n")
}

// gapsIn lists the marked gaps still in the text, each once: the letters package decides what
// a gap is, whatever its length, for every front end.
func gapsIn(text string) []string { return letters.GapsIn(text) }

// letterFromText rebuilds a letter's parts from its saved (perhaps edited) text, so the export
// formats can lay it out; base supplies the title and anything the text does not show.
func letterFromText(text string, base letters.Letter) letters.Letter {
	if text == base.Text() {
		return base
	}
	l := letters.Letter{RequestID: base.RequestID, Title: base.Title, Status: base.Status, ReplyDue: base.ReplyDue, Sources: base.Sources}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	g := -1
	for i, s := range lines {
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "Dear ") && strings.HasSuffix(t, ",") {
			g = i
			break
		}
	}
	c := -1
	for i := len(lines) - 1; i > g && g >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if strings.HasSuffix(t, ",") && (strings.HasPrefix(t, "Yours") || strings.HasPrefix(t, "Kind regards") || strings.HasPrefix(t, "Best wishes") || strings.HasPrefix(t, "With thanks")) {
			c = i
			break
		}
	}
	if g < 0 || c < 0 {
		// Not laid out as a letter: everything is the body.
		l.Subject = base.Subject
		l.Body = strings.TrimSpace(text)
		return l
	}
	var blocks [][]string
	var cur []string
	for _, s := range lines[:g] {
		if strings.TrimSpace(s) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimSpace(s))
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	switch len(blocks) {
	case 0:
	case 1:
		l.To = blocks[0]
	case 2:
		l.Date, l.To = strings.Join(blocks[0], " "), blocks[1]
	default:
		n := len(blocks)
		for _, b := range blocks[:n-2] {
			l.From = append(l.From, b...)
		}
		l.Date, l.To = strings.Join(blocks[n-2], " "), blocks[n-1]
	}
	l.Greeting = strings.TrimSuffix(strings.TrimSpace(lines[g]), ",")
	mid := strings.Split(strings.TrimSpace(strings.Join(lines[g+1:c], "\n")), "\n\n")
	if len(mid) > 0 {
		l.Subject = strings.TrimSpace(mid[0])
		l.Body = strings.TrimSpace(strings.Join(mid[1:], "\n\n"))
	}
	l.Closing = strings.TrimSuffix(strings.TrimSpace(lines[c]), ",")
	enc := false
	for _, s := range lines[c+1:] {
		t := strings.TrimSpace(s)
		switch {
		case t == "":
		case t == "Enclosed:":
			enc = true
		case enc:
			l.Encloses = append(l.Encloses, strings.TrimPrefix(t, "- "))
		default:
			l.Signature = append(l.Signature, t)
		}
	}
	return l
}
