package letters

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The PDF export: A4, 2 cm margins, the Go fonts (Latin, Greek and Cyrillic) with Noto Sans
// Arabic and Noto Sans Hebrew (subset, in fonts/) for right-to-left names and addresses,
// "Page 1 of 2" on every page, the last paragraph kept on one page with the closing and
// signature, and hanging indents for lists. Arabic is shaped and each line laid out in display
// order (bidi.go); right-to-left letters that file cannot shape are refused with the character
// named, and the HTML export, which keeps them exactly, is offered.

// RightToLeftError says a letter has right-to-left text the PDF cannot lay out; export HTML.
type RightToLeftError struct {
	Char  rune
	Field string
}

func (e *RightToLeftError) Error() string {
	return fmt.Sprintf("PDF: the %s has right-to-left text with a letter (%q, U+%04X) the PDF export cannot join correctly; export the letter as HTML instead, which keeps it exactly (open it in a browser to print or save it as PDF)", e.Field, string(e.Char), e.Char)
}

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

const (
	pageW, pageH = 595.28, 841.89
	margin       = 56.7 // 2 cm
	textW        = pageW - 2*margin
	fontSize     = 11
	lineH        = 15.5
	indent       = 18.0
	bottom       = pageH - margin - lineH // the footer line sits below this
)

// pdfLine is one line to draw; a block is lines that stay together unless taller than a page.
type pdfLine struct {
	text   string
	x      float64
	width  float64 // for right alignment
	bold   bool
	right  bool
	bullet bool
}

type pdfBlock struct {
	before   float64 // space above, dropped at the top of a page
	lines    []pdfLine
	keepNext bool // on the same page as the next block
}

type pdfLayout struct {
	pdf    *gopdf.GoPdf
	blocks []pdfBlock
	widths map[string]float64
}

func (p *pdfLayout) font(bold bool) error {
	if bold {
		return p.pdf.SetFont("bold", "", fontSize)
	}
	return p.pdf.SetFont("regular", "", fontSize)
}

// width is the width of runes drawn in their fonts (each measured once).
func (p *pdfLayout) width(rs []rune, bold bool) (float64, error) {
	w := 0.0
	for _, r := range rs {
		key := fontName(r, bold) + string(r)
		cw, ok := p.widths[key]
		if !ok {
			if err := p.pdf.SetFont(fontName(r, bold), "", fontSize); err != nil {
				return 0, err
			}
			var err error
			if cw, err = p.pdf.MeasureTextWidth(string(r)); err != nil {
				return 0, err
			}
			p.widths[key] = cw
		}
		w += cw
	}
	return w, nil
}

