package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
)

func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	code := run(args, e)
	return code, out.String(), errb.String()
}

func TestAssessScenarios(t *testing.T) {
	files, _ := filepath.Glob("../../entitlements/testdata/scenarios/*.json")
	if len(files) < 12 {
		t.Fatalf("expected the scenario set, found %d files", len(files))
	}
	for _, f := range files {
		var sc struct {
			AsOf    string          `json:"as_of"`
			Answers json.RawMessage `json:"answers"`
			Expect  struct {
				Arrangement string                           `json:"arrangement"`
				KinshipCare *bool                            `json:"kinship_care"`
				Status      map[string]entitlements.Status   `json:"status"`
				StatusAny   map[string][]entitlements.Status `json:"status_any"`
			} `json:"expect"`
		}
		data, _ := os.ReadFile(f)
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatal(err)
		}
		if sc.Answers == nil {
			continue // a family: TestAssessFamilyScenarios
		}
		in, _ := json.Marshal(map[string]any{"as_of": sc.AsOf, "answers": sc.Answers})
		code, out, stderr := runCLI(t, string(in), nil, "assess", "--answers", "-", "--as-of", sc.AsOf, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		var rep entitlements.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: output is not the report: %v", f, err)
		}
		if sc.Expect.Arrangement != "" && rep.Arrangement != sc.Expect.Arrangement {
			t.Errorf("%s: arrangement %s, want %s", filepath.Base(f), rep.Arrangement, sc.Expect.Arrangement)
		}
		if sc.Expect.KinshipCare != nil && rep.KinshipCare != *sc.Expect.KinshipCare {
			t.Errorf("%s: kinship_care %v", filepath.Base(f), rep.KinshipCare)
		}
		got := map[string]entitlements.Status{}
		for _, o := range rep.Outcomes {
			got[o.ID] = o.Status
		}
		for id, want := range sc.Expect.Status {
			if got[id] != want {
				t.Errorf("%s: %s is %s, want %s", filepath.Base(f), id, got[id], want)
			}
		}
		for id, any := range sc.Expect.StatusAny {
			ok := false
			for _, s := range any {
				ok = ok || got[id] == s
			}
			if !ok {
				t.Errorf("%s: %s is %s, want one of %v", filepath.Base(f), id, got[id], any)
			}
		}
	}
}

func TestAssessBadInputExitsTwoWithNothingOnStdout(t *testing.T) {
	dir := t.TempDir()
	half := filepath.Join(dir, "half.json")
	os.WriteFile(half, []byte(`{"as_of": "2026-11-22", "answers": {"country": "engl`), 0o600)
	cases := []struct {
		name, stdin string
		args        []string
		want        []string
	}{
		{"unknown key", `{"answers": {"colour": "red"}}`, []string{"assess", "--answers", "-"}, []string{"standard input", "colour", "legal_status"}},
		{"value outside the list", `{"answers": {"in_work": "sometimes"}}`, []string{"assess", "--answers", "-"}, []string{"in_work", "self_employed"}},
		{"bad date", `{"as_of": "2026-02-30", "answers": {}}`, []string{"assess", "--answers", "-"}, []string{"as_of", "YYYY-MM-DD"}},
		{"bad --as-of", `{"answers": {}}`, []string{"assess", "--answers", "-", "--as-of", "22/11/2026"}, []string{"--as-of"}},
		{"half-written file", "", []string{"assess", "--answers", half}, []string{half}},
		{"missing file", "", []string{"assess", "--answers", filepath.Join(dir, "nope.json")}, []string{"nope.json"}},
		{"age out of range", `{"answers": {"child_age": 30}}`, []string{"assess", "--answers", "-"}, []string{"child_age", "0 to 25"}},
		{"bad format", `{"answers": {}}`, []string{"assess", "--answers", "-", "--format", "xml"}, []string{"json, text"}},
		{"no answers flag", ``, []string{"assess"}, []string{"--answers"}},
		{"unknown command", ``, []string{"asess"}, []string{"unknown command"}},
	}
	for _, c := range cases {
		code, out, stderr := runCLI(t, c.stdin, nil, c.args...)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", c.name, code)
		}
		if out != "" {
			t.Errorf("%s: printed on standard output: %q", c.name, out)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: message %q does not mention %q", c.name, stderr, w)
			}
		}
	}
}

func TestAsOfFlagOverridesFile(t *testing.T) {
	in := `{"as_of": "2026-11-22", "answers": {"country": "england", "legal_status": "sgo", "council": "Bolton", "sg_financial_support": "no", "living_with_carer": "yes"}}`
	_, out, _ := runCLI(t, in, nil, "assess", "--answers", "-", "--as-of", "2026-01-10")
	var rep entitlements.Report
	json.Unmarshal([]byte(out), &rep)
	if rep.AsOf != "2026-01-10" {
		t.Fatalf("as_of = %s", rep.AsOf)
	}
	for _, o := range rep.Outcomes {
		if o.ID == "kinship_allowance_pilot" && o.Status != entitlements.NotEligible {
			t.Errorf("before 27 February 2026 the Kinship Zones had not started: %s", o.Status)
		}
	}
}

