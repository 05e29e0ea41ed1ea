package entitlements

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseInputRefusesDuplicateKeysBadUTF8AndHugeText(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"duplicate answer", `{"answers":{"country":"england","country":"wales"}}`, `"answers.country" twice`},
		{"duplicate top level", `{"answers":{},"answers":{"country":"wales"}}`, `"answers" twice`},
		{"duplicate in a child", `{"household":{},"children":[{"name":"A","answers":{},"name":"B"}]}`, `"children.name" twice`},
		{"invalid UTF-8", "{\"answers\":{\"council\":\"Leeds\xff\"}}", "not UTF-8"},
		{"huge text", `{"answers":{"council":"` + strings.Repeat("a", 5000) + `"}}`, "5000 characters long"},
		{"too deep", strings.Repeat("[", 100) + strings.Repeat("]", 100), "nested"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseInput([]byte(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
	// Same keys in different objects are fine.
	if _, err := ParseInput([]byte(`{"household":{"country":"england"},"children":[{"name":"A","answers":{"child_age":3}},{"name":"B","answers":{"child_age":5}}]}`)); err != nil {
		t.Fatalf("a good family file was refused: %v", err)
	}
}

func TestParseInputRefusesOversizedFile(t *testing.T) {
	data := []byte(`{"answers":{}}` + strings.Repeat(" ", MaxAnswersFileBytes))
	_, err := ParseInput(data)
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("got %v", err)
	}
}

func TestParseDetailsRefusesDuplicateKeysAndHugeNames(t *testing.T) {
	for _, data := range []string{
		`{"child":{"name":"A","name":"B"}}`,
		`{"carer":{"name":"` + strings.Repeat("n", 50_000) + `"}}`,
		`{"carer":{"address":["1 Road","` + strings.Repeat("x", 2000) + `"]}}`,
		"{\"carer\":{\"name\":\"\xc3\"}}",
	} {
		if _, err := ParseDetails([]byte(data)); err == nil {
			t.Errorf("accepted %.60q", data)
		}
	}
	if _, err := ParseDetails([]byte(`{"carer":{"name":"Mary Smith","address":["1 Road","Leeds"]}}`)); err != nil {
		t.Fatalf("good details refused: %v", err)
	}
}

func FuzzCheckJSON(f *testing.F) {
	f.Add([]byte(`{"answers":{"country":"england"}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte(`[{"a":[{"b":{}}]},{"a":1}]`))
	f.Add([]byte("{\"a\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := CheckJSON(data, 1<<16, "the file")
		if err == nil && !utf8.Valid(data) {
			t.Fatal("invalid UTF-8 accepted")
		}
		_, _ = ParseInput(data)
		_, _ = ParseDetails(data)
	})
}