// wrap splits s into lines at x within width, a bullet hanging to the left when asked. Arabic
// is joined first, lines are broken at spaces (inside a word only when it is wider than the
// line), and each line is then put in display order.
func (p *pdfLayout) wrap(s string, x, width float64, bold, right, bullet bool) ([]pdfLine, error) {
	if strings.TrimSpace(s) == "" {
		return []pdfLine{{}}, nil
	}
	rs := shapeArabic([]rune(s))
	space, err := p.width([]rune{' '}, bold)
	if err != nil {
		return nil, err
	}
	var lines [][]rune
	var cur []rune
	curW := 0.0
	for _, word := range strings.Fields(string(rs)) {
		wr := []rune(word)
		ww, err := p.width(wr, bold)
		if err != nil {
			return nil, err
		}
		if len(cur) > 0 && curW+space+ww <= width {
			cur = append(append(cur, ' '), wr...)
			curW += space + ww
			continue
		}
		if len(cur) > 0 {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		for ww > width && len(wr) > 1 {
			// A word wider than the line (a long email address) is broken where it must be.
			n, w := 0, 0.0
			for n < len(wr) {
				cw, err := p.width(wr[n:n+1], bold)
				if err != nil {
					return nil, err
				}
				if w+cw > width && n > 0 {
					break
				}
				w += cw
				n++
			}
			lines = append(lines, wr[:n])
			wr = wr[n:]
			if ww, err = p.width(wr, bold); err != nil {
				return nil, err
			}
		}
		cur, curW = wr, ww
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	out := make([]pdfLine, len(lines))
	for i, l := range lines {
		out[i] = pdfLine{text: string(visualOrder(l)), x: x, width: width, bold: bold, right: right, bullet: bullet && i == 0}
	}
	return out, nil
}

// draw writes a line's runs, each in its own font, from x.
func (p *pdfLayout) draw(rs []rune, x, y float64, bold bool) error {
	for i := 0; i < len(rs); {
		name := fontName(rs[i], bold)
		j := i
		for j < len(rs) && (fontName(rs[j], bold) == name || rs[j] == ' ') {
			j++
		}
		if err := p.pdf.SetFont(name, "", fontSize); err != nil {
			return err
		}
		p.pdf.SetXY(x, y+(ascents["regular"]-ascents[name])*fontSize)
		if err := p.pdf.Cell(nil, string(rs[i:j])); err != nil {
			return err
		}
		w, err := p.width(rs[i:j], bold)
		if err != nil {
			return err
		}
		x += w
		i = j
	}
	return nil
}

func (p *pdfLayout) add(before float64, keepNext bool, lines ...[]pdfLine) {
	var all []pdfLine
	for _, l := range lines {
		all = append(all, l...)
	}
	p.blocks = append(p.blocks, pdfBlock{before: before, lines: all, keepNext: keepNext})
}

// list adds a heading ("Enclosed:") kept with its first item, and items with hanging indents.
func (p *pdfLayout) list(heading string, items []string) error {
	if len(items) == 0 {
		return nil
	}
	h, err := p.wrap(heading, margin, textW, false, false, false)
	if err != nil {
		return err
	}
	p.add(lineH, true, h)
	for _, it := range items {
		ls, err := p.wrap(it, margin+indent, textW-indent, false, false, true)
		if err != nil {
			return err
		}
		p.add(0, false, ls)
	}
	return nil
}

// paginate places the blocks on pages: a chain of kept-together blocks moves whole to a new
// page when it does not fit (unless it is taller than a page).
func paginate(blocks []pdfBlock) [][]placedLine {
	var pages [][]placedLine
	var cur []placedLine
	y := margin
	newPage := func() {
		pages = append(pages, cur)
		cur, y = nil, margin
	}
	height := func(bs []pdfBlock) float64 {
		h := 0.0
		for i, b := range bs {
			if i > 0 || y > margin {
				h += b.before
			}
			h += float64(len(b.lines)) * lineH
		}
		return h
	}
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks)-1 && blocks[j].keepNext {
			j++
		}
		group := blocks[i : j+1]
		if h := height(group); y > margin && y+h > bottom && h <= bottom-margin {
			newPage()
		}
		for _, b := range group {
			if y > margin {
				y += b.before
			}
			for _, l := range b.lines {
				if y+lineH > bottom {
					newPage()
				}
				cur = append(cur, placedLine{pdfLine: l, y: y})
				y += lineH
			}
		}
		i = j + 1
	}
	return append(pages, cur)
}

type placedLine struct {
	pdfLine
	y float64
}

