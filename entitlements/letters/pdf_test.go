package letters

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
)

// pdfText extracts the text of a PDF's pages (from, to; 0 for all) with pdftotext.
func pdfText(t *testing.T, pdf []byte, from, to int) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{}
	if from > 0 {
		args = append(args, "-f", fmt.Sprint(from), "-l", fmt.Sprint(to))
	}
	out, err := exec.Command(path, append(args, f, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func exportPDF(t *testing.T, l Letter) ([]byte, []string) {
	t.Helper()
	out, warns, err := Export(l, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	return out, warns
}

// The PDF carries the named recipient, the reference, the date, page numbers and names in
// Latin, Greek and Cyrillic letters as they were typed.
func TestPDFText(t *testing.T) {
	d := fullDetails(t)
	d.Carer.Name = "Γιώργος Παπαδόπουλος"
	d.Child = &entitlements.Child{Name: "Анна Ивановa Ní Łukasz", DateOfBirth: "2019-05-14"}
	l, err := Draft(Input{RequestID: ComplaintStage1, Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today, Earlier: earlier})
	if err != nil {
		t.Fatal(err)
	}
	out, warns := exportPDF(t, l)
	if len(warns) > 0 {
		t.Errorf("no character should be missing: %q", warns)
	}
	s := pdfText(t, out, 0, 0)
	for _, want := range []string{"Ms A Khan", "Children's Complaints", "Your reference: LCC/COMP/123", "23 November 2026", "Page 1 of",
		"Dear Ms Khan", "Yours sincerely", "Γιώργος Παπαδόπουλος", "Анна Ивановa Ní Łukasz", "Copy to:", "Director of Children's Services"} {
		if !strings.Contains(s, want) {
			t.Errorf("pdf text lacks %q:\n%s", want, s)
		}
	}
}

// Arabic cannot be shaped by this PDF export: it refuses, naming the character, and the HTML
// export keeps the name in logical order.
func TestPDFRefusesRightToLeftAndHTMLKeepsIt(t *testing.T) {
	name := "زينب الحسن"
	l := oddLetter(t, name)
	_, _, err := Export(l, "pdf")
	var rtl *RightToLeftError
	if !errors.As(err, &rtl) || rtl.Char != 'ز' || !strings.Contains(err.Error(), "U+0632") || !strings.Contains(err.Error(), "HTML") {
		t.Fatalf("want a refusal naming U+0632 and offering HTML, got %v", err)
	}
	html, _, err := Export(l, "html")
	if err != nil || !strings.Contains(string(html), `<p class="line" dir="auto">`+name+`</p>`) {
		t.Errorf("html should keep %q in logical order: %v", name, err)
	}
}

// A character the font cannot draw is reported once, however often it appears.
func TestPDFWarnsOncePerCharacter(t *testing.T) {
	l := oddLetter(t, "Zoë 👵 Okafor")
	l.Body += "\n\n👵 👵 👵"
	l.Subject += " 👵"
	_, warns := exportPDF(t, l)
	n := 0
	for _, w := range warns {
		if strings.Contains(w, "U+1F475") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one warning for U+1F475, got %d: %q", n, warns)
	}
}

// However long the body, the closing and signature are never alone on a page: the last
// paragraph goes with them. Enclosures hang indented under their bullet.
func TestPDFKeepsClosingWithLastParagraph(t *testing.T) {
	base := oddLetter(t, "Margaret Okafor")
	base.Encloses = []string{"A copy of the special guardianship order made on 1 March 2024, with details about the birth family blacked out, and the council's letter of 3 May 2024"}
	twoPages, closingOnTwo := 0, 0
	for n := 20; n <= 44; n += 2 {
		l := base
		var paras []string
		for i := 0; i < n; i++ {
			paras = append(paras, fmt.Sprintf("Paragraph %d says something that the council needs to know about the child.", i))
		}
		paras = append(paras, "LASTPARA is the final paragraph of the letter.")
		l.Body = strings.Join(paras, "\n\n")
		out, _ := exportPDF(t, l)
		all := pdfText(t, out, 0, 0)
		if !strings.Contains(all, "Page 1 of 2") {
			continue
		}
		twoPages++
		p2 := pdfText(t, out, 2, 2)
		if strings.Contains(p2, "Yours faithfully") {
			closingOnTwo++
		}
		if strings.Contains(p2, "Yours faithfully") != strings.Contains(p2, "LASTPARA") {
			t.Errorf("%d paragraphs: the closing and the last paragraph are on different pages:\npage 2: %s", n, p2)
		}
		if !strings.Contains(p2, "Page 2 of 2") {
			t.Errorf("%d paragraphs: page 2 lacks its number", n)
		}
	}
	if twoPages < 3 || closingOnTwo == 0 {
		t.Fatalf("only %d of the letters ran to two pages (%d with the closing on page 2); the test needs more", twoPages, closingOnTwo)
	}
}
