package letters

import (
	"regexp"
	"strings"
	"unicode"

	"kincare/entitlements"
)

// The one place that decides what a gap is in a letter's text, drafted or edited: any text in
// square brackets on one line, whatever its length, except a law report's year such as [2013].
// The interface, the line mode and the command line all ask here.

var gapInText = regexp.MustCompile(`\[([^\[\]\n]+)\]`)
var reportYear = regexp.MustCompile(`^(19|20)[0-9]{2}$`)

// GapsIn lists the gaps still in a letter's text, each once, in order, without brackets.
func GapsIn(text string) []string {
	var out []string
	for _, m := range gapInText.FindAllStringSubmatch(text, -1) {
		g := strings.TrimSpace(entitlements.CleanText(m[1]))
		if g == "" || reportYear.MatchString(g) {
			continue
		}
		out = appendNew(out, g)
	}
	return out
}

// FileNamePart makes a name safe for a file name: letters (any alphabet, "é" and "ł" kept) and
// digits in lower case, everything else as single dashes, at most 40 characters.
func FileNamePart(s string) string {
	s = entitlements.CleanText(s)
	var b []rune
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			b = append(b, r)
			dash = false
		} else if !dash && len(b) > 0 {
			b = append(b, '-')
			dash = true
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return strings.Trim(string(b), "-")
}
