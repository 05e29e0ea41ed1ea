// Checks shared by the figures and the sources files: a source's fields, and a key given twice.

package entitlements

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

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
