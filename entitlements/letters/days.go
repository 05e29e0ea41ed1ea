package letters

import (
	"sync"
	"time"

	"kincare/entitlements"
)

// Working days for reply deadlines: Monday to Friday, less the bank holidays of England and Wales.
// Everything here is date arithmetic: nothing reads the clock.

// oneOffs are the bank holidays proclaimed for one year only (and the usual ones they replaced).
var oneOffs = map[int]struct{ add, remove []string }{
	2011: {add: []string{"2011-04-29"}},                                                             // royal wedding
	2012: {add: []string{"2012-06-04", "2012-06-05"}, remove: []string{"2012-05-28"}},               // diamond jubilee
	2020: {add: []string{"2020-05-08"}, remove: []string{"2020-05-04"}},                             // VE day
	2022: {add: []string{"2022-06-02", "2022-06-03", "2022-09-19"}, remove: []string{"2022-05-30"}}, // platinum jubilee; the Queen's funeral
	2023: {add: []string{"2023-05-08"}},                                                             // coronation
}

// Easter is Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
func Easter(year int) entitlements.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return entitlements.DateOf(year, time.Month(month), day)
}

func weekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }

func firstMonday(year int, m time.Month) time.Time {
	t := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func lastMonday(year int, m time.Month) time.Time {
	t := time.Date(year, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, -1)
	}
	return t
}

var (
	holidayMu    sync.Mutex
	holidayCache = map[int][]entitlements.Date{}
)

// BankHolidays lists the bank holidays of England and Wales in a year, in date order.
func BankHolidays(year int) []entitlements.Date {
	holidayMu.Lock()
	defer holidayMu.Unlock()
	if h, ok := holidayCache[year]; ok {
		return append([]entitlements.Date(nil), h...)
	}
	h := bankHolidays(year)
	holidayCache[year] = h
	return append([]entitlements.Date(nil), h...)
}

func isBankHoliday(d entitlements.Date) bool {
	holidayMu.Lock()
	h, ok := holidayCache[d.Year()]
	holidayMu.Unlock()
	if !ok {
		h = BankHolidays(d.Year())
	}
	for _, x := range h {
		if x == d {
			return true
		}
	}
	return false
}

func bankHolidays(year int) []entitlements.Date {
	set := map[time.Time]bool{}
	// New Year's Day, or the next Monday when it falls at a weekend.
	ny := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	for weekend(ny) {
		ny = ny.AddDate(0, 0, 1)
	}
	set[ny] = true
	e := Easter(year).Time()
	set[e.AddDate(0, 0, -2)] = true // Good Friday
	set[e.AddDate(0, 0, 1)] = true  // Easter Monday
	set[firstMonday(year, time.May)] = true
	set[lastMonday(year, time.May)] = true
	set[lastMonday(year, time.August)] = true
	// Christmas Day and Boxing Day; one at a weekend moves to the next weekday that is not already a holiday.
	xmas := []time.Time{time.Date(year, time.December, 25, 0, 0, 0, 0, time.UTC), time.Date(year, time.December, 26, 0, 0, 0, 0, time.UTC)}
	for _, d := range xmas {
		if !weekend(d) {
			set[d] = true
		}
	}
	for _, d := range xmas {
		if weekend(d) {
			x := d.AddDate(0, 0, 1)
			for weekend(x) || set[x] {
				x = x.AddDate(0, 0, 1)
			}
			set[x] = true
		}
	}
	if o, ok := oneOffs[year]; ok {
		for _, s := range o.remove {
			delete(set, entitlements.MustDate(s).Time())
		}
		for _, s := range o.add {
			set[entitlements.MustDate(s).Time()] = true
		}
	}
	out := make([]entitlements.Date, 0, len(set))
	for t := range set {
		out = append(out, entitlements.DateOf(t.Year(), t.Month(), t.Day()))
	}
	for i := 1; i < len(out); i++ { // insertion sort: at most a dozen days
		for j := i; j > 0 && out[j].Before(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// IsBankHoliday says whether d is a bank holiday in England and Wales.
func IsBankHoliday(d entitlements.Date) bool { return isBankHoliday(d) }

// IsWorkingDay is Monday to Friday and not a bank holiday in England and Wales.
func IsWorkingDay(d entitlements.Date) bool {
	return !weekend(d.Time()) && !IsBankHoliday(d)
}

// AddWorkingDays is the date n working days after d (d itself does not count). n <= 0 gives d.
func AddWorkingDays(d entitlements.Date, n int) entitlements.Date {
	for n > 0 {
		d = d.AddDays(1)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// AddMonths is the same day n calendar months later, or the last day of that month when it is shorter
// (31 December plus two months is 28 or 29 February).
func AddMonths(d entitlements.Date, n int) entitlements.Date {
	y, m := d.Year(), int(d.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	day := d.Day()
	if day > last {
		day = last
	}
	return entitlements.DateOf(y, time.Month(m+1), day)
}

// ReplyDue is when a reply to the letter sent on sent is due: the template's own limit
// (reply_months calendar months, or reply_days working days), 20 working days by default.
// An unknown request id gets the default.
func ReplyDue(requestID string, sent entitlements.Date) entitlements.Date {
	if t, ok := loaded().byID[requestID]; ok {
		if t.replyMonths > 0 {
			return AddMonths(sent, t.replyMonths)
		}
		return AddWorkingDays(sent, t.replyDays)
	}
	return AddWorkingDays(sent, defaultReplyDays)
}

// Overdue says whether a reply due on due is late on today (the due day itself is not late).
func Overdue(due, today entitlements.Date) bool { return today.After(due) }
