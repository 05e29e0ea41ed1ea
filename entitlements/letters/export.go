package letters

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"kincare/entitlements"
)

// Formats are the export formats, in the order a menu shows them.
var Formats = []string{"txt", "md", "html", "pdf"}

// Export writes the letter as txt, md, html or pdf. Warnings say what could not be shown exactly
// (a character the PDF font cannot draw, named with its field); the text is never silently changed.
func Export(l Letter, format string) ([]byte, []string, error) {
	l = cleanLetter(l)
	switch format {
	case "txt":
		return []byte(l.Text()), nil, nil
	case "md":
		return []byte(markdown(l)), nil, nil
	case "html":
		b, err := htmlPage(l)
		return b, nil, err
	case "pdf":
		return pdfLetter(l)
	}
	return nil, nil, fmt.Errorf("unknown format %q; allowed formats are %s", format, strings.Join(Formats, ", "))
}

// cleanLetter removes control characters and escape sequences from every field, keeping the
// body's line breaks, so a letter built by hand (or edited) cannot break a format either.
func cleanLetter(l Letter) Letter {
	lines := func(xs []string) []string {
		out := make([]string, 0, len(xs))
		for _, x := range xs {
			out = append(out, cleanLine(x))
		}
		return out
	}
	l.Title, l.Date, l.Subject = cleanLine(l.Title), cleanLine(l.Date), cleanLine(l.Subject)
	l.Greeting, l.Closing = cleanLine(l.Greeting), cleanLine(l.Closing)
	l.To, l.From, l.Signature, l.Encloses = lines(l.To), lines(l.From), lines(l.Signature), lines(l.Encloses)
	paras := strings.Split(l.Body, "\n")
	for i, p := range paras {
		paras[i] = cleanLine(p)
	}
	l.Body = strings.Join(paras, "\n")
	return l
}

func cleanLine(s string) string {
	return strings.NewReplacer(gapOpen, "", gapClose, "").Replace(cleanText(s))
}

// cleanText is entitlements.CleanText (escape sequences, controls and bidi overrides removed).
var cleanText = func(s string) string { return cleanTextImpl(s) }

// ---- Markdown ----

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "{", `\{`, "}", `\}`,
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`)

func mdLine(s string) string {
	s = mdEscaper.Replace(s)
	// A line that starts like a list item or a numbered list must not become one.
	if len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=') {
		s = `\` + s
	}
	for i, r := range s {
		if r >= '0' && r <= '9' {
			continue
		}
		if i > 0 && (r == '.' || r == ')') {
			s = s[:i] + `\` + s[i:]
		}
		break
	}
	return s
}

func mdBlock(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = mdLine(l)
	}
	return strings.Join(out, "  \n")
}

func markdown(l Letter) string {
	var b strings.Builder
	b.WriteString(mdBlock(l.From) + "\n\n")
	b.WriteString(mdLine(l.Date) + "\n\n")
	b.WriteString(mdBlock(l.To) + "\n\n")
	b.WriteString(mdLine(l.Greeting) + ",\n\n")
	b.WriteString("**" + mdLine(l.Subject) + "**\n\n")
	for _, p := range strings.Split(l.Body, "\n\n") {
		var ls []string
		for _, line := range strings.Split(p, "\n") {
			if rest, ok := strings.CutPrefix(line, "- "); ok {
				ls = append(ls, "- "+mdLine(rest))
			} else {
				ls = append(ls, mdLine(line))
			}
		}
		b.WriteString(strings.Join(ls, "\n") + "\n\n")
	}
	b.WriteString(mdLine(l.Closing) + ",\n\n\n")
	b.WriteString(mdBlock(l.Signature) + "\n")
	if len(l.Encloses) > 0 {
		b.WriteString("\nEnclosed:\n\n")
		for _, e := range l.Encloses {
			b.WriteString("- " + mdLine(e) + "\n")
		}
	}
	return b.String()
}

// ---- HTML ----

type htmlPara struct {
	Text  string
	Items []string
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Subject}}</title>
<style>
@page { size: A4; margin: 2cm }
html { background: #fff; color: #000 }
body { font-family: "Helvetica Neue", Arial, "Noto Sans", sans-serif; font-size: 11pt; line-height: 1.45; max-width: 17cm; margin: 0 auto; padding: 1cm 0 }
@media print { body { padding: 0; max-width: none } }
address { font-style: normal }
.from { text-align: right; margin-left: auto; width: 60% }
.from p, .to p { margin: 0 }
.date { margin: 1.2em 0 }
.to { margin-bottom: 1.5em }
.line { unicode-bidi: isolate; overflow-wrap: anywhere }
.subject { font-weight: bold; margin: 1em 0 }
main p, main li { overflow-wrap: anywhere }
.sign { margin-top: 2em }
.sign .space { height: 3em }
.encl { margin-top: 2em }
.encl ul { margin: 0.3em 0 }
</style>
</head>
<body>
<main>
<address class="from">{{range .From}}<p class="line" dir="auto">{{.}}</p>
{{end}}</address>
<p class="date">{{.Date}}</p>
<address class="to">{{range .To}}<p class="line" dir="auto">{{.}}</p>
{{end}}</address>
<p>{{.Greeting}},</p>
<p class="subject" dir="auto">{{.Subject}}</p>
{{range .Paras}}{{if .Items}}<ul>
{{range .Items}}<li dir="auto">{{.}}</li>
{{end}}</ul>
{{else}}<p dir="auto">{{.Text}}</p>
{{end}}{{end}}<div class="sign">
<p>{{.Closing}},</p>
<div class="space"></div>
{{range .Signature}}<p class="line" dir="auto">{{.}}</p>
{{end}}</div>
{{if .Encloses}}<div class="encl">
<p>Enclosed:</p>
<ul>
{{range .Encloses}}<li dir="auto">{{.}}</li>
{{end}}</ul>
</div>
{{end}}</main>
</body>
</html>
`))

