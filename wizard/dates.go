package wizard

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	e "kincare/entitlements"
)

// dayLayouts are the ways people in the UK write a day: day first, never month first.
var dayLayouts = []string{
	"2006-01-02", "2/1/2006", "2-1-2006", "2.1.2006", "2/1/06", "2-1-06", "2.1.06",
	"2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006", "2 Jan 06", "2 January 06",
}

// monthLayouts are the ways people write a month when that is all they know.
var monthLayouts = []string{"2006-01", "1/2006", "1-2006", "1.2006", "Jan 2006", "January 2006", "Jan 06", "January 06"}

var ordinal = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)

// ParseDateInput reads a date as people say it (14/3/2024, 14 March 2024, 14th Mar 24,
// 2024-03-14) and returns YYYY-MM-DD; a month only (March 2024, Mar 24, 3/2024) returns
// YYYY-MM, which the contract allows where only the month is known.
func ParseDateInput(s string) (string, error) {
	clean := strings.ToLower(strings.Join(strings.Fields(strings.TrimSpace(s)), " "))
	clean = strings.NewReplacer(",", " ", " of ", " ").Replace(clean)
	clean = ordinal.ReplaceAllString(clean, "$1")
	clean = strings.Join(strings.Fields(clean), " ")
	clean = titleWords(clean)
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	for _, l := range monthLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01"), nil
		}
	}
	// "Sept" is how many people shorten September.
	if strings.Contains(clean, "Sept ") {
		return ParseDateInput(strings.Replace(clean, "Sept ", "Sep ", 1))
	}
	return "", fmt.Errorf("%q is not a date", s)
}

// titleWords capitalises each word, so "march" reads as the month name Go expects.
func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// DateWords writes a stored date in words: "14 March 2024", or "March 2024" for a month.
func DateWords(v string) string {
	if d, err := e.ParseDate(v); err == nil {
		return d.Long()
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return t.Format("January 2006")
	}
	return v
}

// ParseDateOrMonthInput is ParseDateInput, which reads a month alone as YYYY-MM too: a carer
// often knows only the month an order was made.
func ParseDateOrMonthInput(s string) (string, error) { return ParseDateInput(s) }
