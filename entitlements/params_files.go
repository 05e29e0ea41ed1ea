// Reading the figures files strictly: every problem reported together, naming its file and field.

package entitlements

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The file format, read strictly. Pointers tell a missing field from a zero one.
type paramFile struct {
	ID         *string         `json:"id"`
	Title      *string         `json:"title"`
	Per        *string         `json:"per"`
	YearStarts *string         `json:"year_starts"`
	Reference  *string         `json:"reference"`
	Items      []ParamItem     `json:"items"`
	Years      []paramYearFile `json:"years"`
}

type paramYearFile struct {
	Period    *string          `json:"period"`
	Confirmed *bool            `json:"confirmed"`
	Reported  bool             `json:"reported"`
	Values    map[string]int64 `json:"values"`
	Sources   []Source         `json:"sources"`
	Note      string           `json:"note"`
}

// parseParamFS reads every *.json file at the root of fsys; dir is only used to name files in
// errors. All problems are reported together, each naming its file and field.
func parseParamFS(fsys fs.FS, dir string) (paramSet, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return paramSet{}, err
	}
	if len(names) == 0 {
		return paramSet{}, fmt.Errorf("%s: no *.json files of figures", dir)
	}
	slices.Sort(names)
	set := paramSet{byID: map[string]*paramEntry{}}
	var errs []error
	seenIn := map[string]string{}
	for _, name := range names {
		file := dir + "/" + name
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		p, e, perrs := parseParamFile(file, name, data)
		if len(perrs) > 0 {
			errs = append(errs, perrs...)
			continue
		}
		if prev, dup := seenIn[p.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: id: %q is already used by %s", file, p.ID, prev))
			continue
		}
		seenIn[p.ID] = file
		set.params = append(set.params, p)
		set.byID[p.ID] = e
	}
	if len(errs) > 0 {
		return paramSet{}, errors.Join(errs...)
	}
	slices.SortFunc(set.params, func(a, b Param) int { return strings.Compare(a.ID, b.ID) })
	// Point the index at the sorted slice's elements.
	for i := range set.params {
		p := &set.params[i]
		e := set.byID[p.ID]
		e.param = p
		for j := range e.years {
			e.years[j].year = &p.Years[j]
		}
	}
	return set, nil
}

