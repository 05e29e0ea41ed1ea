package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDraftCommand(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.json")
	os.WriteFile(answers, []byte(`{"as_of": "2026-11-22", "answers": {"country": "england", "living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "child_age": 7, "legal_status": "sgo", "previously_looked_after": "yes", "order_date": "2024-03-01", "council": "Leeds", "placing_council": "Leeds", "in_work": "yes"}}`), 0o600)
	details := filepath.Join(dir, "d.json")
	os.WriteFile(details, []byte(`{"carer": {"name": "Zoë \u001b]52;c;SGVsbG8=\u0007Okafor", "address": ["12 Mill Lane", "Leeds"], "postcode": "LS1 4AB"}, "child": {"name": "Tyler Okafor"}}`), 0o600)

	out := filepath.Join(dir, "letter.txt")
	code, _, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--request", "sg_support_assessment", "--details", details, "--format", "txt", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, "Zoë Okafor") || strings.ContainsRune(text, '\x1b') || strings.ContainsRune(text, '\a') {
		t.Errorf("the carer's name was not cleaned into the letter:\n%s", text)
	}
	if !strings.Contains(text, "Special Guardianship Regulations 2005") || !strings.Contains(text, "Tyler Okafor") {
		t.Errorf("letter does not cite its duty or name the child:\n%s", text)
	}
	if !strings.Contains(stderr, "Fill these in before sending") || !strings.Contains(stderr, "date of birth") {
		t.Errorf("missing details should be listed: %q", stderr)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("letter file mode %v", fi.Mode().Perm())
	}
	// Never overwritten without --force.
	if code, _, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--request", "sg_support_assessment", "--format", "txt", "--out", out); code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: %d %q", code, stderr)
	}
	// Every format writes something that looks like that format.
	for format, magic := range map[string]string{"md": "Tyler", "html": "<!DOCTYPE html>", "pdf": "%PDF-"} {
		p := filepath.Join(dir, "letter."+format)
		if code, _, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--details", details, "--request", "virtual_school_advice", "--format", format, "--out", p); code != 0 {
			t.Fatalf("%s: %s", format, stderr)
		}
		b, _ := os.ReadFile(p)
		if !strings.Contains(string(b), magic) && !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s output does not start like one", format)
		}
	}
	// A letter that is not offered for these answers: exit 2, naming the outcome.
	code, stdout, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--request", "private_fostering_notice", "--format", "txt", "--out", "-")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "private_fostering") {
		t.Errorf("not offered: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "", nil, "draft", "--answers", answers, "--request", "pony", "--format", "txt", "--out", "-"); code != 2 || !strings.Contains(stderr, "virtual_school_advice") {
		t.Errorf("unknown request: %d %q", code, stderr)
	}
}

// A family's letters: one naming both children where the ask is the same, one per child
// otherwise; a right-to-left letter the PDF cannot join (Persian پ) is refused with exit 2 and
// HTML offered.
func TestDraftFamilyAndRightToLeft(t *testing.T) {
	dir := t.TempDir()
	family := filepath.Join(dir, "f.json")
	os.WriteFile(family, []byte(`{"as_of": "2026-11-22", "household": {"country": "england", "council": "Leeds", "in_work": "yes"},
		"children": [{"name": "Tyler", "answers": {"living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "legal_status": "sgo", "previously_looked_after": "yes", "order_date": "2024-03-01", "placing_council": "Leeds", "child_age": 7, "education": "primary", "school_type": "state"}},
		             {"name": "Ava", "answers": {"living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "legal_status": "sgo", "previously_looked_after": "yes", "order_date": "2024-03-01", "placing_council": "Leeds", "child_age": 5, "education": "primary", "school_type": "state"}}]}`), 0o600)
	details := filepath.Join(dir, "d.json")
	os.WriteFile(details, []byte(`{"carer": {"name": "پریا الحسن"}, "children": [{"name": "Tyler Okafor"}, {"name": "Ava Okafor"}]}`), 0o600)
	out := filepath.Join(dir, "vs.txt")
	if code, _, stderr := runCLI(t, "", nil, "draft", "--answers", family, "--details", details, "--request", "virtual_school_advice", "--format", "txt", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "Tyler Okafor and Ava Okafor") {
		t.Errorf("one Virtual School letter names both children:\n%s", b)
	}
	pp := filepath.Join(dir, "pp.txt")
	if code, _, stderr := runCLI(t, "", nil, "draft", "--answers", family, "--details", details, "--request", "school_pupil_premium_plus", "--format", "txt", "--out", pp); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pp-2.txt")); err != nil || !strings.Contains(string(b), "Ava Okafor") {
		t.Errorf("the second child's Pupil Premium Plus letter: %v", err)
	}
	code, _, stderr := runCLI(t, "", nil, "draft", "--answers", family, "--details", details, "--request", "virtual_school_advice", "--format", "pdf", "--out", filepath.Join(dir, "x.pdf"))
	if code != 2 || !strings.Contains(stderr, "U+067E") || !strings.Contains(stderr, "HTML") {
		t.Errorf("right-to-left PDF: exit %d %q", code, stderr)
	}
}
