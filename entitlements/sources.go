package entitlements

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// data/sources.json gives, for every outcome id (and for "definition", the kinship care
// definition, and "arrangement", the legal orders), 1 to 4 sources taken from the reference
// notes, primary sources first; and the national advice lines. A content reviewer edits it
// without reading Go:
//
//	{"outcomes": {"<outcome id>": [{"title", "url", "date", "checked"}, ...], ...},
//	 "advice_lines": [{"name", "phone", "hours", "url", "confirmed", "note", "source": {...}}]}

//go:embed data/sources.json
var sourcesJSON []byte

const sourcesFile = "data/sources.json"

// AdviceLine is a national telephone advice line.
type AdviceLine struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
	Hours string `json:"hours"` // "" when not confirmed: say to check the website
	URL   string `json:"url"`
	Note  string `json:"note"`
	// Confirmed: the number and hours were seen on the organisation's current pages.
	Confirmed bool   `json:"confirmed"`
	Source    Source `json:"source"`
}

// sourceOutcomeIDs are the outcome ids of the assessment contract (spec/assess.md, in its
// order) followed by the two extra entries; sources.json must have exactly these.
var sourceOutcomeIDs = []string{
	"fostering_allowance", "sg_support_assessment", "sg_allowance", "cao_allowance",
	"kinship_allowance_pilot", "s17_support", "child_benefit", "guardians_allowance",
	"universal_credit_child_element", "carers_allowance", "tax_free_childcare",
	"qualifying_care_relief", "child_maintenance", "disability_living_allowance",
	"pension_credit_child_addition", "healthy_start", "sure_start_maternity_grant",
	"asgsf",
	"virtual_school", "pupil_premium_plus", "school_admissions_priority", "fair_access_protocol",
	"early_years_free_hours_2yo", "early_years_free_hours_3_4yo", "free_school_meals",
	"education_parent_rights", "leaving_care_support",
	"legal_aid_care_proceedings", "legal_aid_sgo_application", "legal_aid_cao_application",
	"free_legal_advice", "council_funded_legal_advice",
	"kinship_local_offer", "peer_support_and_training", "family_group_conference",
	"adoption_support_assessment", "private_fostering_notification",
	"unpaid_parental_leave", "flexible_working", "employer_kinship_leave", "adoption_leave",
	"time_off_for_dependants", "carers_leave",
	"outside_england_signpost",
	// Not outcomes: the kinship care definition and the legal orders.
	"definition", "arrangement",
}

const maxSourcesPerOutcome = 4

type sourceSet struct {
	outcomes map[string][]Source
	lines    []AdviceLine
}

var (
	sourcesOnce sync.Once
	sourcesData sourceSet
	sourcesErr  error
)

func loadedSources() (*sourceSet, error) {
	sourcesOnce.Do(func() { sourcesData, sourcesErr = parseSources(sourcesJSON, sourcesFile) })
	return &sourcesData, sourcesErr
}

// LoadSources parses and checks the embedded sources (once). The other functions treat a
// broken file as empty, so callers (and a test) use this to see why.
func LoadSources() error {
	_, err := loadedSources()
	return err
}

// OutcomeSources returns a copy of the sources for an outcome id (or "definition",
// "arrangement"); nil for an unknown id.
func OutcomeSources(id string) []Source {
	set, err := loadedSources()
	if err != nil {
		return nil
	}
	ss, ok := set.outcomes[id]
	if !ok {
		return nil
	}
	return slices.Clone(ss)
}

// AdviceLines returns a copy of the national advice lines, in the file's order.
func AdviceLines() []AdviceLine {
	set, err := loadedSources()
	if err != nil {
		return nil
	}
	return slices.Clone(set.lines)
}

type sourcesFileFormat struct {
	Outcomes    map[string][]Source `json:"outcomes"`
	AdviceLines []adviceLineFile    `json:"advice_lines"`
}

type adviceLineFile struct {
	Name      string  `json:"name"`
	Phone     string  `json:"phone"`
	Hours     string  `json:"hours"`
	URL       string  `json:"url"`
	Confirmed *bool   `json:"confirmed"`
	Note      string  `json:"note"`
	Source    *Source `json:"source"`
}

// parseSources reads and checks a sources file; name is used in errors. All problems are
// reported together, each naming the file and the field.
func parseSources(data []byte, name string) (sourceSet, error) {
	if err := checkJSONDuplicateKeys(data); err != nil {
		return sourceSet{}, fmt.Errorf("%s: %w", name, err)
	}
	var f sourcesFileFormat
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return sourceSet{}, fmt.Errorf("%s: not valid sources JSON: %w", name, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return sourceSet{}, fmt.Errorf("%s: extra data after the JSON object", name)
	}
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", name, field, fmt.Sprintf(format, args...)))
	}
	if f.Outcomes == nil {
		bad("outcomes", "missing")
	}
	for _, id := range sourceOutcomeIDs {
		if _, ok := f.Outcomes[id]; !ok && f.Outcomes != nil {
			bad("outcomes", "no entry for %q", id)
		}
	}
	for _, id := range paramKeysSorted(f.Outcomes) {
		ss := f.Outcomes[id]
		field := "outcomes." + id
		if !slices.Contains(sourceOutcomeIDs, id) {
			bad(field, "%q is not an outcome id (nor \"definition\" or \"arrangement\")", id)
			continue
		}
		if len(ss) == 0 || len(ss) > maxSourcesPerOutcome {
			bad(field, "has %d sources; give 1 to %d", len(ss), maxSourcesPerOutcome)
		}
		for i, s := range ss {
			if err := checkSourceFields(s); err != nil {
				bad(fmt.Sprintf("%s[%d]", field, i), "%v", err)
			} else if !strings.HasPrefix(s.URL, "https://") {
				bad(fmt.Sprintf("%s[%d]", field, i), "url %q must start with https://", s.URL)
			}
		}
	}
	set := sourceSet{outcomes: f.Outcomes}
	if len(f.AdviceLines) == 0 {
		bad("advice_lines", "missing or empty")
	}
	for i, l := range f.AdviceLines {
		field := fmt.Sprintf("advice_lines[%d]", i)
		if l.Name != "" {
			field = fmt.Sprintf("advice_lines[%d] (%s)", i, l.Name)
		} else {
			bad(field+".name", "missing")
		}
		if strings.TrimSpace(l.Phone) == "" {
			bad(field+".phone", "missing")
		} else if strings.Trim(l.Phone, "0123456789 ") != "" {
			bad(field+".phone", "%q: write digits and spaces only", l.Phone)
		}
		if !strings.HasPrefix(l.URL, "https://") {
			bad(field+".url", "%q must start with https://", l.URL)
		}
		if l.Confirmed == nil {
			bad(field+".confirmed", "missing (write true or false)")
		} else if *l.Confirmed && strings.TrimSpace(l.Hours) == "" {
			bad(field+".hours", "a confirmed line needs its hours")
		}
		if l.Source == nil {
			bad(field+".source", "missing")
		} else if err := checkSourceFields(*l.Source); err != nil {
			bad(field+".source", "%v", err)
		}
		if len(errs) == 0 {
			set.lines = append(set.lines, AdviceLine{Name: l.Name, Phone: l.Phone, Hours: l.Hours, URL: l.URL,
				Note: l.Note, Confirmed: *l.Confirmed, Source: *l.Source})
		}
	}
	if len(errs) > 0 {
		return sourceSet{}, errors.Join(errs...)
	}
	return set, nil
}
