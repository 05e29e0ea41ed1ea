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

// unshape maps Arabic presentation forms back to their letters (lam-alef to two letters), so
// text taken from a PDF can be compared with what was typed.
func unshape(s string) string {
	back := map[rune]string{}
	for letter, forms := range arabicForms {
		for _, f := range forms {
			back[f] = string(letter)
		}
	}
	for alef, forms := range lamAlef {
		back[forms[0]], back[forms[1]] = string([]rune{lam, alef}), string([]rune{lam, alef})
	}
	var b strings.Builder
	for _, r := range s {
		if x, ok := back[r]; ok {
			b.WriteString(x)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Arabic and Hebrew names are drawn joined and right to left: the text taken back out of the
// PDF reads in logical order, as typed. A right-to-left letter this export cannot join is
// refused, naming it, and the HTML export keeps it.
func TestPDFRightToLeft(t *testing.T) {
	for _, name := range []string{"زينب الحسن", "لؤي عبد الله", "שרה כהן"} {
		l := oddLetter(t, name)
		l.To = append(l.To, "شارع الملك فهد 12")
		out, warns := exportPDF(t, l)
		if len(warns) > 0 {
			t.Errorf("%s: %q", name, warns)
		}
		s := unshape(pdfText(t, out, 0, 0))
		// pdftotext puts a number beside right-to-left words where it is drawn; visualOrder's
		// test checks the address's order exactly.
		for _, want := range []string{name, "شارع الملك فهد", "Page 1 of"} {
			if !strings.Contains(s, want) {
				t.Errorf("pdf text lacks %q in logical order:\n%s", want, s)
			}
		}
	}
	l := oddLetter(t, "پریا")
	_, _, err := Export(l, "pdf")
	var rtl *RightToLeftError
	if !errors.As(err, &rtl) || rtl.Char != 'پ' || !strings.Contains(err.Error(), "U+067E") || !strings.Contains(err.Error(), "HTML") {
		t.Fatalf("want a refusal naming U+067E and offering HTML, got %v", err)
	}
	html, _, err := Export(l, "html")
	if err != nil || !strings.Contains(string(html), `<p class="line" dir="auto">پریا</p>`) {
		t.Errorf("html should keep the name in logical order: %v", err)
	}
}

// Shaping: a letter takes its joined form from its neighbours; lam and alef join as one.
func TestShapeArabic(t *testing.T) {
	got := shapeArabic([]rune("بيت لا"))
	want := []rune{0xFE91, 0xFEF4, 0xFE96, ' ', 0xFEFB}
	if string(got) != string(want) {
		t.Errorf("shape = %U, want %U", got, want)
	}
	for logical, want := range map[string]string{
		"abc (دب) 12":       "abc (بد) 12",
		"شارع الملك فهد 12": "12 دهف كلملا عراش",
		"Dear זה,":          "Dear הז,",
		"Plain text":        "Plain text",
	} {
		if v := string(visualOrder([]rune(logical))); v != want {
			t.Errorf("visualOrder(%q) = %q, want %q", logical, v, want)
		}
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
