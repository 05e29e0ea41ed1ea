package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
)

// Every family scenario through `kincare assess` as a file: each child's entry is checked like
// a single scenario, and the family's money is there.
func TestAssessFamilyScenarios(t *testing.T) {
	files, _ := filepath.Glob("../../entitlements/testdata/scenarios/*.json")
	families := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var sc struct {
			Children []json.RawMessage `json:"children"`
			Expect   struct {
				Children []struct {
					Name        string                         `json:"name"`
					Arrangement string                         `json:"arrangement"`
					Status      map[string]entitlements.Status `json:"status"`
				} `json:"children"`
			} `json:"expect"`
		}
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatal(err)
		}
		if sc.Children == nil {
			continue
		}
		families++
		code, out, stderr := runCLI(t, "", nil, "assess", "--answers", f, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		var rep struct {
			Children   []map[string]json.RawMessage `json:"children"`
			Money      *entitlements.MoneySummary   `json:"money"`
			Unanswered []string                     `json:"unanswered"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if rep.Money == nil || rep.Unanswered == nil || len(rep.Children) != len(sc.Expect.Children) {
			t.Fatalf("%s: not the family output: %.300s", f, out)
		}
		for i, c := range rep.Children {
			if len(c) != 5 || c["money"] != nil {
				t.Errorf("%s: child %d has fields other than name, arrangement, kinship_care, outcomes, unanswered", f, i)
			}
			var outcomes []entitlements.Outcome
			var name, arr string
			json.Unmarshal(c["outcomes"], &outcomes)
			json.Unmarshal(c["name"], &name)
			json.Unmarshal(c["arrangement"], &arr)
			ex := sc.Expect.Children[i]
			if name != ex.Name || (ex.Arrangement != "" && arr != ex.Arrangement) {
				t.Errorf("%s: child %d is %s (%s), want %s (%s)", f, i, name, arr, ex.Name, ex.Arrangement)
			}
			got := map[string]entitlements.Status{}
			for _, o := range outcomes {
				got[o.ID] = o.Status
			}
			for id, want := range ex.Status {
				if s, ok := got[id]; ok && s != want {
					t.Errorf("%s: %s: %s is %s, want %s", filepath.Base(f), name, id, s, want)
				} else if !ok && id != "sure_start_maternity_grant" {
					t.Errorf("%s: %s: no outcome %s", filepath.Base(f), name, id)
				}
			}
		}
		for _, format := range []string{"text", "full"} {
			if code, out, _ := runCLI(t, "", nil, "assess", "--answers", f, "--format", format); code != 0 || !strings.Contains(out, sc.Expect.Children[0].Name) {
				t.Errorf("%s --format %s: exit %d, the first child's name not said:\n%s", f, format, code, out)
			}
		}
		if code, out, _ := runCLI(t, "", nil, "replay", "--answers", f); code != 0 || strings.Count(out, `"asked"`) != len(sc.Children) {
			t.Errorf("%s replay: exit %d, want one replay per child: %s", f, code, out)
		}
	}
	if families < 6 {
		t.Errorf("only %d family scenarios", families)
	}
}

// Bad family files exit 2, print nothing on standard output, and name the child and the key.
func TestAssessBadFamilyFiles(t *testing.T) {
	child := `{"name":"Kid","answers":{"child_age":3}}`
	thirteen := strings.TrimSuffix(strings.Repeat(child+",", 13), ",")
	cases := []struct{ name, file, want string }{
		{"no children", `{"household":{"country":"england"},"children":[]}`, "children: the list is empty"},
		{"13 children", `{"household":{},"children":[` + thirteen + `]}`, "children: 13 children listed; a family has 1 to 12"},
		{"a child with no answers", `{"children":[` + child + `,{"name":"Ava"}]}`, "child 2 (Ava): answers: missing"},
		{"an unknown key inside a child", `{"children":[{"name":"Ava","answers":{"child_age":3,"colour":"red"}}]}`, `child 1 (Ava): answers: unknown answer key "colour"`},
		{"a bad value inside a child", `{"children":[{"name":"Ava","answers":{"legal_status":"sgoo"}}]}`, `child 1 (Ava): answers: legal_status`},
		{"an unknown key beside a child's answers", `{"children":[{"name":"Ava","answers":{},"age":2}]}`, `child 1 (Ava): unknown key "age"`},
	}
	for _, tc := range cases {
		for _, cmd := range []string{"assess", "replay"} {
			code, out, stderr := runCLI(t, tc.file, nil, cmd, "--answers", "-")
			if code != 2 || out != "" || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "standard input") {
				t.Errorf("%s, %s: exit %d, stdout %q, stderr %q; want 2, nothing, and %q", tc.name, cmd, code, out, stderr, tc.want)
			}
		}
	}
}

// new saves a family (a case is a family since schema 3).
func TestNewSavesAFamily(t *testing.T) {
	family := `{"household":{"country":"england"},"children":[{"name":"Ava","answers":{"child_age":3}}]}`
	db := filepath.Join(t.TempDir(), "k.db")
	code, out, stderr := runCLI(t, family, nil, "new", "--answers", "-", "--db", db)
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Errorf("new: exit %d %q %q", code, out, stderr)
	}
}

// --format text is the short read-out, within its word limit; full is the long list.
func TestAssessFormats(t *testing.T) {
	f := "../../entitlements/testdata/scenarios/family-sister-raising-two-brothers.json"
	_, short, _ := runCLI(t, "", nil, "assess", "--answers", f, "--format", "text")
	_, full, _ := runCLI(t, "", nil, "assess", "--answers", f, "--format", "full")
	if n := len(strings.Fields(short)); n > entitlements.ReadOutLimit(2) || n == 0 {
		t.Errorf("the read-out has %d words, limit %d", n, entitlements.ReadOutLimit(2))
	}
	if len(full) <= len(short) || !strings.Contains(full, "==== Leo ====") {
		t.Errorf("full is not the long text:\n%.400s", full)
	}
	if code, _, stderr := runCLI(t, "", nil, "assess", "--answers", f, "--format", "pdf"); code != 2 || !strings.Contains(stderr, "json, text, full") {
		t.Errorf("--format pdf: %d %s", code, stderr)
	}
}
