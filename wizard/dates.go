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

// ParseDateInput reads a day as people write it in the UK (14/3/2024, 14 March 2024, 14th Mar
// 24, 2024-03-14), day first, never month first, and returns YYYY-MM-DD.
func ParseDateInput(s string) (string, error) {
	clean := cleanDate(s)
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date", s)
}

// ParseDateOrMonthInput is ParseDateInput, but a month alone (March 2024, Mar 24, 3/2024) is
// also read, as YYYY-MM: a carer often knows only the month an order was made, and the
// contract allows it for order_date.
func ParseDateOrMonthInput(s string) (string, error) {
	if d, err := ParseDateInput(s); err == nil {
		return d, nil
	}
	clean := cleanDate(s)
	for _, l := range monthLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date", s)
}

// cleanDate puts what was typed in the form the layouts read: single spaces, no commas, "of"
// or ordinal endings, each word capitalised ("march" reads as March), "Sept" as "Sep".
func cleanDate(s string) string {
	clean := strings.ToLower(strings.Join(strings.Fields(strings.TrimSpace(s)), " "))
	clean = strings.NewReplacer(",", " ", " of ", " ").Replace(clean)
	clean = ordinal.ReplaceAllString(clean, "$1")
	clean = titleWords(clean)
	return strings.Replace(clean, "Sept ", "Sep ", 1)
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