func TestTextFormatReadsOut(t *testing.T) {
	data, _ := os.ReadFile("../../entitlements/testdata/scenarios/sgo-grandmother-previously-looked-after.json")
	code, out, _ := runCLI(t, string(data), nil, "assess", "--answers", "-", "--format", "full")
	if code != 0 {
		t.Fatal(code)
	}
	for _, w := range []string{"Special guardianship", "What you can get", "Money:", "Child Benefit", "a week (2026-27)", "What you may be able to get"} {
		if !strings.Contains(out, w) {
			t.Errorf("full text lacks %q", w)
		}
	}
	if strings.Index(out, "What you can get") > strings.Index(out, "What needs checking") && strings.Contains(out, "What needs checking") {
		t.Error("what they can get must come before what needs checking")
	}
	// The short read-out: the arrangement, then the money, then what to do.
	code, short, _ := runCLI(t, string(data), nil, "assess", "--answers", "-", "--format", "text")
	if code != 0 {
		t.Fatal(code)
	}
	arr, money, next := strings.Index(short, "special guardian"), strings.Index(short, "You can claim about £"), strings.Index(short, "What to do next")
	if arr < 0 || money < arr || next < money || !strings.Contains(short, "Child Benefit about £1,410") {
		t.Errorf("read-out order or money wrong:\n%s", short)
	}
	if n := len(strings.Fields(short)); n > entitlements.ReadOutLimit(1) {
		t.Errorf("read-out has %d words", n)
	}
}

func TestHelpVersionRules(t *testing.T) {
	if code, out, _ := runCLI(t, "", nil, "--help"); code != 0 || !strings.Contains(out, "kincare assess") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "", nil, "--version"); code != 0 || !strings.HasPrefix(out, "kincare ") {
		t.Errorf("--version: %d %q", code, out)
	}
	code, out, _ := runCLI(t, "", nil, "rules")
	if code != 0 {
		t.Fatal(code)
	}
	for _, id := range entitlements.OutcomeIDs() {
		if !strings.Contains(out, id+" — ") {
			t.Errorf("rules does not list %s", id)
		}
	}
	for _, p := range entitlements.Params() {
		if !strings.Contains(out, p.ID+" — ") {
			t.Errorf("rules does not list the figure %s", p.ID)
		}
	}
	if strings.Count(out, "checked 20") < 50 || !strings.Contains(out, "NOT CONFIRMED") {
		t.Error("rules should give sources with checked dates, and mark unconfirmed years")
	}
}

func TestReplayCommand(t *testing.T) {
	data, _ := os.ReadFile("../../entitlements/testdata/scenarios/parent-is-not-kinship-care.json")
	code, out, stderr := runCLI(t, string(data), nil, "replay", "--answers", "-")
	if code != 0 {
		t.Fatal(stderr)
	}
	var rep struct {
		Asked []string `json:"asked"`
		Done  bool     `json:"done"`
	}
	json.Unmarshal([]byte(out), &rep)
	if !rep.Done || len(rep.Asked) == 0 || rep.Asked[0] != "country" {
		t.Errorf("replay = %s", out)
	}
}

func TestCaseCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	env := map[string]string{"KINCARE_DB": db}
	answers := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(answers, []byte(`{"answers": {"country": "england", "legal_status": "sgo", "council": "Leeds"}}`), 0o600)
	details := filepath.Join(t.TempDir(), "d.json")
	os.WriteFile(details, []byte(`{"child": {"name": "Tyler Okafor"}, "carer": {"name": "Margaret \u001b[31mOkafor"}}`), 0o600)
	code, out, stderr := runCLI(t, "", env, "new", "--answers", answers, "--details", details)
	if code != 0 {
		t.Fatal(stderr)
	}
	id := strings.TrimSpace(out)
	if len(id) != 32 {
		t.Fatalf("new printed %q", out)
	}
	_, out, _ = runCLI(t, "", env, "cases")
	if !strings.Contains(out, id) || !strings.Contains(out, "Tyler, Leeds") {
		t.Errorf("cases = %q", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"chlid": {}}`), 0o600)
	if code, _, stderr := runCLI(t, "", env, "new", "--answers", answers, "--details", bad); code != 2 || !strings.Contains(stderr, "chlid") {
		t.Errorf("a details file with an unknown key: %d %q", code, stderr)
	}
	exp := filepath.Join(t.TempDir(), "backup.json")
	if code, _, stderr := runCLI(t, "", env, "export", "--out", exp); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, _ := runCLI(t, "", env, "export", "--out", exp); code != 2 {
		t.Error("export must not overwrite an existing file without --force")
	}
	if code, _, stderr := runCLI(t, "", env, "import", exp); code != 2 || !strings.Contains(stderr, "already here") {
		t.Errorf("importing a case that is already here: %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", env, "delete", "--case", id); code != 2 {
		t.Error("delete without a terminal must ask for --yes")
	}
	if code, _, stderr := runCLI(t, "", env, "delete", "--case", id, "--yes"); code != 0 {
		t.Fatal(stderr)
	}
	if _, out, _ := runCLI(t, "", env, "cases"); !strings.Contains(out, "No cases") {
		t.Errorf("after delete: %q", out)
	}
	if code, _, stderr := runCLI(t, "", env, "import", exp); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runCLI(t, "", env, "delete", "--all", "--yes"); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("delete --all left the file")
	}
}

// --help describes every flag of the interface, from the same table that parses them.
func TestHelpDescribesEveryInterfaceFlag(t *testing.T) {
	_, out, _ := runCLI(t, "", nil, "--help")
	interfaceFlags(&interfaceOptions{}).VisitAll(func(f *flag.Flag) {
		if !strings.Contains(out, "--"+f.Name) || !strings.Contains(out, strings.Fields(f.Usage)[0]) {
			t.Errorf("--help does not describe --%s", f.Name)
		}
	})
	for _, want := range []string{"!q", "ctrl+q", "KINCARE_PASSPHRASE", "--lock-after TIME"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
}
