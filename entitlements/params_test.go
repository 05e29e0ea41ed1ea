package entitlements

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestParamsLoadAndValidate(t *testing.T) {
	ps, err := LoadParams()
	if err != nil {
		t.Fatalf("LoadParams: %v", err)
	}
	want := []string{
		"asgsf", "benefit_cap", "carers_allowance", "child_benefit", "early_years_pupil_premium",
		"fostering_allowance", "free_school_meals_earnings", "guardians_allowance", "legal_aid_means",
		"pupil_premium_plus", "qualifying_care_relief", "tax_free_childcare", "uc_child_element",
		"uc_childcare",
	}
	have := map[string]Param{}
	for i, p := range ps {
		if i > 0 && ps[i-1].ID >= p.ID {
			t.Errorf("Params not sorted by ID: %q before %q", ps[i-1].ID, p.ID)
		}
		have[p.ID] = p
		for _, it := range p.Items {
			if it.Per == "" {
				t.Errorf("%s/%s: Per not filled in", p.ID, it.ID)
			}
		}
	}
	for _, id := range want {
		if _, ok := have[id]; !ok {
			t.Errorf("topic %q missing", id)
		}
	}
	if got := len(have["fostering_allowance"].Items); got != 15 {
		t.Errorf("fostering_allowance has %d items, want 15", got)
	}
	// Params must not panic and must be a copy.
	a := Params()
	a[0].Items[0].Label = "changed"
	a[0].Years[0].Sources[0].Title = "changed"
	for k := range a[0].Years[0].Values {
		a[0].Years[0].Values[k] = -1
	}
	b := Params()
	if b[0].Items[0].Label == "changed" || b[0].Years[0].Sources[0].Title == "changed" {
		t.Error("Params returns shared slices")
	}
	for k, v := range b[0].Years[0].Values {
		if v == -1 {
			t.Errorf("Params returns a shared values map (%s)", k)
		}
	}
}

// The confirmed/unconfirmed status of each year is part of the content; a change here must be
// a deliberate change to the data.
func TestParamYearsConfirmed(t *testing.T) {
	want := map[string]string{
		"fostering_allowance":        "2024-25:C 2025-26:C 2026-27:U",
		"qualifying_care_relief":     "2024-25:C 2025-26:C 2026-27:R",
		"child_benefit":              "2024-25:C 2025-26:C 2026-27:C",
		"guardians_allowance":        "2024-25:C 2025-26:C 2026-27:C",
		"uc_child_element":           "2024-25:U 2025-26:C 2026-27:C",
		"uc_childcare":               "2024-25:R 2025-26:C 2026-27:C",
		"benefit_cap":                "2024-25:U 2025-26:C 2026-27:C",
		"carers_allowance":           "2024-25:C 2025-26:C 2026-27:C",
		"tax_free_childcare":         "2024-25:C 2025-26:C 2026-27:C",
		"asgsf":                      "2024-25:C 2025-26:C 2026-27:R",
		"pupil_premium_plus":         "2023-24:C 2024-25:C 2025-26:C 2026-27:U",
		"early_years_pupil_premium":  "2024-25:C 2025-26:C 2026-27:U",
		"free_school_meals_earnings": "2024-25:C 2025-26:C 2026-27:U",
		"legal_aid_means":            "2024-25:C 2025-26:C 2026-27:U",
	}
	for _, p := range Params() {
		var parts []string
		for _, y := range p.Years {
			s := "U"
			if y.Confirmed {
				s = "C"
			} else if y.Reported {
				s = "R"
			}
			parts = append(parts, y.Period+":"+s)
		}
		got := strings.Join(parts, " ")
		if w, ok := want[p.ID]; ok && got != w {
			t.Errorf("%s years = %s, want %s", p.ID, got, w)
		}
	}
}

