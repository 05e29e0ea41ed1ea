package letters

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

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
	l.Greeting, l.Closing, l.Reference = cleanLine(l.Greeting), cleanLine(l.Closing), cleanLine(l.Reference)
	l.To, l.From, l.Signature, l.Encloses = lines(l.To), lines(l.From), lines(l.Signature), lines(l.Encloses)
	l.CopyTo = lines(l.CopyTo)
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

var mdEscaper = strings.NewReplacer(`\`, `\\`, "&", `\&`, "`", "\\`", "*", `\*`, "_", `\_`, "{", `\{`, "}", `\}`,
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
	if l.Reference != "" {
		b.WriteString("Your reference: " + mdLine(l.Reference) + "\n\n")
	}
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
	if len(l.CopyTo) > 0 {
		b.WriteString("\nCopy to:\n\n")
		for _, e := range l.CopyTo {
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
body { font-family: "Helvetica Neue", Arial, "Noto Sans", "Noto Sans Arabic", sans-serif, "Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji"; font-size: 11pt; line-height: 1.45; max-width: 17cm; margin: 0 auto; padding: 1cm 0 }
@media print { body { padding: 0; max-width: none } }
address { font-style: normal }
.from { text-align: right; margin-left: auto; width: 60% }
.from p, .to p { margin: 0 }
.date { margin: 1.2em 0 }
.to { margin-bottom: 1.5em }
.line { unicode-bidi: isolate; overflow-wrap: anywhere }
.subject { font-weight: bold; margin: 1em 0 }
main p, main li { overflow-wrap: anywhere; orphans: 3; widows: 3 }
.last-block { break-inside: avoid; page-break-inside: avoid }
.ref { margin: 0 0 1.2em }
.sign { margin-top: 2em }
.sign .space { height: 3em }
.encl { margin-top: 2em }
.encl ul, .copy ul { margin: 0.3em 0 }
.copy { margin-top: 1em }
</style>
</head>
<body>
<main>
<address class="from">{{range .From}}<p class="line" dir="auto">{{.}}</p>
{{end}}</address>
<p class="date">{{.Date}}</p>
<address class="to">{{range .To}}<p class="line" dir="auto">{{.}}</p>
{{end}}</address>
{{if .Reference}}<p class="ref" dir="auto">Your reference: {{.Reference}}</p>
{{end}}<p>{{.Greeting}},</p>
<p class="subject" dir="auto">{{.Subject}}</p>
{{range .Paras}}{{if .Items}}<ul>
{{range .Items}}<li dir="auto">{{.}}</li>
{{end}}</ul>
{{else}}<p dir="auto">{{.Text}}</p>
{{end}}{{end}}<div class="last-block">
{{with .Last}}{{if .Items}}<ul>
{{range .Items}}<li dir="auto">{{.}}</li>
{{end}}</ul>
{{else}}<p dir="auto">{{.Text}}</p>
{{end}}{{end}}<div class="sign">
<p>{{.Closing}},</p>
<div class="space"></div>
{{range .Signature}}<p class="line" dir="auto">{{.}}</p>
{{end}}</div>
</div>
{{if .Encloses}}<div class="encl">
<p>Enclosed:</p>
<ul>
{{range .Encloses}}<li dir="auto">{{.}}</li>
{{end}}</ul>
</div>
{{end}}{{if .CopyTo}}<div class="copy">
<p>Copy to:</p>
<ul>
{{range .CopyTo}}<li dir="auto">{{.}}</li>
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
	// The last paragraph is kept on one page with the closing and signature.
	var last *htmlPara
	if len(paras) > 0 {
		last = &paras[len(paras)-1]
		paras = paras[:len(paras)-1]
	}
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, struct {
		Letter
		Paras []htmlPara
		Last  *htmlPara
	}{l, paras, last})
	return b.Bytes(), err
}

func cleanTextImpl(s string) string { return entitlements.CleanText(s) }
