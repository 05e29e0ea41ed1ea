// Checks shared by the figures and the sources files: a source's fields, and a key given twice.

package entitlements

import (
	"errors"
	"fmt"
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

// checkJSONDuplicateKeys rejects an object with the same key twice in a data file (encoding/json
// would keep the last one silently). It is the strict reader of input files without their
// size limits: a reference or note in the data may be long.
func checkJSONDuplicateKeys(data []byte) error {
	var dup *duplicateKeyError
	if err := walkJSON(data, "the file", 0); errors.As(err, &dup) {
		return fmt.Errorf("key %q appears twice in the same object (at %s)", dup.key, dup.path)
	} else if err != nil {
		return err
	}
	return nil
}