func parseParamFile(file, name string, data []byte) (Param, *paramEntry, []error) {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", file, field, fmt.Sprintf(format, args...)))
	}
	if err := checkJSONDuplicateKeys(data); err != nil {
		return Param{}, nil, []error{fmt.Errorf("%s: %w", file, err)}
	}
	var pf paramFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return Param{}, nil, []error{fmt.Errorf("%s: not valid figures JSON: %w", file, err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Param{}, nil, []error{fmt.Errorf("%s: extra data after the JSON object", file)}
	}

	str := func(field string, v *string) string {
		if v == nil || strings.TrimSpace(*v) == "" {
			bad(field, "missing")
			return ""
		}
		return *v
	}
	p := Param{
		ID:         str("id", pf.ID),
		Title:      str("title", pf.Title),
		Per:        str("per", pf.Per),
		YearStarts: str("year_starts", pf.YearStarts),
		Reference:  str("reference", pf.Reference),
	}
	if p.ID != "" {
		if !isParamID(p.ID) {
			bad("id", "%q must be lower-case letters, digits and _", p.ID)
		} else if want := p.ID + ".json"; name != want {
			bad("id", "%q does not match the file name (want %s)", p.ID, want)
		}
	}
	if p.Per != "" && !slices.Contains(validPers, p.Per) {
		bad("per", "%q is not one of %s", p.Per, strings.Join(validPers, ", "))
	}
	e := &paramEntry{items: map[string]*paramItemEntry{}}
	if p.YearStarts != "" {
		m, d, err := parseYearStarts(p.YearStarts)
		if err != nil {
			bad("year_starts", "%v", err)
		}
		e.startMonth, e.startDay = m, d
	}

	if len(pf.Items) == 0 {
		bad("items", "missing or empty")
	}
	for i, it := range pf.Items {
		field := fmt.Sprintf("items[%d]", i)
		if it.ID == "" {
			bad(field+".id", "missing")
			continue
		}
		field = fmt.Sprintf("items[%d] (%s)", i, it.ID)
		if _, dup := e.items[it.ID]; dup {
			bad(field+".id", "duplicate item id %q", it.ID)
			continue
		}
		if strings.TrimSpace(it.Label) == "" {
			bad(field+".label", "missing")
		}
		if it.Per == "" {
			it.Per = p.Per
		} else if !slices.Contains(validPers, it.Per) {
			bad(field+".per", "%q is not one of %s", it.Per, strings.Join(validPers, ", "))
		}
		p.Items = append(p.Items, it)
		e.items[it.ID] = &paramItemEntry{label: p.Title + ": " + it.Label, per: it.Per}
	}

	if len(pf.Years) == 0 {
		bad("years", "missing or empty")
	}
	prevStart := 0
	for i, yf := range pf.Years {
		field := fmt.Sprintf("years[%d]", i)
		if yf.Period == nil || *yf.Period == "" {
			bad(field+".period", "missing")
			continue
		}
		field = fmt.Sprintf("years[%d] (%s)", i, *yf.Period)
		start, err := parsePeriod(*yf.Period)
		if err != nil {
			bad(field+".period", "%v", err)
			continue
		}
		if i > 0 && start <= prevStart {
			bad(field+".period", "years must be in ascending order with no duplicates (after %s)", periodName(prevStart))
		}
		prevStart = start
		y := ParamYear{Period: *yf.Period, Reported: yf.Reported, Note: yf.Note, Sources: yf.Sources}
		if yf.Confirmed == nil {
			bad(field+".confirmed", "missing (write true or false)")
		} else {
			y.Confirmed = *yf.Confirmed
		}
		for _, k := range paramKeysSorted(yf.Values) {
			v := yf.Values[k]
			if _, ok := e.items[k]; !ok {
				bad(field+".values", "%q is not one of the items", k)
			}
			if v < 0 {
				bad(field+".values."+k, "negative amount %d", v)
			}
		}
		if len(yf.Values) > 0 {
			y.Values = yf.Values
		}
		switch {
		case y.Confirmed && y.Reported:
			bad(field+".reported", "a confirmed year cannot also be only reported")
		case y.Confirmed:
			for _, it := range p.Items {
				if _, ok := yf.Values[it.ID]; !ok {
					bad(field+".values", "confirmed year has no value for item %q", it.ID)
				}
			}
		case y.Reported && len(yf.Values) == 0:
			bad(field+".values", "a reported year needs the reported values")
		case !y.Reported && len(yf.Values) > 0:
			bad(field+".values", "an unconfirmed year may carry values only if marked \"reported\": true")
		}
		if len(yf.Sources) == 0 {
			bad(field+".sources", "every year needs at least one source")
		}
		for j, s := range yf.Sources {
			if err := checkSourceFields(s); err != nil {
				bad(fmt.Sprintf("%s.sources[%d]", field, j), "%v", err)
			}
		}
		p.Years = append(p.Years, y)
		e.years = append(e.years, paramYearEntry{start: start})
	}
	if len(errs) > 0 {
		return Param{}, nil, errs
	}
	return p, e, nil
}

func isParamID(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return s != ""
}

// parseYearStarts reads "MM-DD" (not 02-29, which is not in every year).
func parseYearStarts(s string) (time.Month, int, error) {
	if len(s) != 5 || s[2] != '-' {
		return 0, 0, fmt.Errorf("%q is not MM-DD", s)
	}
	m, err1 := strconv.Atoi(s[:2])
	d, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 {
		return 0, 0, fmt.Errorf("%q is not MM-DD", s)
	}
	if t := time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return 0, 0, fmt.Errorf("%q is not a day that every year has", s)
	}
	return time.Month(m), d, nil
}

// parsePeriod reads "YYYY-YY", where YY is the year after YYYY, and returns YYYY.
func parsePeriod(s string) (int, error) {
	if len(s) != 7 || s[4] != '-' {
		return 0, fmt.Errorf("%q is not YYYY-YY", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	n, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || y < 1900 {
		return 0, fmt.Errorf("%q is not YYYY-YY", s)
	}
	if n != (y+1)%100 {
		return 0, fmt.Errorf("%q: the second year must follow the first (%s)", s, periodName(y))
	}
	return y, nil
}

func paramKeysSorted[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
