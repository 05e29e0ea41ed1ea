package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Limits on what kincare reads from a file. They are far above anything a real answers or
// details file holds, and low enough that a wrong or hostile file (a 50 MB name, /dev/zero)
// is refused at once with a message instead of filling the memory.
const (
	// MaxAnswersFileBytes bounds an answers file, single or family (12 children fit in 20 KB).
	MaxAnswersFileBytes = 1 << 20
	// MaxDetailsFileBytes bounds a details file.
	MaxDetailsFileBytes = 256 << 10
	// MaxTextField bounds every text value in an answers or details file, in characters.
	MaxTextField = 1000
	// maxJSONDepth bounds nesting: the deepest real file nests four levels.
	maxJSONDepth = 32
)

// LimitError says an input is larger than kincare accepts.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// CheckJSON refuses what encoding/json would quietly accept: text that is not valid UTF-8
// (it would be changed into replacement characters), a key given twice in one object (the
// last one would silently win), deep nesting, and files or text values over the limits.
// what names the input in messages ("the answers file").
func CheckJSON(data []byte, maxBytes int, what string) error {
	if len(data) > maxBytes {
		return &LimitError{Msg: fmt.Sprintf("%s is too large (%s); kincare reads at most %s. Check it is the right file", what, sizeWords(len(data)), sizeWords(maxBytes))}
	}
	if !utf8.Valid(data) {
		at := 0
		for at < len(data) {
			r, n := utf8.DecodeRune(data[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return fmt.Errorf("%s is not UTF-8 text (the first bad byte is number %d). Save it as UTF-8 and try again", what, at+1)
	}
	return walkJSON(data, what, MaxTextField)
}

// duplicateKeyError is a key given twice in one object; path names it from the top.
type duplicateKeyError struct{ what, path, key string }

func (e *duplicateKeyError) Error() string {
	return fmt.Sprintf("%s gives %q twice; give each key once", e.what, e.path)
}

type jsonFrame struct {
	object  bool
	wantKey bool
	keys    map[string]bool
	path    string
}

// walkJSON reads the token stream once, checking keys, depth and (when maxText is over 0) text
// lengths. Syntax errors are left to the decoder that runs next, whose messages already say
// where the problem is.
func walkJSON(data []byte, what string, maxText int) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []*jsonFrame
	// value records that a whole value has been read inside the current frame.
	value := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
	where := func(key string) string {
		if len(stack) == 0 || stack[len(stack)-1].path == "" {
			return key
		}
		return stack[len(stack)-1].path + "." + key
	}
	lastKey := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // end of input, or a syntax error the real decoder reports
		}
		top := (*jsonFrame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:len(stack)-1]
				value()
				continue
			}
			key, _ := tok.(string)
			if top.keys[key] {
				return &duplicateKeyError{what: what, path: where(key), key: key}
			}
			if maxText > 0 && utf8.RuneCountInString(key) > maxText {
				return &LimitError{Msg: fmt.Sprintf("%s has a key longer than %d characters", what, maxText)}
			}
			top.keys[key] = true
			top.wantKey = false
			lastKey = key
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxJSONDepth {
					return &LimitError{Msg: fmt.Sprintf("%s is nested more than %d levels deep; it is not a kincare file", what, maxJSONDepth)}
				}
				path := ""
				if top != nil {
					if top.object {
						path = where(lastKey)
					} else {
						path = top.path
					}
				}
				stack = append(stack, &jsonFrame{object: t == '{', wantKey: t == '{', keys: map[string]bool{}, path: path})
			case ']':
				stack = stack[:len(stack)-1]
				value()
			}
		case string:
			if n := utf8.RuneCountInString(t); maxText > 0 && n > maxText {
				name := "a text value"
				if top != nil && top.object {
					name = fmt.Sprintf("%q", where(lastKey))
				} else if top != nil && top.path != "" {
					name = fmt.Sprintf("a line of %q", top.path)
				}
				return &LimitError{Msg: fmt.Sprintf("%s: %s is %d characters long; kincare keeps at most %d", what, name, n, maxText)}
			}
			value()
		default:
			value()
		}
	}
}

// sizeWords says a size in bytes the way a person would ("3.2 MB").
func sizeWords(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