func TestFigureAt(t *testing.T) {
	tests := []struct {
		param, item, asOf string
		ok                bool
		pence             int64
		confirmed         bool
		period, per       string
	}{
		{"child_benefit", "eldest", "2026-11-22", true, 2705, true, "2026-27", "week"},
		{"child_benefit", "other", "2026-04-05", true, 1725, true, "2025-26", "week"},
		{"child_benefit", "other", "2026-04-06", true, 1790, true, "2026-27", "week"},
		// NMA 2026-27 is not confirmed: the 2025-26 rate (£194 = 19400p), marked unconfirmed.
		{"fostering_allowance", "rest_of_england/5-10", "2026-11-22", true, 19400, false, "2025-26", "week"},
		{"fostering_allowance", "rest_of_england/5-10", "2025-06-01", true, 19400, true, "2025-26", "week"},
		{"fostering_allowance", "london/16-17", "2024-04-06", true, 28900, true, "2024-25", "week"},
		{"fostering_allowance", "rest_of_england/5-10", "2024-04-05", false, 0, false, "", ""},
		// Far in the future: still the latest confirmed year, never extrapolated.
		{"fostering_allowance", "south_east/0-2", "2031-01-01", true, 18900, false, "2025-26", "week"},
		{"asgsf", "fair_access_limit", "2026-11-22", true, 300000, false, "2025-26", "year"},
		{"asgsf", "fair_access_limit", "2025-03-31", true, 500000, true, "2024-25", "year"},
		{"asgsf", "fair_access_limit", "2025-04-01", true, 300000, true, "2025-26", "year"},
		{"qualifying_care_relief", "fixed", "2025-06-01", true, 1969000, true, "2025-26", "year"},
		{"qualifying_care_relief", "under_11", "2026-11-22", true, 41500, false, "2025-26", "week"},
		{"uc_child_element", "first_child_pre_2017", "2024-11-22", false, 0, false, "", ""},
		{"uc_child_element", "other", "2026-11-22", true, 30394, true, "2026-27", "month"},
		{"pupil_premium_plus", "per_pupil", "2026-11-22", true, 263000, false, "2025-26", "year"},
		{"free_school_meals_earnings", "uc_net_earnings_limit", "2026-08-31", true, 740000, true, "2025-26", "year"},
		{"free_school_meals_earnings", "uc_net_earnings_limit", "2026-09-01", true, 740000, false, "2025-26", "year"},
		{"legal_aid_means", "capital", "2026-11-22", true, 800000, false, "2025-26", "one_off"},
		{"benefit_cap", "london", "2026-11-22", true, 2532300, true, "2026-27", "year"},
		{"carers_allowance", "earnings_limit", "2026-11-22", true, 20400, true, "2026-27", "week"},
		{"no_such_topic", "x", "2026-11-22", false, 0, false, "", ""},
		{"child_benefit", "no_such_item", "2026-11-22", false, 0, false, "", ""},
	}
	for _, tc := range tests {
		name := tc.param + "/" + tc.item + "@" + tc.asOf
		f, srcs, ok := FigureAt(tc.param, tc.item, MustDate(tc.asOf))
		if ok != tc.ok {
			t.Errorf("%s: ok = %v, want %v", name, ok, tc.ok)
			continue
		}
		if !ok {
			if f != (Figure{}) || srcs != nil {
				t.Errorf("%s: not ok but returned %+v %v", name, f, srcs)
			}
			continue
		}
		if f.Pence != tc.pence || f.Confirmed != tc.confirmed || f.Period != tc.period || f.Per != tc.per {
			t.Errorf("%s = %+v, want %d confirmed=%v %s per %s", name, f, tc.pence, tc.confirmed, tc.period, tc.per)
		}
		if len(srcs) == 0 {
			t.Errorf("%s: no sources", name)
		}
	}

	f, _, _ := FigureAt("child_benefit", "eldest", MustDate("2026-11-22"))
	if f.Label != "Child Benefit: eldest or only child" {
		t.Errorf("label = %q", f.Label)
	}
	_, s1, _ := FigureAt("child_benefit", "eldest", MustDate("2026-11-22"))
	s1[0].Title = "changed"
	_, s2, _ := FigureAt("child_benefit", "eldest", MustDate("2026-11-22"))
	if s2[0].Title == "changed" {
		t.Error("FigureAt returns shared sources")
	}
}

