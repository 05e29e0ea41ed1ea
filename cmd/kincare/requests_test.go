package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
	"kincare/storage"
)

const familyFile = `{"as_of": "2026-12-18",
 "household": {"country": "england", "council": "Leeds", "benefits": "no", "in_work": "yes"},
 "children": [
  {"name": "Tyler Okafor", "answers": {"living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "child_age": 7,
    "child_disabled": "no", "legal_status": "sgo", "previously_looked_after": "yes", "order_date": "2024-03-01", "placing_council": "Leeds",
    "education": "primary", "school_type": "state", "ehcp": "no", "parents_died": "none", "court_case": "none",
    "sg_financial_support": "no", "considering_order": "none"}},
  {"name": "Ava Okafor", "answers": {"living_with_carer": "yes", "parent_in_home": "no", "relationship": "grandparent", "child_age": 2,
    "legal_status": "sgo", "previously_looked_after": "yes"}}]}`

// The tracking journey from a script: draft, mark sent on 18 December 2026, follow up when
// the reply is late, mark the follow-up sent, and both letters keep their own dates.
func TestRequestTrackingScript(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"KINCARE_DB": filepath.Join(dir, "cases.db")}
	answers := filepath.Join(dir, "family.json")
	os.WriteFile(answers, []byte(familyFile), 0o600)
	code, out, stderr := runCLI(t, "", env, "new", "--answers", answers)
	if code != 0 {
		t.Fatal(stderr)
	}
	id := strings.TrimSpace(out)
	if _, out, _ := runCLI(t, "", env, "cases"); !strings.Contains(out, "Tyler (7), Ava (2)") || !strings.Contains(out, "Tyler, Ava, Leeds") {
		t.Fatalf("cases = %q", out)
	}
	req := []string{"--case", id, "--request", "virtual_school_advice"}
	track := func(want int, args ...string) string {
		t.Helper()
		code, out, stderr := runCLI(t, "", env, append([]string{"requests"}, args...)...)
		if code != want {
			t.Fatalf("requests %v: exit %d, want %d: %s", args, code, want, stderr)
		}
		return out + stderr
	}
	if msg := track(2, append([]string{"draft", "--today", "2026-12-18"}, req...)...); !strings.Contains(msg, "Tyler, Ava") {
		t.Fatalf("a family letter without --child: %s", msg)
	}
	track(0, append([]string{"draft", "--child", "Tyler", "--today", "2026-12-18"}, req...)...)
	out = track(0, append([]string{"sent", "--on", "2026-12-18", "--how", "email", "--today", "2026-12-18"}, req...)...)
	due := storage.ReplyDueFor("virtual_school_advice", false, entitlements.MustDate("2026-12-18"), storage.SentByEmail)
	if !strings.Contains(out, due.Long()) {
		t.Fatalf("sent: %s (reply due %s)", out, due)
	}
	if msg := track(2, append([]string{"follow-up", "--today", due.String()}, req...)...); !strings.Contains(msg, "not late yet") {
		t.Fatalf("a follow-up on the due day: %s", msg)
	}
	late := due.AddDays(1)
	track(0, append([]string{"follow-up", "--today", late.String()}, req...)...)
	track(0, append([]string{"sent", "--follow-up", "--on", late.String(), "--how", "post", "--today", late.String()}, req...)...)
	fdue := storage.ReplyDueFor("virtual_school_advice", true, late, storage.SentByPost)

	out = track(0, "--due", "--today", late.String())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("requests --due:\n%s", out)
	}
	first, follow := strings.Fields(lines[1]), strings.Fields(lines[2])
	if first[0] != due.String() || !strings.Contains(lines[1], "followed up") || !strings.Contains(lines[1], "2026-12-18 by email") || !strings.Contains(lines[1], "Tyler") {
		t.Fatalf("the first letter lost its dates: %q", lines[1])
	}
	if follow[0] != fdue.String() || !strings.Contains(lines[2], "(follow-up)") || !strings.Contains(lines[2], late.String()+" by post") {
		t.Fatalf("the follow-up's own dates: %q (due %s)", lines[2], fdue)
	}
	// the follow-up letter says what was asked, and when the first reply was due
	c := getCase(t, env, id)
	if f := c.Requests[0].FollowUps[0].Text; !strings.Contains(f, "18 December 2026") || !strings.Contains(f, due.Long()) {
		t.Fatalf("follow-up text:\n%s", f)
	}
	if out := track(0, "--due", "--today", fdue.AddDays(1).String()); !strings.Contains(out, "OVERDUE") {
		t.Fatalf("late follow-up: %s", out)
	}
	track(0, append([]string{"replied", "--on", fdue.String(), "--today", fdue.String()}, req...)...)
	if out := track(0, "--due", "--today", fdue.String()); !strings.Contains(out, "No letters are waiting") {
		t.Fatalf("after the reply: %s", out)
	}
	if out := track(0, "--today", fdue.String()); !strings.Contains(out, "replied "+fdue.String()) || strings.Count(out, "virtual_school_advice") != 2 {
		t.Fatalf("the full list keeps both letters: %s", out)
	}

	// bad input: exit 2 and a message, nothing changed
	for _, args := range [][]string{
		{"sent", "--case", "0123", "--request", "virtual_school_advice", "--on", "2026-12-18", "--how", "post", "--today", "2027-03-01"},
		{"sent", "--case", id, "--request", "no_such_letter", "--on", "2026-12-18", "--how", "post", "--today", "2027-03-01"},
		{"sent", "--case", id, "--request", "virtual_school_advice", "--on", "18/12/2026", "--how", "post"},
		{"sent", "--case", id, "--request", "virtual_school_advice", "--on", "2026-12-18", "--how", "pigeon", "--today", "2027-03-01"},
		{"sent", "--case", id, "--request", "virtual_school_advice", "--on", "2027-03-02", "--how", "post", "--today", "2027-03-01"},
		{"sent", "--case", id, "--request", "virtual_school_advice", "--on", "2026-12-20", "--how", "post", "--today", "2027-03-01"},
		{"replied", "--case", id, "--request", "virtual_school_advice", "--on", "someday"},
		{"--today", "tomorrow"},
		{"resend"},
	} {
		track(2, args...)
	}
	if after := getCase(t, env, id); after.Requests[0].SentOn != "2026-12-18" || after.Requests[0].ReplyDue != due.String() {
		t.Fatalf("bad input changed the letter: %+v", after.Requests[0])
	}
}

