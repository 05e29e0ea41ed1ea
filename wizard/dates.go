package wizard

import (
	"fmt"
	"strings"
	"time"
)

var dateLayouts = []string{
	"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006",
	"2 Jan 2006", "2 January 2006", "02 Jan 2006", "02 January 2006", "Jan 2 2006", "January 2 2006",
	"2 Jan, 2006", "2 January, 2006", "January 2, 2006", "Jan 2, 2006", "2/1/06", "02/01/06",
}

// ParseDateInput reads the date forms people in the UK write (22/11/2026, 22 Nov 2026,
// 22nd November 2026, 2026-11-22) and returns YYYY-MM-DD. Day first, never month first.
func ParseDateInput(s string) (string, error) {
	s = strings.TrimSpace(s)
	clean := strings.Join(strings.Fields(s), " ")
	for _, suf := range []string{"st ", "nd ", "rd ", "th "} {
		for i := 1; i <= 31; i++ {
			clean = strings.Replace(clean, fmt.Sprintf("%d%s", i, suf), fmt.Sprintf("%d ", i), 1)
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01-02"), nil
		}
		if t, err := time.Parse(l, strings.Title(strings.ToLower(clean))); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("please write the date like 22/11/2026 or 22 November 2026")
}

var monthLayouts = []string{"January 2006", "Jan 2006", "01/2006", "1/2006", "2006-01", "01-2006", "1-2006", "01.2006"}

// ParseDateOrMonthInput is ParseDateInput, but a month alone (March 2024, 03/2024) is also
// accepted and returned as YYYY-MM: a carer often knows only the month an order was made.
func ParseDateOrMonthInput(s string) (string, error) {
	if d, err := ParseDateInput(s); err == nil {
		return d, nil
	}
	clean := strings.Join(strings.Fields(strings.TrimSpace(s)), " ")
	for _, l := range monthLayouts {
		if t, err := time.Parse(l, clean); err == nil {
			return t.Format("2006-01"), nil
		}
		if t, err := time.Parse(l, strings.Title(strings.ToLower(clean))); err == nil {
			return t.Format("2006-01"), nil
		}
	}
	return "", fmt.Errorf("please write the date like 22/11/2026 or 22 November 2026, or just the month like March 2024")
}
