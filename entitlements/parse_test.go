package entitlements

import (
	"strings"
	"testing"
)

func TestParseInputErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string // all must appear in the message
	}{
		{"unknown key", `{"answers": {"colour": "blue"}}`, []string{"colour", "country", "in_work"}},
		{"bad value", `{"answers": {"relationship": "uncle"}}`, []string{"relationship", "uncle", "grandparent", "aunt_uncle", "parents_partner"}},
		{"not_sure where not allowed", `{"answers": {"surviving_parent": "not_sure"}}`, []string{"surviving_parent", "whereabouts_unknown", "father_unknown", "other"}},
		{"order_date neither a day nor a month", `{"answers": {"order_date": "2024-13"}}`, []string{"order_date", "YYYY-MM"}},
		{"value of wrong case", `{"answers": {"country": "England"}}`, []string{"country", "england", "outside_uk"}},
		{"number for a choice", `{"answers": {"benefits": 1}}`, []string{"benefits", "yes", "no", "not_sure"}},
		{"bool for a choice", `{"answers": {"ehcp": true}}`, []string{"ehcp"}},
		{"malformed order_date", `{"answers": {"order_date": "14/03/2025"}}`, []string{"order_date", "YYYY-MM-DD"}},
		{"impossible order_date", `{"answers": {"order_date": "2025-02-30"}}`, []string{"order_date"}},
		{"malformed as_of", `{"as_of": "22 Nov 2026", "answers": {}}`, []string{"as_of"}},
		{"as_of a number", `{"as_of": 20261122, "answers": {}}`, []string{"as_of"}},
		{"child_age 26", `{"answers": {"child_age": 26}}`, []string{"child_age", "0", "25"}},
		{"child_age -1", `{"answers": {"child_age": -1}}`, []string{"child_age", "0", "25"}},
		{"child_age 7.5", `{"answers": {"child_age": 7.5}}`, []string{"child_age", "whole number"}},
		{"child_age string", `{"answers": {"child_age": "7"}}`, []string{"child_age"}},
		{"child_age 1e1", `{"answers": {"child_age": 1e1}}`, []string{"child_age"}},
		{"broken JSON", `{"answers": {"country": "england"`, nil},
		{"trailing garbage", `{"answers": {}} {}`, nil},
		{"not an object", `["answers"]`, nil},
		{"answers not an object", `{"answers": ["country"]}`, []string{"answers"}},
		{"missing answers", `{"as_of": "2026-11-22"}`, []string{"answers"}},
		{"unknown top-level key", `{"answers": {}, "answer": {}}`, []string{"answer"}},
		{"empty council", `{"answers": {"council": "   "}}`, []string{"council"}},
		{"council not text", `{"answers": {"council": 5}}`, []string{"council"}},
		{"empty input", ``, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseInput([]byte(c.in))
			if err == nil {
				t.Fatalf("ParseInput(%s) gave no error", c.in)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestParseInputAccepts(t *testing.T) {
	cases := []struct {
		name, in string
		check    func(t *testing.T, in Input)
	}{
		{"null values count as absent", `{"answers": {"country": null, "child_age": null, "benefits": "yes"}}`, func(t *testing.T, in Input) {
			if in.Answers.Has(Country) || in.Answers.Has(ChildAge) || in.Answers.Value(Benefits) != "yes" {
				t.Errorf("answers %+v", in.Answers)
			}
		}},
		{"no as_of", `{"answers": {}}`, func(t *testing.T, in Input) {
			if in.AsOf != nil {
				t.Errorf("as_of %v", in.AsOf)
			}
		}},
		{"ages 0 and 25", `{"answers": {"child_age": 25}}`, func(t *testing.T, in Input) {
			if n, ok := in.Answers.Age(); !ok || n != 25 {
				t.Errorf("age %d %v", n, ok)
			}
		}},
		{"child_age 0", `{"answers": {"child_age": 0}}`, func(t *testing.T, in Input) {
			if n, ok := in.Answers.Age(); !ok || n != 0 {
				t.Errorf("age %d %v", n, ok)
			}
		}},
		{"scenario fields ignored", `{"name": "x", "expect": {"status": {}}, "as_of": "2026-11-22", "answers": {"legal_status": "not_sure"}}`, func(t *testing.T, in Input) {
			if in.AsOf == nil || in.AsOf.String() != "2026-11-22" || in.Answers.Value(LegalStatus) != NotSure {
				t.Errorf("%+v", in)
			}
		}},
		{"council text kept as typed", `{"answers": {"council": "Harrogate"}}`, func(t *testing.T, in Input) {
			if in.Answers.Value(CouncilKey) != "Harrogate" {
				t.Errorf("council %q", in.Answers.Value(CouncilKey))
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := ParseInput([]byte(c.in))
			if err != nil {
				t.Fatalf("ParseInput: %v", err)
			}
			c.check(t, in)
		})
	}
}
