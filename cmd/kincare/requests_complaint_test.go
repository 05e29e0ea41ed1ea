package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// Escalation through the command line, as a script would drive it: a letter to the council is
// drafted, posted on 18 December 2026, followed up when its reply is late, the follow-up is
// posted, and when that reply is late too the complaint drafted from tracking names both
// letters with their dates in words. The complaint's own follow-up asks for stage 2.
func TestComplaintFromTrackingScript(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"KINCARE_DB": filepath.Join(dir, "cases.db")}
	answers := filepath.Join(dir, "family.json")
	if err := os.WriteFile(answers, []byte(familyFile), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", env, "new", "--answers", answers)
	if code != 0 {
		t.Fatal(stderr)
	}
	id := strings.TrimSpace(out)
	track := func(want int, args ...string) string {
		t.Helper()
		code, out, stderr := runCLI(t, "", env, append([]string{"requests"}, args...)...)
		if code != want {
			t.Fatalf("requests %v: exit %d, want %d: %s%s", args, code, want, out, stderr)
		}
		return out + stderr
	}
	const letter = "sg_support_assessment"
	req := []string{"--case", id, "--request", letter}
	complaint := []string{"draft", "--case", id, "--request", letters.ComplaintStage1, "--child", "Tyler"}
	sent := entitlements.MustDate("2026-12-18")

	track(0, append([]string{"draft", "--child", "Tyler", "--today", "2026-12-18"}, req...)...)
	if msg := track(2, append(complaint, "--today", "2026-12-18")...); !strings.Contains(msg, "refused or its reply is late") {
		t.Fatalf("a complaint before any letter is late: %s", msg)
	}
	out = track(0, append([]string{"sent", "--on", "2026-12-18", "--how", "post", "--today", "2026-12-18"}, req...)...)
	due := storage.ReplyDueFor(letter, false, sent, storage.SentByPost)
	if !strings.Contains(out, "18 December 2026") || !strings.Contains(out, due.Long()) || !strings.Contains(out, letters.Title(letter)) {
		t.Fatalf("sent: %s (reply due %s)", out, due)
	}
	late := letters.AddWorkingDays(due, 1)
	track(0, append([]string{"follow-up", "--today", late.String()}, req...)...)
	track(0, append([]string{"sent", "--follow-up", "--on", late.String(), "--how", "post", "--today", late.String()}, req...)...)
	fdue := storage.ReplyDueFor(letter, true, late, storage.SentByPost)
	if fdue != letters.AddWorkingDays(letters.AddWorkingDays(late, 2), letters.FollowUpReplyDays(letter)) {
		t.Fatalf("follow-up due %s", fdue)
	}

	// requests --due lists each letter with its own dates, named, with its id in a column
	out = track(0, "--due", "--today", late.String())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "LETTER ID") {
		t.Fatalf("requests --due:\n%s", out)
	}
	for i, want := range [][]string{
		{due.String(), "followed up", "2026-12-18 by post", letters.Title(letter), letter},
		{fdue.String(), "(follow-up)", late.String() + " by post", letter},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Fatalf("row %d lacks %q:\n%s", i+1, w, out)
			}
		}
	}
	// while the follow-up's reply is in time, there are no grounds for a complaint
	track(2, append(complaint, "--today", fdue.String())...)

	after := letters.AddWorkingDays(fdue, 1)
	if out := track(0, "--due", "--today", after.String()); !strings.Contains(out, "OVERDUE") || !strings.Contains(out, "complain") {
		t.Fatalf("a late follow-up points to a complaint:\n%s", out)
	}
	if msg := track(2, append([]string{"follow-up", "--today", after.String()}, req...)...); !strings.Contains(msg, "--request complaint_stage_1") {
		t.Fatalf("a second follow-up: %s", msg)
	}
	track(2, append(complaint, "--about", "virtual_school_advice", "--today", after.String())...)
	track(0, append(complaint, "--today", after.String())...)
	if out := track(0, "--today", after.String()); !strings.Contains(out, "see the complaint") || !strings.Contains(out, letters.Title(letters.ComplaintStage1)) {
		t.Fatalf("once the complaint is written the list points to it:\n%s", out)
	}

	c := getCase(t, env, id)
	text := c.Requests[1].Versions[0].Text
	for _, want := range []string{
		"I wrote on 18 December 2026 about \"Request for an assessment of special guardianship support",
		"The reply was due by " + due.Long(),
		"I wrote again on " + late.Long() + ". That reply was due by " + fdue.Long(),
		"I have not had a reply to my letter of 18 December 2026 or to my follow-up of " + late.Long(),
		"A copy of my letter of " + late.Long(),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the complaint lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "2026-12-18") || c.Requests[1].ID != letters.ComplaintStage1 {
		t.Errorf("dates in a letter are in words:\n%s", text)
	}
	// the letter's own dates are unchanged by all this
	if r := c.Requests[0]; r.SentOn != "2026-12-18" || r.ReplyDue != due.String() || r.Due() != fdue.String() {
		t.Fatalf("the letter's dates changed: %+v", r)
	}

	// the complaint is tracked in its turn; its follow-up asks for stage 2, with 25 working days
	creq := []string{"--case", id, "--request", letters.ComplaintStage1}
	track(0, append([]string{"sent", "--on", after.String(), "--how", "email", "--today", after.String()}, creq...)...)
	cdue := storage.ReplyDueFor(letters.ComplaintStage1, false, after, storage.SentByEmail)
	out = track(0, "--due", "--today", after.String())
	if rows := strings.Split(strings.TrimSpace(out), "\n"); len(rows) != 4 || !strings.HasPrefix(rows[3], cdue.String()) ||
		!strings.Contains(rows[3], after.String()+" by email") || !strings.Contains(rows[3], letters.ComplaintStage1) {
		t.Fatalf("the complaint is listed with its own dates after the letter and its follow-up:\n%s", out)
	}
	stage2 := letters.AddWorkingDays(cdue, 1)
	track(0, append([]string{"follow-up", "--today", stage2.String()}, creq...)...)
	c = getCase(t, env, id)
	if f := c.Requests[1].FollowUps[0].Text; !strings.Contains(f, "stage 2") || !strings.Contains(f, "25 working days") ||
		!strings.Contains(f, letters.AddWorkingDays(stage2, 25).Long()) || !strings.Contains(f, "Ombudsman") {
		t.Fatalf("stage 2 letter:\n%s", f)
	}

	// a refusal is grounds too, and the complaint says so with its date
	vs := []string{"--case", id, "--request", "virtual_school_advice"}
	track(0, append([]string{"draft", "--child", "Tyler", "--today", "2026-12-18"}, vs...)...)
	track(0, append([]string{"sent", "--on", "2026-12-18", "--how", "email", "--today", "2026-12-18"}, vs...)...)
	if out := track(0, append([]string{"replied", "--refused", "--on", "2027-01-06", "--today", "2027-01-06"}, vs...)...); !strings.Contains(out, "refused what was asked, on 6 January 2027") || !strings.Contains(out, "make a complaint") {
		t.Fatalf("after a refusal: %s", out)
	}
	track(0, append(complaint, "--about", "virtual_school_advice", "--today", "2027-01-06")...)
	c = getCase(t, env, id)
	if text := c.Requests[1].Versions[1].Text; !strings.Contains(text, "On 6 January 2027 the council refused my request") || strings.Contains(text, "special guardianship") {
		t.Fatalf("the complaint about the refusal:\n%s", text)
	}

	// bad input: exit 2 with a message
	for _, args := range [][]string{
		{"draft", "--case", "0123", "--request", letters.ComplaintStage1, "--today", "2027-03-01"},
		{"draft", "--case", id, "--request", "no_such_letter", "--today", "2027-03-01"},
		{"draft", "--case", id, "--request", letter, "--about", "virtual_school_advice", "--child", "Tyler"},
		{"draft", "--case", id, "--request", letters.ComplaintStage1, "--child", "Tyler", "--today", "1 March 2027"},
		{"replied", "--case", id, "--request", letter, "--on", "2027-02-30", "--refused"},
		{"sent", "--case", id, "--request", letters.ComplaintStage1, "--on", "18/12/2026", "--how", "post"},
	} {
		if msg := track(2, args...); strings.TrimSpace(msg) == "" {
			t.Errorf("%v: no message", args)
		}
	}
}