func htmlPage(l Letter) ([]byte, error) {
	var paras []htmlPara
	for _, p := range strings.Split(l.Body, "\n\n") {
		var hp htmlPara
		for _, line := range strings.Split(p, "\n") {
			if rest, ok := strings.CutPrefix(line, "- "); ok {
				hp.Items = append(hp.Items, rest)
			} else if len(hp.Items) == 0 {
				if hp.Text != "" {
					hp.Text += " "
				}
				hp.Text += line
			} else {
				paras = append(paras, hp)
				hp = htmlPara{Text: line}
			}
		}
		if len(hp.Items) > 0 && hp.Text != "" {
			paras = append(paras, htmlPara{Text: hp.Text})
			hp.Text = ""
		}
		paras = append(paras, hp)
	}
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, struct {
		Letter
		Paras []htmlPara
	}{l, paras})
	return b.Bytes(), err
}

// ---- PDF ----

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

// drawable replaces each character the font has no glyph for with "?", and warns once per
// character and field.
func drawable(f *sfnt.Font, field, s string, warn func(string)) string {
	var buf sfnt.Buffer
	var b strings.Builder
	seen := map[rune]bool{}
	for _, r := range s {
		if r == ' ' {
			b.WriteRune(r)
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == '\u200d' || (r >= 0xfe00 && r <= 0xfe0f) {
			// joiners, variation selectors and combining marks belong to the character before.
			if idx, err := f.GlyphIndex(&buf, r); err == nil && idx != 0 {
				b.WriteRune(r)
			}
			continue
		}
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			if !seen[r] {
				seen[r] = true
				warn(fmt.Sprintf("PDF: the character %q (U+%04X) in the %s cannot be drawn with the letter's font and is shown as \"?\"; use the HTML or text version to keep it", string(r), r, field))
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
)

type pdfWriter struct {
	pdf *gopdf.GoPdf
	y   float64
}

func (w *pdfWriter) need(h float64) {
	if w.y+h > pageH-margin {
		w.pdf.AddPage()
		w.y = margin
	}
}

func (w *pdfWriter) font(bold bool) error {
	if bold {
		return w.pdf.SetFont("bold", "", fontSize)
	}
	return w.pdf.SetFont("regular", "", fontSize)
}

// text writes s wrapped to width at x (right-aligned when right is set).
func (w *pdfWriter) text(s string, x, width float64, right bool) error {
	if strings.TrimSpace(s) == "" {
		w.y += lineH
		return nil
	}
	lines, err := w.pdf.SplitTextWithWordWrap(s, width)
	if err != nil {
		return err
	}
	for _, ln := range lines {
		w.need(lineH)
		lx := x
		if right {
			tw, err := w.pdf.MeasureTextWidth(ln)
			if err != nil {
				return err
			}
			lx = x + width - tw
		}
		w.pdf.SetXY(lx, w.y)
		if err := w.pdf.Cell(nil, ln); err != nil {
			return err
		}
		w.y += lineH
	}
	return nil
}

func pdfLetter(l Letter) ([]byte, []string, error) {
	if err := pdfFonts(); err != nil {
		return nil, nil, fmt.Errorf("pdf font: %v", err)
	}
	var warnings []string
	warn := func(s string) { warnings = append(warnings, s) }
	fix := func(field string, xs []string, bold bool) []string {
		f := fontRegular
		if bold {
			f = fontBold
		}
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = drawable(f, field, x, warn)
		}
		return out
	}
	from := fix("sender's address", l.From, false)
	date := drawable(fontRegular, "date", l.Date, warn)
	to := fix("recipient's address", l.To, false)
	greeting := drawable(fontRegular, "greeting", l.Greeting, warn)
	subject := drawable(fontBold, "subject", l.Subject, warn)
	body := fix("body", strings.Split(l.Body, "\n"), false)
	closing := drawable(fontRegular, "closing", l.Closing, warn)
	sig := fix("signature", l.Signature, false)
	encl := fix("enclosures", l.Encloses, false)

	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: subject, Creator: "kincare"})
	if err := pdf.AddTTFFontData("regular", goregular.TTF); err != nil {
		return nil, nil, err
	}
	if err := pdf.AddTTFFontData("bold", gobold.TTF); err != nil {
		return nil, nil, err
	}
	pdf.AddPage()
	w := &pdfWriter{pdf: pdf, y: margin}
	if err := w.font(false); err != nil {
		return nil, nil, err
	}
	steps := []func() error{
		func() error {
			for _, s := range from {
				if err := w.text(s, margin+textW*0.4, textW*0.6, true); err != nil {
					return err
				}
			}
			w.y += lineH
			return w.text(date, margin, textW, false)
		},
		func() error {
			w.y += lineH
			for _, s := range to {
				if err := w.text(s, margin, textW*0.6, false); err != nil {
					return err
				}
			}
			w.y += lineH
			if err := w.text(greeting+",", margin, textW, false); err != nil {
				return err
			}
			w.y += lineH / 2
			if err := w.font(true); err != nil {
				return err
			}
			if err := w.text(subject, margin, textW, false); err != nil {
				return err
			}
			w.y += lineH / 2
			return w.font(false)
		},
		func() error {
			for _, p := range body {
				if p == "" {
					w.y += lineH / 2
					continue
				}
				if rest, ok := strings.CutPrefix(p, "- "); ok {
					w.need(lineH)
					pdf.SetXY(margin+6, w.y)
					if err := pdf.Cell(nil, "•"); err != nil {
						return err
					}
					if err := w.text(rest, margin+18, textW-18, false); err != nil {
						return err
					}
					continue
				}
				if err := w.text(p, margin, textW, false); err != nil {
					return err
				}
			}
			return nil
		},
		func() error {
			w.y += lineH
			w.need(lineH * 5)
			if err := w.text(closing+",", margin, textW, false); err != nil {
				return err
			}
			w.y += lineH * 2.5
			for _, s := range sig {
				if err := w.text(s, margin, textW, false); err != nil {
					return err
				}
			}
			if len(encl) > 0 {
				w.y += lineH
				if err := w.text("Enclosed:", margin, textW, false); err != nil {
					return err
				}
				for _, e := range encl {
					if err := w.text("•  "+e, margin, textW, false); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return nil, warnings, fmt.Errorf("pdf: %v", err)
		}
	}
	var out bytes.Buffer
	if _, err := pdf.WriteTo(&out); err != nil {
		return nil, warnings, fmt.Errorf("pdf: %v", err)
	}
	return out.Bytes(), warnings, nil
}

func cleanTextImpl(s string) string { return entitlements.CleanText(s) }
