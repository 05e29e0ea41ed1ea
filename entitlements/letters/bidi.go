package letters

import "unicode"

// Arabic and Hebrew in a PDF letter: Arabic letters take their joined forms (the presentation
// forms the embedded Noto Sans Arabic maps), and each line is laid out in display order with a
// simplified Unicode bidirectional algorithm: the paragraph's direction from its first strong
// letter, neutrals between two runs of one direction take it, numbers read left to right, and
// brackets are mirrored inside right-to-left runs. Letters outside the table (Persian and Urdu
// letters, for instance) are not shaped here: the PDF export refuses them and offers HTML.

// arabicForms holds, for each Arabic letter, its presentation forms from U+FE80 on:
// isolated, final, and for letters that join on both sides initial and medial.
var arabicForms = func() map[rune][]rune {
	counts := []struct {
		letter rune
		n      int
	}{{0x621, 1}, {0x622, 2}, {0x623, 2}, {0x624, 2}, {0x625, 2}, {0x626, 4}, {0x627, 2}, {0x628, 4}, {0x629, 2},
		{0x62A, 4}, {0x62B, 4}, {0x62C, 4}, {0x62D, 4}, {0x62E, 4}, {0x62F, 2}, {0x630, 2}, {0x631, 2}, {0x632, 2},
		{0x633, 4}, {0x634, 4}, {0x635, 4}, {0x636, 4}, {0x637, 4}, {0x638, 4}, {0x639, 4}, {0x63A, 4},
		{0x641, 4}, {0x642, 4}, {0x643, 4}, {0x644, 4}, {0x645, 4}, {0x646, 4}, {0x647, 4}, {0x648, 2}, {0x649, 2}, {0x64A, 4}}
	m := map[rune][]rune{}
	next := rune(0xFE80)
	for _, c := range counts {
		forms := make([]rune, c.n)
		for i := range forms {
			forms[i] = next
			next++
		}
		m[c.letter] = forms
	}
	return m
}()

// lamAlef are the lam-alef ligatures (isolated, final) by the alef that follows lam.
var lamAlef = map[rune][2]rune{0x622: {0xFEF5, 0xFEF6}, 0x623: {0xFEF7, 0xFEF8}, 0x625: {0xFEF9, 0xFEFA}, 0x627: {0xFEFB, 0xFEFC}}

const tatweel, lam = 0x640, 0x644

func arabicTransparent(r rune) bool { return (r >= 0x64B && r <= 0x65F) || r == 0x670 }

// joinsBoth says whether a letter connects to the letter after it (dual-joining).
func joinsBoth(r rune) bool { return r == tatweel || len(arabicForms[r]) == 4 }

// joinsBefore says whether a letter connects to the letter before it.
func joinsBefore(r rune) bool { return r == tatweel || len(arabicForms[r]) >= 2 }

// canShape says whether the PDF can draw r: the Arabic this file shapes, or Hebrew.
func canShape(r rune) bool {
	switch {
	case arabicForms[r] != nil, r == tatweel, arabicTransparent(r):
		return true
	case r >= 0xFE70 && r <= 0xFEFC, r >= 0x660 && r <= 0x669, r == 0x60C, r == 0x61B, r == 0x61F:
		return true
	case r >= 0x591 && r <= 0x5F4, r >= 0xFB1D && r <= 0xFB4F:
		return true
	}
	return false
}

// shapeArabic replaces Arabic letters with their joined forms; the order stays logical.
func shapeArabic(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !arabicTransparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms := arabicForms[r]
		if forms == nil {
			out = append(out, r)
			continue
		}
		prev, next := neighbour(i, -1), neighbour(i, 1)
		before := prev != 0 && joinsBoth(prev) && joinsBefore(r)
		if r == lam {
			if lig, ok := lamAlef[next]; ok && (i+1 < len(rs) && rs[i+1] == next) {
				if before {
					out = append(out, lig[1])
				} else {
					out = append(out, lig[0])
				}
				i++
				continue
			}
		}
		after := next != 0 && joinsBoth(r) && joinsBefore(next)
		switch {
		case before && after:
			out = append(out, forms[3])
		case after:
			out = append(out, forms[2])
		case before:
			out = append(out, forms[1])
		default:
			out = append(out, forms[0])
		}
	}
	return out
}

type bidiClass int

const (
	bidiL bidiClass = iota
	bidiR
	bidiEN
	bidiN
)

func classOf(r rune) bidiClass {
	switch {
	case unicode.In(r, unicode.Arabic, unicode.Hebrew) && !(r >= 0x660 && r <= 0x669) && !unicode.IsPunct(r) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC):
		return bidiR
	case unicode.IsDigit(r):
		return bidiEN
	case unicode.IsLetter(r):
		return bidiL
	}
	return bidiN
}