func getCase(t *testing.T, env map[string]string, id string) storage.Case {
	t.Helper()
	d, err := storage.Open(env["KINCARE_DB"], storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := d.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A family goes out and back in through export and import; an export made before families
// imports as families of one.
func TestFamilyExportImport(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"KINCARE_DB": filepath.Join(dir, "a.db")}
	answers := filepath.Join(dir, "family.json")
	os.WriteFile(answers, []byte(familyFile), 0o600)
	if code, _, stderr := runCLI(t, "", env, "new", "--answers", answers, "--label", "Okafor"); code != 0 {
		t.Fatal(stderr)
	}
	exp := filepath.Join(dir, "out.json")
	if code, _, stderr := runCLI(t, "", env, "export", "--out", exp); code != 0 {
		t.Fatal(stderr)
	}
	other := map[string]string{"KINCARE_DB": filepath.Join(dir, "b.db")}
	for _, file := range []string{exp, "../../storage/testdata/export-v1.json"} {
		if code, _, stderr := runCLI(t, "", other, "import", file); code != 0 {
			t.Fatalf("%s: %s", file, stderr)
		}
	}
	_, out, _ := runCLI(t, "", other, "cases")
	if !strings.Contains(out, "Tyler (7), Ava (2)") || !strings.Contains(out, "Łukasz (7)") || strings.Count(out, "\n") != 7 {
		t.Fatalf("cases after import:\n%s", out)
	}
}
