package entitlements

import (
	"strings"
	"testing"
)

// assessOutcomeIDs is the list in spec/assess.md, "Outcomes (id — kind)", written out again
// here so that a change to either list is noticed.
var assessOutcomeIDs = strings.Fields(`
fostering_allowance sg_support_assessment sg_allowance cao_allowance kinship_allowance_pilot
s17_support child_benefit guardians_allowance universal_credit_child_element carers_allowance
tax_free_childcare qualifying_care_relief child_maintenance disability_living_allowance
pension_credit_child_addition healthy_start sure_start_maternity_grant
asgsf
virtual_school pupil_premium_plus school_admissions_priority fair_access_protocol
early_years_free_hours_2yo early_years_free_hours_3_4yo free_school_meals education_parent_rights
leaving_care_support
legal_aid_care_proceedings legal_aid_sgo_application legal_aid_cao_application free_legal_advice
council_funded_legal_advice
kinship_local_offer peer_support_and_training family_group_conference adoption_support_assessment
private_fostering_notification
unpaid_parental_leave flexible_working employer_kinship_leave adoption_leave
time_off_for_dependants carers_leave
outside_england_signpost`)

func TestSourcesLoad(t *testing.T) {
	if err := LoadSources(); err != nil {
		t.Fatalf("LoadSources: %v", err)
	}
	if len(assessOutcomeIDs) != 44 {
		t.Fatalf("assess.md lists 44 outcome ids, this test has %d", len(assessOutcomeIDs))
	}
	want := append(append([]string{}, assessOutcomeIDs...), "definition", "arrangement")
	if strings.Join(want, " ") != strings.Join(sourceOutcomeIDs, " ") {
		t.Errorf("sourceOutcomeIDs differ from assess.md:\n got %v\nwant %v", sourceOutcomeIDs, want)
	}
	for _, id := range want {
		ss := OutcomeSources(id)
		if len(ss) < 1 || len(ss) > 4 {
			t.Errorf("%s: %d sources, want 1 to 4", id, len(ss))
		}
		for i, s := range ss {
			if !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("%s[%d]: url %q is not https", id, i, s.URL)
			}
			if _, err := ParseDate(s.Checked); err != nil {
				t.Errorf("%s[%d]: checked %q: %v", id, i, s.Checked, err)
			}
			if s.Title == "" || s.Date == "" {
				t.Errorf("%s[%d]: title or date missing", id, i)
			}
		}
	}
	set, _ := loadedSources()
	for id := range set.outcomes {
		found := false
		for _, w := range want {
			found = found || w == id
		}
		if !found {
			t.Errorf("unknown id %q in sources.json", id)
		}
	}
	if OutcomeSources("no_such_outcome") != nil {
		t.Error("unknown id should give nil")
	}
	a := OutcomeSources("asgsf")
	a[0].Title = "changed"
	if OutcomeSources("asgsf")[0].Title == "changed" {
		t.Error("OutcomeSources returns a shared slice")
	}
}

func TestAdviceLines(t *testing.T) {
	lines := AdviceLines()
	byName := map[string]AdviceLine{}
	for _, l := range lines {
		byName[l.Name] = l
		if !strings.HasPrefix(l.URL, "https://") || !strings.HasPrefix(l.Source.URL, "https://") {
			t.Errorf("%s: url not https", l.Name)
		}
		if _, err := ParseDate(l.Source.Checked); err != nil {
			t.Errorf("%s: source checked: %v", l.Name, err)
		}
	}
	frg, ok := byName["Family Rights Group advice line"]
	if !ok || frg.Phone != "0808 801 0366" || !frg.Confirmed || frg.Hours == "" {
		t.Errorf("Family Rights Group line = %+v", frg)
	}
	kin, ok := byName["Kinship advice line"]
	if !ok || kin.Phone != "0300 123 7015" || kin.Confirmed || kin.Hours != "" {
		t.Errorf("Kinship line = %+v (number confirmed only secondarily, hours unknown)", kin)
	}
}

func TestParseSourcesErrors(t *testing.T) {
	good := func() string {
		var b strings.Builder
		b.WriteString(`{"outcomes": {`)
		for i, id := range sourceOutcomeIDs {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"` + id + `": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}]`)
		}
		b.WriteString(`}, "advice_lines": [{"name": "L", "phone": "0800 000 0000", "hours": "", "url": "https://example.org", "confirmed": false, "note": "", "source": {"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}}]}`)
		return b.String()
	}()
	if _, err := parseSources([]byte(good), "data/sources.json"); err != nil {
		t.Fatalf("good file rejected: %v", err)
	}
	tests := []struct {
		name, body string
		want       []string
	}{
		{"broken JSON", good[:len(good)-3], []string{"data/sources.json", "not valid"}},
		{"unknown id", strings.Replace(good, `"asgsf":`, `"asgsfx":`, 1), []string{"data/sources.json", `"asgsfx" is not an outcome id`, `no entry for "asgsf"`}},
		{"http url", strings.Replace(good, `"asgsf": [{"title": "T", "url": "https://`, `"asgsf": [{"title": "T", "url": "http://`, 1), []string{"outcomes.asgsf[0]", "https"}},
		{"bad checked", strings.Replace(good, `"asgsf": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}]`, `"asgsf": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-31"}]`, 1), []string{"outcomes.asgsf[0]", "checked"}},
		{"no sources", strings.Replace(good, `"asgsf": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}]`, `"asgsf": []`, 1), []string{"outcomes.asgsf", "1 to 4"}},
		{"line without confirmed", strings.Replace(good, `"confirmed": false, `, ``, 1), []string{"advice_lines[0] (L).confirmed"}},
		{"unknown field", strings.Replace(good, `"advice_lines"`, `"advice_line"`, 1), []string{"data/sources.json", "advice_line"}},
	}
	for _, tc := range tests {
		_, err := parseSources([]byte(tc.body), "data/sources.json")
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, w)
			}
		}
	}
}