var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// hasRightToLeft says whether a line needs reordering.
func hasRightToLeft(rs []rune) bool {
	for _, r := range rs {
		if classOf(r) == bidiR {
			return true
		}
	}
	return false
}

// visualOrder lays a line out in display order, left to right.
func visualOrder(rs []rune) []rune {
	if !hasRightToLeft(rs) {
		return rs
	}
	n := len(rs)
	cls := make([]bidiClass, n)
	base := bidiL
	for i, r := range rs {
		cls[i] = classOf(r)
		if unicode.Is(unicode.Mn, r) && i > 0 {
			cls[i] = cls[i-1]
		}
	}
	for _, c := range cls {
		if c == bidiL || c == bidiR {
			base = c
			break
		}
	}
	// A number after left-to-right text is left-to-right text (W7).
	last := base
	for i, c := range cls {
		switch c {
		case bidiL, bidiR:
			last = c
		case bidiEN:
			if last == bidiL {
				cls[i] = bidiL
			}
		}
	}
	// Brackets in a pair take one direction (N0): the paragraph's when the text inside has it,
	// else the direction inside when the text before the pair has it too.
	strongOf := func(c bidiClass) bidiClass {
		if c == bidiEN {
			return bidiR
		}
		return c
	}
	var stack []int
	for i, r := range rs {
		switch r {
		case '(', '[', '{':
			stack = append(stack, i)
		case ')', ']', '}':
			if len(stack) == 0 || mirrored[rs[stack[len(stack)-1]]] != r {
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			hasBase, hasOther := false, false
			for k := open + 1; k < i; k++ {
				switch strongOf(cls[k]) {
				case base:
					hasBase = true
				case bidiL, bidiR:
					hasOther = true
				}
			}
			dir := bidiN
			switch {
			case hasBase:
				dir = base
			case hasOther:
				before := base
				for k := open - 1; k >= 0; k-- {
					if c := strongOf(cls[k]); c == bidiL || c == bidiR {
						before = c
						break
					}
				}
				dir = base
				if before != base {
					dir = before
				}
			}
			if dir != bidiN {
				cls[open], cls[i] = dir, dir
			}
		}
	}
	// Neutrals between two runs of one direction take it (numbers count as right-to-left);
	// otherwise they take the paragraph's (N1, N2).
	strong := strongOf
	for i := 0; i < n; {
		if cls[i] != bidiN {
			i++
			continue
		}
		j := i
		for j < n && cls[j] == bidiN {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = strong(cls[i-1])
		}
		if j < n {
			after = strong(cls[j])
		}
		dir := base
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			cls[k] = dir
		}
		i = j
	}
	levels := make([]int, n)
	maxLevel := 0
	for i, c := range cls {
		switch {
		case base == bidiL && c == bidiR:
			levels[i] = 1
		case base == bidiL && c == bidiEN:
			levels[i] = 2
		case base == bidiR && c == bidiR:
			levels[i] = 1
		case base == bidiR:
			levels[i] = 2
		}
		maxLevel = max(maxLevel, levels[i])
	}
	out := append([]rune{}, rs...)
	for i := range out {
		if levels[i]%2 == 1 {
			if m, ok := mirrored[out[i]]; ok {
				out[i] = m
			}
		}
	}
	for level := maxLevel; level >= 1; level-- {
		for i := 0; i < n; {
			if levels[i] < level {
				i++
				continue
			}
			j := i
			for j < n && levels[j] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
	return out
}

// typoAscent is a TrueType font's OS/2 typographic ascender as a fraction of its em, which is
// where the PDF library puts a line's baseline below its top: fonts with different ascenders
// are shifted so that every run on a line shares one baseline.
func typoAscent(ttf []byte) float64 {
	u16 := func(o int) int { return int(ttf[o])<<8 | int(ttf[o+1]) }
	if len(ttf) < 12 {
		return 0
	}
	var os2, head int
	for i, n := 0, u16(4); i < n && 12+16*i+16 <= len(ttf); i++ {
		rec := 12 + 16*i
		off := u16(rec+8)<<16 | u16(rec+10)
		switch string(ttf[rec : rec+4]) {
		case "OS/2":
			os2 = off
		case "head":
			head = off
		}
	}
	if os2 == 0 || head == 0 || os2+70 > len(ttf) || head+20 > len(ttf) {
		return 0
	}
	return float64(int16(u16(os2+68))) / float64(u16(head+18))
}
