package entitlements

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The dated figures (rates and limits) live in data/params/<id>.json, one file per topic, so a
// content reviewer can check and update them without reading Go. Each file has:
//
//	id           the topic id; the file must be named <id>.json
//	title        shown before each item's label: "Child Benefit: eldest or only child"
//	per          week | month | year | one_off (an item may override it with its own "per")
//	year_starts  MM-DD the year starts: "04-06" tax year, "04-01" financial year, "09-01" school year
//	reference    the legal basis in words
//	items        [{id, label[, per]}]; the label is written as it reads after "title: "
//	years        [{period "YYYY-YY", confirmed, [reported], [values {item: pence}], sources, [note]}]
//
// A confirmed year gives every item. A year that is not confirmed gives no values, unless they
// were reported by a source that is not good enough to confirm them: then "reported": true.
// Figures are never guessed or worked out from an uplift: FigureAt falls back to the latest
// confirmed year and says so.

//go:embed data/params/*.json
var paramFiles embed.FS

const paramDir = "data/params"

// ParamItem is one amount within a topic, such as the rate for the eldest child.
type ParamItem struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Per is the item's unit. After loading it is always set: the item's own "per" in the
	// file, or else the topic's.
	Per string `json:"per,omitempty"`
}

// ParamYear is one year of a topic's figures.
type ParamYear struct {
	Period    string `json:"period"` // "2025-26": the year starting on the topic's year_starts in 2025
	Confirmed bool   `json:"confirmed"`
	// Reported: not confirmed, but a source gives these values; never shown as settled.
	Reported bool             `json:"reported,omitempty"`
	Values   map[string]int64 `json:"values,omitempty"` // pence, by item id
	Sources  []Source         `json:"sources"`
	Note     string           `json:"note,omitempty"`
}

// Param is one topic of dated figures, such as Child Benefit rates.
type Param struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Per        string      `json:"per"`
	YearStarts string      `json:"year_starts"`
	Reference  string      `json:"reference"`
	Items      []ParamItem `json:"items"`
	Years      []ParamYear `json:"years"`
}

var validPers = []string{"week", "month", "year", "one_off"}

// paramSet is the parsed, checked and indexed figures.
type paramSet struct {
	params []Param // sorted by ID
	byID   map[string]*paramEntry
}

type paramEntry struct {
	param      *Param
	startMonth time.Month
	startDay   int
	items      map[string]*paramItemEntry
	years      []paramYearEntry // ascending
}

type paramItemEntry struct {
	label string // title + ": " + item label
	per   string
}

type paramYearEntry struct {
	start int // calendar year the period starts in
	year  *ParamYear
}

var (
	paramsOnce sync.Once
	paramsData paramSet
	paramsErr  error
)

func loadedParams() (*paramSet, error) {
	paramsOnce.Do(func() {
		sub, err := fs.Sub(paramFiles, paramDir)
		if err != nil {
			paramsErr = err
			return
		}
		paramsData, paramsErr = parseParamFS(sub, paramDir)
	})
	return &paramsData, paramsErr
}

// LoadParams parses and checks the embedded figures (once) and returns a copy of them, sorted by
// ID. A validation error names the file and the field.
func LoadParams() ([]Param, error) {
	set, err := loadedParams()
	if err != nil {
		return nil, err
	}
	return cloneParams(set.params), nil
}

// Params returns a copy of every topic, sorted by ID. It panics only if LoadParams fails,
// which a test rules out.
func Params() []Param {
	ps, err := LoadParams()
	if err != nil {
		panic(err)
	}
	return ps
}

// ParamByID returns a copy of one topic.
func ParamByID(id string) (Param, bool) {
	set, err := loadedParams()
	if err != nil {
		return Param{}, false
	}
	e, ok := set.byID[id]
	if !ok {
		return Param{}, false
	}
	return cloneParams([]Param{*e.param})[0], true
}

// PeriodOf names the year, starting on yearStarts ("MM-DD"), that contains d: "2026-27" for
// 2026-11-22 with "04-06", "2025-26" for 2026-04-05. It returns "" if yearStarts is malformed.
func PeriodOf(yearStarts string, d Date) string {
	m, day, err := parseYearStarts(yearStarts)
	if err != nil {
		return ""
	}
	return periodName(startYearOf(m, day, d))
}

func startYearOf(m time.Month, day int, d Date) int {
	y, dm, dd := d.t.Date()
	if dm < m || (dm == m && dd < day) {
		y--
	}
	return y
}

func periodName(start int) string {
	return fmt.Sprintf("%04d-%02d", start, (start+1)%100)
}

