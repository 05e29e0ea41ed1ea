// The PDF export's fonts: which embedded font draws each character, and "?" for a character none can draw.

package letters

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

//go:embed fonts/NotoSansArabic-Subset.ttf
var arabicTTF []byte

//go:embed fonts/NotoSansHebrew-Subset.ttf
var hebrewTTF []byte

// ascents are each font's ascender as a fraction of its em (see typoAscent).
var ascents = map[string]float64{"regular": typoAscent(goregular.TTF), "bold": typoAscent(gobold.TTF),
	"arabic": typoAscent(arabicTTF), "hebrew": typoAscent(hebrewTTF)}

// fontName is the embedded font that draws r.
func fontName(r rune, bold bool) string {
	switch {
	case (r >= 0x600 && r <= 0x6FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF):
		return "arabic"
	case (r >= 0x590 && r <= 0x5FF) || (r >= 0xFB1D && r <= 0xFB4F):
		return "hebrew"
	case bold:
		return "bold"
	}
	return "regular"
}

var rtlScripts = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko}

func isRightToLeft(r rune) bool {
	for _, t := range rtlScripts {
		if unicode.Is(t, r) {
			return true
		}
	}
	return false
}

var (
	fontOnce                                      sync.Once
	fontRegular, fontBold, fontArabic, fontHebrew *sfnt.Font
	fontErr                                       error
)

func pdfFonts() error {
	fontOnce.Do(func() {
		for _, f := range []struct {
			dst  **sfnt.Font
			data []byte
		}{{&fontRegular, goregular.TTF}, {&fontBold, gobold.TTF}, {&fontArabic, arabicTTF}, {&fontHebrew, hebrewTTF}} {
			if *f.dst, fontErr = sfnt.Parse(f.data); fontErr != nil {
				return
			}
		}
	})
	return fontErr
}

// sfntFor is the parsed font that draws r.
func sfntFor(r rune, bold bool) *sfnt.Font {
	switch fontName(r, bold) {
	case "arabic":
		return fontArabic
	case "hebrew":
		return fontHebrew
	case "bold":
		return fontBold
	}
	return fontRegular
}

// drawer replaces each character the font cannot draw with "?", warning once per character in
// the whole letter (naming the first field it is in).
type drawer struct {
	buf      sfnt.Buffer
	seen     map[rune]bool
	warnings []string
}

func (d *drawer) text(bold bool, field, s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' {
			b.WriteRune(r)
			continue
		}
		idx, err := sfntFor(r, bold).GlyphIndex(&d.buf, r)
		ok := err == nil && idx != 0
		if unicode.Is(unicode.Mn, r) || r == '\u200d' || (r >= 0xfe00 && r <= 0xfe0f) {
			// joiners, variation selectors and combining marks belong to the character before.
			if ok {
				b.WriteRune(r)
			}
			continue
		}
		if !ok {
			if !d.seen[r] {
				d.seen[r] = true
				d.warnings = append(d.warnings, fmt.Sprintf("PDF: the character %q (U+%04X) in the %s cannot be drawn with the letter's font and is shown as \"?\"; use the HTML or text version to keep it", string(r), r, field))
			}
			b.WriteByte('?')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
