package letters

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"kincare/entitlements"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

const defaultReplyDays = 20

// tmpl is one letter template: its front matter and its parsed body.
type tmpl struct {
	id          string
	title       string
	to          string             // virtual_school, council, placing_council, responsible_council, school, employer
	team        string             // the line under the office's name when the details give no team
	service     *template.Template // which of a council's services the letter goes to (details.md)
	dear        string
	replyDays   int
	replyMonths int
	checked     string
	sources     []entitlements.Source
	subject     *template.Template
	ask         *template.Template // the letter's first sentence after "I am writing": what it asks
	encloses    []*template.Template
	body        *template.Template
}

type templateSet struct {
	byID map[string]*tmpl
	err  error
}

var (
	tmplOnce sync.Once
	tmplSet  templateSet
)

func loaded() *templateSet {
	tmplOnce.Do(func() { tmplSet = loadTemplates(templateFS) })
	return &tmplSet
}

// LoadTemplates parses the embedded templates and reports the first problem (a test calls it).
func LoadTemplates() error { return loaded().err }

var validTo = map[string]bool{"virtual_school": true, "council": true, "placing_council": true, "responsible_council": true, "school": true, "employer": true, "dwp": true, "looking_council": true}

func loadTemplates(fsys fs.FS) templateSet {
	set := templateSet{byID: map[string]*tmpl{}}
	ids := append(IDs(), followUpID)
	for _, id := range ids {
		data, err := fs.ReadFile(fsys, "templates/"+id+".tmpl")
		if err != nil {
			set.err = fmt.Errorf("letters: template for %s: %v", id, err)
			return set
		}
		t, err := parseTemplate(id, string(data))
		if err != nil {
			set.err = err
			return set
		}
		set.byID[id] = t
	}
	return set
}

func newTemplate(name, text string) (*template.Template, error) {
	return template.New(name).Funcs(funcs).Option("missingkey=error").Parse(text)
}

func parseTemplate(id, text string) (*tmpl, error) {
	head, body, ok := strings.Cut(text, "\n---\n")
	if !ok {
		return nil, fmt.Errorf("letters: template %s: no front matter (a line --- must end it)", id)
	}
	t := &tmpl{id: id, replyDays: defaultReplyDays, dear: "Dear Sir or Madam"}
	for n, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("letters: template %s line %d: want key: value", id, n+1)
		}
		val = strings.TrimSpace(val)
		var err error
		switch strings.TrimSpace(key) {
		case "title":
			t.title = val
		case "to":
			if !validTo[val] {
				return nil, fmt.Errorf("letters: template %s: to: %q is not an office", id, val)
			}
			t.to = val
		case "team":
			t.team = val
		case "service":
			t.service, err = newTemplate(id+":service", val)
		case "dear":
			t.dear = val
		case "ask":
			t.ask, err = newTemplate(id+":ask", val)
		case "subject":
			t.subject, err = newTemplate(id+":subject", val)
		case "reply_days":
			t.replyDays, err = strconv.Atoi(val)
		case "reply_months":
			t.replyMonths, err = strconv.Atoi(val)
		case "encloses":
			var e *template.Template
			e, err = newTemplate(id+":encloses", val)
			t.encloses = append(t.encloses, e)
		case "source", "sources":
			parts := strings.Split(val, "|")
			if len(parts) != 4 {
				return nil, fmt.Errorf("letters: template %s: source wants title | url | date | checked", id)
			}
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			t.sources = append(t.sources, entitlements.Source{Title: parts[0], URL: parts[1], Date: parts[2], Checked: parts[3]})
		case "checked":
			t.checked = val
		default:
			return nil, fmt.Errorf("letters: template %s: unknown front matter key %q", id, key)
		}
		if err != nil {
			return nil, fmt.Errorf("letters: template %s: %s: %v", id, key, err)
		}
	}
	if t.title == "" || t.subject == nil || (t.to == "" && id != followUpID) {
		return nil, fmt.Errorf("letters: template %s: title, to and subject are required", id)
	}
	if t.replyDays < 1 && t.replyMonths < 1 {
		return nil, fmt.Errorf("letters: template %s: reply_days must be positive", id)
	}
	var err error
	if t.body, err = newTemplate(id, body); err != nil {
		return nil, fmt.Errorf("letters: template %s: %v", id, err)
	}
	return t, nil
}

var funcs = template.FuncMap{
	"gap":  gap,
	"poss": possessive,
	"a":    article,
	"cap":  capitalise,
	"lower": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToLower(s[:1]) + s[1:]
	},
}
