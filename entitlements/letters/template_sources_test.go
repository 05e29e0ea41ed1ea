package letters

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var srcDateRe = regexp.MustCompile(`^(undated|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$`)

// TestTemplateSources checks every template's sources against the rule for the project's reference
// notes (/work/shared/reference): an http(s) address, the source's own date as the notes give it, and
// the date it was checked against the notes (2026-11-22, or 2026-11-23 for additions.md; 2026-12-02
// for the notes corrected then, and 2026-12-03 for the regulation texts read for the letters review).
func TestTemplateSources(t *testing.T) {
	if err := LoadTemplates(); err != nil {
		t.Fatal(err)
	}
	for _, id := range IDs() {
		for _, s := range loaded().byID[id].sources {
			if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("%s: %q: address %q", id, s.Title, s.URL)
			}
			if !srcDateRe.MatchString(s.Date) {
				t.Errorf("%s: %q: date %q is not YYYY-MM-DD, YYYY-MM, YYYY or undated", id, s.Title, s.Date)
			}
			if !slices.Contains([]string{"2026-11-22", "2026-11-23", "2026-12-02", "2026-12-03"}, s.Checked) {
				t.Errorf("%s: %q: checked %q is not a date the reference notes were checked", id, s.Title, s.Checked)
			}
		}
	}
}

// TestNoUnconfirmedLaw keeps out statements the reference notes do not confirm (see the audit of
// 2026-11-23): a 45-working-day limit, regulation 5 of the SG Regulations (not read), the postponement
// rule of the 1999 Regulations, section 22H as in force, and a "must assess" duty for adoption support.
func TestNoUnconfirmedLaw(t *testing.T) {
	if err := LoadTemplates(); err != nil {
		t.Fatal(err)
	}
	bad := []string{"45 working days", "regulation 5 of the Special Guardianship", "within seven days", "now section 22H", "22H is in force", "must assess, on request", "section 80F", "Article 15", "guidance for 2025 to 2026"}
	for id, tp := range loaded().byID {
		body := tp.body.Root.String()
		for _, b := range bad {
			if strings.Contains(body, b) {
				t.Errorf("%s: the letter says %q, which the reference notes do not confirm", id, b)
			}
		}
	}
}
