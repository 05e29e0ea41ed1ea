package tui

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/wizard"
)

// WCAG 2.2 AA asks 4.5:1 for text and 3:1 for the lines that draw a box (non-text).
const (
	textContrast   = 4.5
	borderContrast = 3.0
)

// terminalBackgrounds are common terminal backgrounds: the interface learns only whether
// the background is dark or light, so each colour must hold on all of that kind.
var terminalBackgrounds = map[bool][]string{
	true: {"#000000", "#0C0C0C" /* Windows Terminal */, "#1E1E1E" /* VS Code */, "#282C34", /* One Dark */
		"#300A24" /* Ubuntu */, "#002B36" /* Solarized dark */, "#2E3440" /* Nord */},
	false: {"#FFFFFF", "#FAFAFA", "#FDF6E3" /* Solarized light */, "#EEEEEE"},
}

// terminalText is a dim default text colour for each kind of background, for a background
// drawn under the terminal's own text.
var terminalText = map[bool]string{true: "#BBBBBB", false: "#333333"}

// luminance is WCAG relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func hasColour(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c != nil && !none
}

// worstAgainst is the lowest contrast of fg over the backgrounds of a theme.
func worstAgainst(fg color.Color, dark bool) (float64, string) {
	worst, where := math.Inf(1), ""
	for _, bg := range terminalBackgrounds[dark] {
		if r := contrast(fg, lipgloss.Color(bg)); r < worst {
			worst, where = r, bg
		}
	}
	return worst, where
}

// namedStyles lists every text style the interface draws with, by name.
func namedStyles(c *common) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeOf(lipgloss.Style{}):
			out[prefix] = v.Interface().(lipgloss.Style)
		case v.Kind() == reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() {
					walk(prefix+"."+f.Name, v.Field(i))
				}
			}
		case v.Kind() == reflect.Map:
			for _, k := range v.MapKeys() {
				walk(prefix+"["+k.String()+"]", v.MapIndex(k))
			}
		}
	}
	walk("styles", reflect.ValueOf(*c.st))
	walk("help", reflect.ValueOf(c.help.Styles))
	return out
}

// Every style's text is at least 4.5:1 on dark and light terminals, box lines 3:1, and
// nothing is faint; with colours off no style has a colour, so nothing is told by colour.
func TestStylesContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		c := newCommon(Options{})
		c.dark = dark
		c.setStyles()
		worst := math.Inf(1)
		for name, s := range namedStyles(c) {
			if s.GetFaint() {
				t.Errorf("%s is faint", name)
			}
			if fg, bg := s.GetForeground(), s.GetBackground(); hasColour(bg) {
				if !hasColour(fg) {
					t.Errorf("%s sets a background but leaves the text colour to the terminal", name)
				} else if r := contrast(fg, bg); r < textContrast {
					t.Errorf("%s: %.2f:1 against its own background", name, r)
				}
			} else if hasColour(fg) {
				r, bg := worstAgainst(fg, dark)
				worst = min(worst, r)
				if r < textContrast {
					t.Errorf("%s (dark %v): %.2f:1 on %s, want %.1f:1", name, dark, r, bg, textContrast)
				}
			}
			if b := s.GetBorderTopForeground(); s.GetBorderTop() && hasColour(b) {
				if r, bg := worstAgainst(b, dark); r < borderContrast {
					t.Errorf("%s border (dark %v): %.2f:1 on %s, want %.1f:1", name, dark, r, bg, borderContrast)
				}
			}
		}
		for name, cur := range map[string]color.Color{"input cursor": c.st.Input.Cursor.Color, "editor cursor": c.st.TextArea.Cursor.Color} {
			if r, bg := worstAgainst(cur, dark); r < textContrast {
				t.Errorf("%s (dark %v): %.2f:1 on %s", name, dark, r, bg)
			}
		}
		t.Logf("dark %v: the lowest text contrast of any style is %.2f:1", dark, worst)
	}
	c := newCommon(Options{NoColor: true})
	for name, s := range namedStyles(c) {
		if hasColour(s.GetForeground()) || hasColour(s.GetBackground()) || s.GetFaint() {
			t.Errorf("%s has a colour (or is faint) with colours off", name)
		}
	}
}

// sgrRun is text drawn with one set of attributes.
type sgrRun struct {
	fg, bg         color.Color
	faint, reverse bool
	text           string
}

// runs splits a drawn screen into runs of text by their SGR attributes.
func runs(s string) []sgrRun {
	var out []sgrRun
	cur := sgrRun{}
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			r := cur
			r.text = text.String()
			out = append(out, r)
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			text.WriteByte(s[i])
			i++
			continue
		}
		flush()
		if i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				cur = applySGR(cur, s[i+2:j])
			}
			i = j + 1
			continue
		}
		i++ // any other escape: its bytes are not drawn text the checks care about
	}
	flush()
	return out
}