func TestReportedAt(t *testing.T) {
	f, srcs, ok := ReportedAt("asgsf", "fair_access_limit", MustDate("2026-11-22"))
	if !ok || f.Pence != 300000 || f.Confirmed || f.Period != "2026-27" || len(srcs) == 0 {
		t.Errorf("ReportedAt asgsf 2026-11-22 = %+v %v %v", f, srcs, ok)
	}
	if _, _, ok := ReportedAt("asgsf", "fair_access_limit", MustDate("2025-11-22")); ok {
		t.Error("ReportedAt gave a value for a confirmed year")
	}
	if _, _, ok := ReportedAt("fostering_allowance", "london/0-2", MustDate("2026-11-22")); ok {
		t.Error("ReportedAt gave a value where nothing was reported")
	}
	if YearNoteAt("fostering_allowance", MustDate("2026-11-22")) == "" {
		t.Error("the unconfirmed NMA year should explain what to check")
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct{ starts, date, want string }{
		{"04-06", "2026-11-22", "2026-27"},
		{"04-06", "2026-04-05", "2025-26"},
		{"04-06", "2026-04-06", "2026-27"},
		{"04-06", "2000-01-01", "1999-00"},
		{"04-01", "2026-03-31", "2025-26"},
		{"04-01", "2026-04-01", "2026-27"},
		{"09-01", "2026-08-31", "2025-26"},
		{"09-01", "2026-09-01", "2026-27"},
		{"01-01", "2026-01-01", "2026-27"},
		{"4-6", "2026-11-22", ""},
		{"02-29", "2026-11-22", ""},
		{"13-01", "2026-11-22", ""},
	}
	for _, tc := range tests {
		if got := PeriodOf(tc.starts, MustDate(tc.date)); got != tc.want {
			t.Errorf("PeriodOf(%q, %s) = %q, want %q", tc.starts, tc.date, got, tc.want)
		}
	}
	if got := PeriodOf("04-06", DateOf(2026, time.April, 6)); got != "2026-27" {
		t.Errorf("PeriodOf DateOf = %q", got)
	}
}

const goodParam = `{
  "id": "thing", "title": "Thing", "per": "week", "year_starts": "04-06", "reference": "An Act",
  "items": [{"id": "a", "label": "a"}, {"id": "b", "label": "b", "per": "year"}],
  "years": [
    {"period": "2024-25", "confirmed": true, "values": {"a": 1, "b": 2},
     "sources": [{"title": "T", "url": "https://example.org", "date": "2024-05", "checked": "2026-11-22"}]},
    {"period": "2025-26", "confirmed": false,
     "sources": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}]}
  ]
}`

func TestParseParamFSErrors(t *testing.T) {
	parse := func(name, body string) error {
		_, err := parseParamFS(fstest.MapFS{name: {Data: []byte(body)}}, "data/params")
		return err
	}
	if err := parse("thing.json", goodParam); err != nil {
		t.Fatalf("good file rejected: %v", err)
	}
	set, _ := parseParamFS(fstest.MapFS{"thing.json": {Data: []byte(goodParam)}}, "data/params")
	if set.params[0].Items[1].Per != "year" || set.params[0].Items[0].Per != "week" {
		t.Errorf("per override not applied: %+v", set.params[0].Items)
	}

	tests := []struct {
		name, file, body string
		want             []string // all must appear in the error
	}{
		{"broken JSON", "thing.json", `{"id": "thing",`, []string{"data/params/thing.json", "not valid"}},
		{"unknown field", "thing.json", strings.Replace(goodParam, `"reference"`, `"referance"`, 1), []string{"data/params/thing.json", "referance"}},
		{"duplicate key", "thing.json", strings.Replace(goodParam, `{"a": 1, "b": 2}`, `{"a": 1, "a": 3, "b": 2}`, 1), []string{"thing.json", `"a" appears twice`}},
		{"file name", "other.json", goodParam, []string{"data/params/other.json", "id", "file name"}},
		{"bad per", "thing.json", strings.Replace(goodParam, `"per": "week"`, `"per": "fortnight"`, 1), []string{"thing.json", "per", "fortnight"}},
		{"bad year_starts", "thing.json", strings.Replace(goodParam, `"04-06"`, `"6 April"`, 1), []string{"thing.json", "year_starts"}},
		{"unknown item", "thing.json", strings.Replace(goodParam, `{"a": 1, "b": 2}`, `{"a": 1, "b": 2, "c": 3}`, 1), []string{"years[0] (2024-25).values", `"c"`}},
		{"confirmed missing item", "thing.json", strings.Replace(goodParam, `{"a": 1, "b": 2}`, `{"a": 1}`, 1), []string{"years[0] (2024-25).values", `"b"`}},
		{"bad period", "thing.json", strings.Replace(goodParam, `"2025-26"`, `"2025-27"`, 1), []string{"years[1]", "period"}},
		{"not ascending", "thing.json", strings.Replace(goodParam, `"2025-26"`, `"2024-25"`, 1), []string{"years[1] (2024-25).period", "ascending"}},
		{"confirmed missing", "thing.json", strings.Replace(goodParam, `"confirmed": false,`, ``, 1), []string{"years[1] (2025-26).confirmed"}},
		{"unreported values", "thing.json", strings.Replace(goodParam, `"confirmed": false,`, `"confirmed": false, "values": {"a": 5},`, 1), []string{"years[1] (2025-26).values", "reported"}},
		{"no sources", "thing.json", strings.Replace(goodParam, `"confirmed": false,
     "sources": [{"title": "T", "url": "https://example.org", "date": "undated", "checked": "2026-11-22"}]`, `"confirmed": false, "sources": []`, 1), []string{"years[1] (2025-26).sources"}},
		{"bad checked", "thing.json", strings.Replace(goodParam, `"2026-11-22"}]}`, `"22/11/2026"}]}`, 1), []string{"years[0] (2024-25).sources[0]", "checked"}},
		{"bad url", "thing.json", strings.Replace(goodParam, `"https://example.org", "date": "2024-05"`, `"example.org", "date": "2024-05"`, 1), []string{"sources[0]", "url"}},
		{"bad date", "thing.json", strings.Replace(goodParam, `"2024-05"`, `"May 2024"`, 1), []string{"sources[0]", "date"}},
	}
	for _, tc := range tests {
		err := parse(tc.file, tc.body)
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

	// Duplicate ids across files.
	_, err := parseParamFS(fstest.MapFS{
		"thing.json": {Data: []byte(goodParam)},
		"zzz.json":   {Data: []byte(strings.Replace(goodParam, `"id": "thing"`, `"id": "zzz"`, 1))},
	}, "data/params")
	if err != nil {
		t.Errorf("two good files: %v", err)
	}

	// A corrupted copy of a real file.
	real, err := paramFiles.ReadFile("data/params/child_benefit.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(real), `"eldest": 2705,`, `"eldest": 2705`, 1)
	err = parse("child_benefit.json", bad)
	if err == nil || !strings.Contains(err.Error(), "data/params/child_benefit.json") {
		t.Errorf("corrupted child_benefit.json: error %v does not name the file", err)
	}
}

func BenchmarkFigureAt(b *testing.B) {
	d := MustDate("2026-11-22")
	if _, _, ok := FigureAt("fostering_allowance", "rest_of_england/5-10", d); !ok {
		b.Fatal("no figure")
	}
	b.ReportAllocs()
	for b.Loop() {
		FigureAt("fostering_allowance", "rest_of_england/5-10", d)
	}
}
