package letters

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The PDF export: A4, 2 cm margins, the Go fonts (Latin, Greek and Cyrillic), "Page 1 of 2" on
// every page, the last paragraph kept on one page with the closing and signature, and hanging
// indents for lists. Right-to-left text (Arabic, Hebrew) needs shaping and reordering that this
// export does not do, so such a letter is refused with the character named: the HTML export
// keeps it exactly.

// RightToLeftError says a letter has right-to-left text the PDF cannot lay out; export HTML.
type RightToLeftError struct {
	Char  rune
	Field string
}

func (e *RightToLeftError) Error() string {
	return fmt.Sprintf("PDF: the %s has right-to-left text (%q, U+%04X), which the PDF export cannot lay out correctly; export the letter as HTML instead, which keeps it exactly (open it in a browser to print or save it as PDF)", e.Field, string(e.Char), e.Char)
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
	fontOnce              sync.Once
	fontRegular, fontBold *sfnt.Font
	fontErr               error
)

func pdfFonts() error {
	fontOnce.Do(func() {
		if fontRegular, fontErr = sfnt.Parse(goregular.TTF); fontErr != nil {
			return
		}
		fontBold, fontErr = sfnt.Parse(gobold.TTF)
	})
	return fontErr
}

// drawer replaces each character the font cannot draw with "?", warning once per character in
// the whole letter (naming the first field it is in).
type drawer struct {
	buf      sfnt.Buffer
	seen     map[rune]bool
	warnings []string
}

func (d *drawer) text(f *sfnt.Font, field, s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' {
			b.WriteRune(r)
			continue
		}
		idx, err := f.GlyphIndex(&d.buf, r)
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
}

func (p *pdfLayout) font(bold bool) error {
	if bold {
		return p.pdf.SetFont("bold", "", fontSize)
	}
	return p.pdf.SetFont("regular", "", fontSize)
}

// wrap splits s into lines at x within width, a bullet hanging to the left when asked.
func (p *pdfLayout) wrap(s string, x, width float64, bold, right, bullet bool) ([]pdfLine, error) {
	if strings.TrimSpace(s) == "" {
		return []pdfLine{{}}, nil
	}
	if err := p.font(bold); err != nil {
		return nil, err
	}
	parts, err := p.pdf.SplitTextWithWordWrap(s, width)
	if err != nil {
		return nil, err
	}
	out := make([]pdfLine, len(parts))
	for i, t := range parts {
		out[i] = pdfLine{text: t, x: x, width: width, bold: bold, right: right, bullet: bullet && i == 0}
	}
	return out, nil
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
				if isRightToLeft(r) {
					return nil, nil, &RightToLeftError{Char: r, Field: f.name}
				}
			}
		}
	}
	d := &drawer{seen: map[rune]bool{}}
	fix := func(field string, xs []string, bold bool) []string {
		f := fontRegular
		if bold {
			f = fontBold
		}
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = d.text(f, field, x)
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
	p := &pdfLayout{pdf: pdf}
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
			if err := p.font(pl.bold); err != nil {
				return nil, d.warnings, err
			}
			x := pl.x
			if pl.right {
				w, err := pdf.MeasureTextWidth(pl.text)
				if err != nil {
					return nil, d.warnings, err
				}
				x = pl.x + pl.width - w
			}
			if pl.bullet {
				pdf.SetXY(pl.x-indent+6, pl.y)
				if err := pdf.Cell(nil, "•"); err != nil {
					return nil, d.warnings, err
				}
			}
			pdf.SetXY(x, pl.y)
			if err := pdf.Cell(nil, pl.text); err != nil {
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
