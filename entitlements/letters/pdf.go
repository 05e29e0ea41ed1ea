// The PDF export: a letter drawn on A4 pages, refused when its right-to-left text cannot be laid out.

package letters

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
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