func applySGR(r sgrRun, params string) sgrRun {
	ps := strings.FieldsFunc(params, func(c rune) bool { return c == ';' || c == ':' })
	if len(ps) == 0 {
		return sgrRun{}
	}
	num := func(i int) int { n, _ := strconv.Atoi(ps[i]); return n }
	extended := func(i int) (color.Color, int) {
		if i+1 < len(ps) && ps[i+1] == "5" && i+2 < len(ps) {
			return ansi.IndexedColor(num(i + 2)), i + 2
		}
		if i+1 < len(ps) && ps[i+1] == "2" && i+4 < len(ps) {
			return color.RGBA{uint8(num(i + 2)), uint8(num(i + 3)), uint8(num(i + 4)), 255}, i + 4
		}
		return nil, i
	}
	for i := 0; i < len(ps); i++ {
		n := num(i)
		switch {
		case n == 0:
			r = sgrRun{}
		case n == 2:
			r.faint = true
		case n == 22:
			r.faint = false
		case n == 7:
			r.reverse = true
		case n == 27:
			r.reverse = false
		case n >= 30 && n <= 37:
			r.fg = ansi.BasicColor(n - 30)
		case n >= 90 && n <= 97:
			r.fg = ansi.BasicColor(n - 90 + 8)
		case n == 39:
			r.fg = nil
		case n >= 40 && n <= 47:
			r.bg = ansi.BasicColor(n - 40)
		case n >= 100 && n <= 107:
			r.bg = ansi.BasicColor(n - 100 + 8)
		case n == 49:
			r.bg = nil
		case n == 38:
			r.fg, i = extended(i)
		case n == 48:
			r.bg, i = extended(i)
		case n == 58:
			_, i = extended(i)
		}
	}
	return r
}

// boxOnly says whether text is only the lines of a box (and spaces).
func boxOnly(s string) bool {
	for _, r := range s {
		if r != ' ' && (r < 0x2500 || r > 0x257f) {
			return false
		}
	}
	return true
}

// checkScreenContrast measures every run of coloured text on a drawn screen.
func checkScreenContrast(t *testing.T, where, screen string, dark bool) float64 {
	t.Helper()
	worst := math.Inf(1)
	for _, r := range runs(screen) {
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		if r.faint {
			t.Errorf("%s: faint text %q", where, r.text)
		}
		fg, bg := r.fg, r.bg
		if r.reverse {
			fg, bg = bg, fg
		}
		var ratio float64
		var on string
		switch {
		case fg == nil && bg == nil:
			continue // the terminal's own colours
		case fg != nil && bg != nil:
			ratio, on = contrast(fg, bg), "its own background"
		case fg != nil:
			ratio, on = worstAgainst(fg, dark)
		case r.reverse:
			// reversed with only a text colour (a cursor): the letters take the
			// terminal's background colour
			ratio, on = worstAgainst(bg, dark)
		default:
			// a background under the terminal's own text colour
			ratio, on = contrast(bg, lipgloss.Color(terminalText[dark])), "the terminal's text colour"
		}
		want := textContrast
		if boxOnly(r.text) {
			want = borderContrast
		} else {
			worst = min(worst, ratio)
		}
		if ratio < want {
			t.Errorf("%s (dark %v): %q is %.2f:1 on %s, want %.1f:1", where, dark, r.text, ratio, on, want)
		}
	}
	return worst
}

// Every coloured text on every screen (each golden screen and each question) is readable
// on dark and light terminals: this catches a colour from anywhere, a library's included.
func TestScreensContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		bg := color.Color(color.White)
		if dark {
			bg = color.Black
		}
		worst := math.Inf(1)
		start := func() *driver {
			d := newDriver(t, Options{Store: oddCases(t)}, 80, 24)
			d.send(tea.BackgroundColorMsg{Color: bg})
			return d
		}
		for _, gs := range goldenScreens {
			d := start()
			gs.setup(d)
			worst = min(worst, checkScreenContrast(t, gs.name, d.m.View().Content, dark))
		}
		d := start()
		openSGOCase(d)
		for _, q := range wizard.Questions() {
			d.askQuestion(q)
			d.key("enter") // the message for nothing chosen, or an empty box
			d.key("down")
			worst = min(worst, checkScreenContrast(t, q.Name, d.m.View().Content, dark))
		}
		t.Logf("dark %v: the lowest contrast of any coloured text on screen is %.2f:1", dark, worst)
	}
}

func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#777777", "#FFFFFF", 4.48}, {"#FFFFFF", "#FFFFFF", 1}} {
		if got := contrast(lipgloss.Color(c.a), lipgloss.Color(c.b)); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
	got := runs("a\x1b[1;38;2;255;0;0mb\x1b[7mc\x1b[mD")
	want := fmt.Sprint([]sgrRun{{text: "a"}, {fg: color.RGBA{255, 0, 0, 255}, text: "b"}, {fg: color.RGBA{255, 0, 0, 255}, reverse: true, text: "c"}, {text: "D"}})
	if fmt.Sprint(got) != want {
		t.Errorf("runs = %v, want %v", got, want)
	}
}
