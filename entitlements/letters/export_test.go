package letters

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
)

var oddNames = []string{
	"Zoë 👵 Okafor",
	"زينب الحسن",
	"שרה כהן",
	"Eve\x1b[31mRed\x1b]52;c;SGVsbG8=\x07 <script>alert(1)</script> & Co",
}

func oddLetter(t *testing.T, name string) Letter {
	t.Helper()
	d := fullDetails(t)
	d.Carer = &entitlements.Person{Name: name, Address: []string{"12 Mill Lane", "Leeds \x1b[2J"}, Postcode: "LS1 4AB"}
	l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestExportFormats(t *testing.T) {
	for _, name := range oddNames {
		l := oddLetter(t, name)
		// A letter edited by hand keeps its escape sequences out of every format too.
		l.Subject += " \x1b]52;c;SGVsbG8=\x07"
		for _, f := range Formats {
			out, warns, err := Export(l, f)
			var rtl *RightToLeftError
			if f == "pdf" && errors.As(err, &rtl) {
				if !strings.ContainsRune(name, rtl.Char) || !strings.Contains(err.Error(), "HTML") {
					t.Errorf("pdf %q: the refusal should name a character of the name and offer HTML: %v", name, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s %q: %v", f, name, err)
			}
			if f == "pdf" {
				checkPDF(t, name, out, warns)
				continue
			}
			if bytes.ContainsAny(out, "\x1b\x07") {
				t.Errorf("%s %q: control characters in the output", f, name)
			}
			if len(warns) > 0 {
				t.Errorf("%s: unexpected warnings %q", f, warns)
			}
			s := string(out)
			if f == "html" {
				checkHTML(t, name, s)
			}
			if f == "md" && strings.Contains(name, "&") && !strings.Contains(s, `\& Co`) {
				t.Errorf("md: an ampersand is not escaped, so an entity in a name would render: %s", s)
			}
			if f == "md" && strings.Contains(s, "<script>") {
				t.Errorf("md: raw HTML passes through: %s", s)
			}
			if !strings.Contains(s, "23 November 2026") {
				t.Errorf("%s: no date", f)
			}
		}
	}
	if _, _, err := Export(Letter{}, "docx"); err == nil {
		t.Error("unknown format must be an error")
	}
}

func checkHTML(t *testing.T, name, s string) {
	t.Helper()
	for _, want := range []string{"<!DOCTYPE html>", `<meta charset="utf-8">`, "@page { size: A4; margin: 2cm }", "<main>", "</main>", "</html>"} {
		if !strings.Contains(s, want) {
			t.Errorf("html %q: lacks %q", name, want)
		}
	}
	if strings.Contains(name, "<script>") && !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("html %q: the name is not escaped", name)
	}
	if strings.Contains(s, "<script>") {
		t.Errorf("html %q: unescaped <script>", name)
	}
	for _, tag := range []string{"html", "head", "body", "main", "address", "ul", "li", "p", "div", "style", "title"} {
		open := strings.Count(s, "<"+tag+">") + strings.Count(s, "<"+tag+" ")
		closed := strings.Count(s, "</"+tag+">")
		if open != closed {
			t.Errorf("html %q: <%s> opened %d times, closed %d", name, tag, open, closed)
		}
	}
	if strings.Count(s, "<") != strings.Count(s, ">") {
		t.Errorf("html %q: unbalanced angle brackets", name)
	}
}

func checkPDF(t *testing.T, name string, out []byte, warns []string) {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("pdf %q: does not start with %%PDF-", name)
	}
	if strings.Contains(name, "👵") {
		found := false
		for _, w := range warns {
			if strings.Contains(w, "👵") && strings.Contains(w, "U+1F475") && strings.Contains(w, "sender") {
				found = true
			}
		}
		if !found {
			t.Errorf("pdf: the emoji is not reported: %q", warns)
		}
	}
	if path, err := exec.LookPath("pdftotext"); err == nil {
		dir := t.TempDir()
		f := filepath.Join(dir, "x.pdf")
		if err := os.WriteFile(f, out, 0o600); err != nil {
			t.Fatal(err)
		}
		txt, err := exec.Command(path, "-layout", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		s := strings.Join(strings.Fields(string(txt)), " ")
		for _, want := range []string{"23 November 2026", "City of Bradford Metropolitan District Council", "Special Guardianship Support Team", "Please reply in writing by 21 December 2026", "Page 1 of"} {
			if !strings.Contains(s, want) {
				t.Errorf("pdf %q: text lacks %q:\n%s", name, want, s)
			}
		}
		if strings.Contains(name, "Zoë") && !strings.Contains(s, "Zoë ? Okafor") {
			t.Errorf("pdf: the name should read \"Zoë ? Okafor\":\n%s", s)
		}
	}
}