func pdfLetter(l Letter) ([]byte, []string, error) {
	if err := pdfFonts(); err != nil {
		return nil, nil, fmt.Errorf("pdf font: %v", err)
	}
	fields := []struct {
		name  string
		lines []string
	}{{"sender's name and address", l.From}, {"date", []string{l.Date}}, {"recipient's address", l.To}, {"reference", []string{l.Reference}},
		{"greeting", []string{l.Greeting}}, {"subject", []string{l.Subject}}, {"body", []string{l.Body}}, {"closing", []string{l.Closing}},
		{"signature", l.Signature}, {"enclosures", l.Encloses}, {"copy list", l.CopyTo}}
	for _, f := range fields {
		for _, s := range f.lines {
			for _, r := range s {
				if isRightToLeft(r) && !canShape(r) {
					return nil, nil, &RightToLeftError{Char: r, Field: f.name}
				}
			}
		}
	}
	d := &drawer{seen: map[rune]bool{}}
	fix := func(field string, xs []string, bold bool) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = d.text(bold, field, x)
		}
		return out
	}
	one := func(field, s string, bold bool) string { return fix(field, []string{s}, bold)[0] }

	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	subject := one("subject", l.Subject, true)
	pdf.SetInfo(gopdf.PdfInfo{Title: subject, Creator: "kincare"})
	if err := pdf.AddTTFFontData("regular", goregular.TTF); err != nil {
		return nil, nil, err
	}
	if err := pdf.AddTTFFontData("bold", gobold.TTF); err != nil {
		return nil, nil, err
	}
	if err := pdf.AddTTFFontData("arabic", arabicTTF); err != nil {
		return nil, nil, err
	}
	if err := pdf.AddTTFFontData("hebrew", hebrewTTF); err != nil {
		return nil, nil, err
	}
	p := &pdfLayout{pdf: pdf, widths: map[string]float64{}}
	build := func() error {
		var from []pdfLine
		for _, s := range fix("sender's name and address", l.From, false) {
			ls, err := p.wrap(s, margin+textW*0.4, textW*0.6, false, true, false)
			if err != nil {
				return err
			}
			from = append(from, ls...)
		}
		p.add(0, false, from)
		date, err := p.wrap(one("date", l.Date, false), margin, textW, false, false, false)
		if err != nil {
			return err
		}
		p.add(lineH, false, date)
		var to []pdfLine
		for _, s := range fix("recipient's address", l.To, false) {
			ls, err := p.wrap(s, margin, textW*0.6, false, false, false)
			if err != nil {
				return err
			}
			to = append(to, ls...)
		}
		p.add(lineH, false, to)
		if l.Reference != "" {
			ref, err := p.wrap("Your reference: "+one("reference", l.Reference, false), margin, textW, false, false, false)
			if err != nil {
				return err
			}
			p.add(lineH, false, ref)
		}
		greet, err := p.wrap(one("greeting", l.Greeting, false)+",", margin, textW, false, false, false)
		if err != nil {
			return err
		}
		p.add(lineH, true, greet)
		subj, err := p.wrap(subject, margin, textW, true, false, false)
		if err != nil {
			return err
		}
		p.add(lineH/2, true, subj)
		paras := strings.Split(l.Body, "\n\n")
		for i, para := range paras {
			var lines []pdfLine
			for _, line := range strings.Split(para, "\n") {
				line = one("body", line, false)
				var ls []pdfLine
				if rest, ok := strings.CutPrefix(line, "- "); ok {
					ls, err = p.wrap(rest, margin+indent, textW-indent, false, false, true)
				} else {
					ls, err = p.wrap(line, margin, textW, false, false, false)
				}
				if err != nil {
					return err
				}
				lines = append(lines, ls...)
			}
			// The last paragraph stays with the closing and the signature.
			p.add(lineH/2, i == len(paras)-1, lines)
		}
		closing, err := p.wrap(one("closing", l.Closing, false)+",", margin, textW, false, false, false)
		if err != nil {
			return err
		}
		p.add(lineH, true, closing)
		var sig []pdfLine
		for _, s := range fix("signature", l.Signature, false) {
			ls, err := p.wrap(s, margin, textW, false, false, false)
			if err != nil {
				return err
			}
			sig = append(sig, ls...)
		}
		p.add(lineH*2.5, false, sig)
		if err := p.list("Enclosed:", fix("enclosures", l.Encloses, false)); err != nil {
			return err
		}
		return p.list("Copy to:", fix("copy list", l.CopyTo, false))
	}
	if err := build(); err != nil {
		return nil, d.warnings, fmt.Errorf("pdf: %v", err)
	}
	pages := paginate(p.blocks)
	for n, page := range pages {
		pdf.AddPage()
		for _, pl := range page {
			if pl.text == "" {
				continue
			}
			rs := []rune(pl.text)
			x := pl.x
			if pl.right {
				w, err := p.width(rs, pl.bold)
				if err != nil {
					return nil, d.warnings, err
				}
				x = pl.x + pl.width - w
			}
			if pl.bullet {
				if err := p.font(false); err != nil {
					return nil, d.warnings, err
				}
				pdf.SetXY(pl.x-indent+6, pl.y)
				if err := pdf.Cell(nil, "•"); err != nil {
					return nil, d.warnings, err
				}
			}
			if err := p.draw(rs, x, pl.y, pl.bold); err != nil {
				return nil, d.warnings, err
			}
		}
		if err := p.font(false); err != nil {
			return nil, d.warnings, err
		}
		footer := fmt.Sprintf("Page %d of %d", n+1, len(pages))
		w, err := pdf.MeasureTextWidth(footer)
		if err != nil {
			return nil, d.warnings, err
		}
		pdf.SetXY((pageW-w)/2, pageH-margin+lineH/2)
		if err := pdf.Cell(nil, footer); err != nil {
			return nil, d.warnings, err
		}
	}
	var out bytes.Buffer
	if _, err := pdf.WriteTo(&out); err != nil {
		return nil, d.warnings, fmt.Errorf("pdf: %v", err)
	}
	return out.Bytes(), d.warnings, nil
}
