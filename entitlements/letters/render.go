// Filling a letter's template with one family's facts to make the finished letter.

package letters

import (
	"bytes"
	"strings"
	"text/template"

	"kincare/entitlements"
)

func run(t *template.Template, data map[string]any) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (c *caseData) render(t *tmpl, extra map[string]any) (Letter, error) {
	data := c.data
	if extra != nil {
		data = make(map[string]any, len(c.data)+len(extra))
		for k, v := range c.data {
			data[k] = v
		}
		for k, v := range extra {
			data[k] = v
		}
	}
	l := Letter{RequestID: c.in.RequestID, Title: t.title, Date: c.in.Today.Long(), Greeting: t.dear,
		Closing: "Yours faithfully", ReplyDue: c.due.String(), Status: entitlements.Status(c.data["Status"].(string)),
		Assert: c.data["Assert"].(bool)}
	for _, s := range c.sender() {
		l.From = append(l.From, finish(s))
	}
	if t.to != "" {
		r, err := c.recipient(t, data)
		if err != nil {
			return Letter{}, err
		}
		for _, s := range r.lines {
			l.To = append(l.To, finish(s))
		}
		l.Reference, l.CopyTo = r.reference, r.copyTo
		if r.contact != "" {
			l.Greeting, l.Closing = "Dear "+dearName(r.contact), "Yours sincerely"
		}
	}
	subj, err := run(t.subject, data)
	if err != nil {
		return Letter{}, err
	}
	l.Subject = finish(strings.Join(strings.Fields(subj), " "))
	body, err := run(t.body, data)
	if err != nil {
		return Letter{}, err
	}
	if t.ask != nil {
		ask, err := run(t.ask, data)
		if err != nil {
			return Letter{}, err
		}
		opening := "I am writing"
		if s := c.data["SecondCarer"].(string); s != "" && t.to != "employer" && t.to != "dwp" {
			opening = "I am writing, with " + s + ","
		}
		body = opening + " " + strings.Join(strings.Fields(ask), " ") + "\n\n" + body
	}
	l.Body = finish(tidy(body))
	l.Signature = []string{finish(c.data["Carer"].(string))}
	if s := c.data["SecondCarer"].(string); s != "" && t.to != "employer" && t.to != "dwp" {
		l.Signature = append(l.Signature, s)
	}
	for _, e := range t.encloses {
		s, err := run(e, data)
		if err != nil {
			return Letter{}, err
		}
		for _, s := range strings.Split(s, "\n") {
			if s = strings.TrimSpace(s); s != "" {
				l.Encloses = append(l.Encloses, finish(s))
			}
		}
	}
	// What is a gap is decided in one place, from the finished text.
	l.Gaps = GapsIn(l.Text())
	if l.Gaps == nil {
		l.Gaps = []string{}
	}
	l.Sources = append([]entitlements.Source{}, t.sources...)
	return l, nil
}
