package entitlements

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A rule names its figures by topic and item id. A name that is not in data/params shows no
// figure at all, silently (the Universal Credit rule once asked for "other_child" where the
// data says "other"), so every name the rules use is checked against the data here.
func TestRulesNameKnownFigures(t *testing.T) {
	call := regexp.MustCompile(`figures\(e\.AsOf,\s*((?:"[^"]*",?\s*)+)\)`)
	files, _ := filepath.Glob("rules_*.go")
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			var names []string
			for _, q := range regexp.MustCompile(`"[^"]*"`).FindAllString(m[1], -1) {
				s, _ := strconv.Unquote(q)
				names = append(names, s)
			}
			p, ok := ParamByID(names[0])
			if !ok {
				t.Errorf("%s: figures topic %q is not in data/params", file, names[0])
				continue
			}
			for _, item := range names[1:] {
				seen++
				found := false
				for _, it := range p.Items {
					found = found || it.ID == item
				}
				if !found {
					t.Errorf("%s: figures item %q is not an item of %s", file, item, names[0])
				}
			}
		}
	}
	if seen < 10 {
		t.Fatalf("found only %d figure names in the rules; the pattern no longer matches the code", seen)
	}
}
