package tui

import (
	"regexp"
	"strings"
	"unicode"

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

var gapMark = regexp.MustCompile(`\[([^\[\]\n]{1,80})\]`)

// gaps are the marked gaps still in the text, each once.
func gapsIn(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, mm := range gapMark.FindAllStringSubmatch(text, -1) {
		g := entitlements.CleanText(mm[1])
		if !seen[g] && g != "" {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// slug makes a safe file name part: letters and digits, the rest as single dashes.
func slug(s string) string {
	s = entitlements.CleanText(s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 40 {
		out = strings.Trim(out[:40], "-")
	}
	return out
}

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