// FigureAt returns the figure for the year containing asOf. If that year is not confirmed (or
// not listed), it returns the latest confirmed year before it, with Confirmed=false and
// Period naming that earlier year. If there is no confirmed year at or before asOf, or the
// topic or item is unknown, ok is false. It never extrapolates. The label is the topic's title
// and the item's label, e.g. "Child Benefit: eldest or only child". The sources are those of
// the year returned (a copy).
func FigureAt(paramID, itemID string, asOf Date) (f Figure, sources []Source, ok bool) {
	set, err := loadedParams()
	if err != nil {
		return Figure{}, nil, false
	}
	e, found := set.byID[paramID]
	if !found {
		return Figure{}, nil, false
	}
	it, found := e.items[itemID]
	if !found {
		return Figure{}, nil, false
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for i := len(e.years) - 1; i >= 0; i-- {
		y := e.years[i]
		if y.start > start || !y.year.Confirmed {
			continue
		}
		v, has := y.year.Values[itemID]
		if !has { // cannot happen: confirmed years give every item
			continue
		}
		f = Figure{Label: it.label, Pence: v, Per: it.per, Period: y.year.Period, Confirmed: y.start == start}
		return f, slices.Clone(y.year.Sources), true
	}
	return Figure{}, nil, false
}

// ReportedAt returns a value that a source reports for the year containing asOf when that year
// is not confirmed ("reported": true in the data), e.g. the ASGSF limit for 2026-27. Show it
// only beside the confirmed figure from FigureAt, as "reported, check".
func ReportedAt(paramID, itemID string, asOf Date) (f Figure, sources []Source, ok bool) {
	set, err := loadedParams()
	if err != nil {
		return Figure{}, nil, false
	}
	e, found := set.byID[paramID]
	if !found {
		return Figure{}, nil, false
	}
	it, found := e.items[itemID]
	if !found {
		return Figure{}, nil, false
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for _, y := range e.years {
		if y.start != start || y.year.Confirmed || !y.year.Reported {
			continue
		}
		v, has := y.year.Values[itemID]
		if !has {
			return Figure{}, nil, false
		}
		return Figure{Label: it.label, Pence: v, Per: it.per, Period: y.year.Period}, slices.Clone(y.year.Sources), true
	}
	return Figure{}, nil, false
}

// YearNoteAt returns the note of the year containing asOf (e.g. why it is not confirmed and
// what to check), or "".
func YearNoteAt(paramID string, asOf Date) string {
	set, err := loadedParams()
	if err != nil {
		return ""
	}
	e, found := set.byID[paramID]
	if !found {
		return ""
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for _, y := range e.years {
		if y.start == start {
			return y.year.Note
		}
	}
	return ""
}

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

// checkSourceFields checks one source: a title, an http(s) address, its own date ("undated", or
// YYYY, YYYY-MM or YYYY-MM-DD, since many sources give only a month or a year) and the date it
// was checked (YYYY-MM-DD).
func checkSourceFields(s Source) error {
	var errs []string
	if strings.TrimSpace(s.Title) == "" {
		errs = append(errs, "title missing")
	}
	if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
		errs = append(errs, fmt.Sprintf("url %q must start with https://", s.URL))
	} else if strings.ContainsAny(s.URL, " \t\n") {
		errs = append(errs, fmt.Sprintf("url %q contains a space", s.URL))
	}
	if !validSourceDate(s.Date) {
		errs = append(errs, fmt.Sprintf("date %q must be YYYY-MM-DD, YYYY-MM, YYYY or \"undated\"", s.Date))
	}
	if s.Checked == "" {
		errs = append(errs, "checked missing")
	} else if _, err := ParseDate(s.Checked); err != nil {
		errs = append(errs, "checked: "+err.Error())
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

func validSourceDate(s string) bool {
	if s == "undated" {
		return true
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// checkJSONDuplicateKeys rejects an object with the same key twice (encoding/json would
// silently keep the last), which is an easy slip when editing a table of values by hand.
func checkJSONDuplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		obj     bool
		keys    map[string]bool
		wantKey bool
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not valid JSON: %w", err)
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			top := &stack[n-1]
			if top.wantKey {
				if k, ok := tok.(string); ok {
					if top.keys[k] {
						return fmt.Errorf("key %q appears twice in the same object (near byte %d)", k, dec.InputOffset())
					}
					top.keys[k] = true
					top.wantKey = false
					continue
				}
			} else {
				top.wantKey = true // this token is the value (or opens it)
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{obj: true, keys: map[string]bool{}, wantKey: true})
		case json.Delim('['):
			stack = append(stack, frame{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
	}
}

func paramKeysSorted[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func cloneParams(ps []Param) []Param {
	out := make([]Param, len(ps))
	for i, p := range ps {
		p.Items = slices.Clone(p.Items)
		years := make([]ParamYear, len(p.Years))
		for j, y := range p.Years {
			if y.Values != nil {
				vals := make(map[string]int64, len(y.Values))
				for k, v := range y.Values {
					vals[k] = v
				}
				y.Values = vals
			}
			y.Sources = slices.Clone(y.Sources)
			years[j] = y
		}
		p.Years = years
		out[i] = p
	}
	return out
}
