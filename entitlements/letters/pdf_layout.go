// Laying out a PDF letter: lines wrapped in their fonts, blocks kept together, and pages broken.

package letters

import (
	"strings"

	"github.com/signintech/gopdf"
)

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
