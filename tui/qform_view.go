package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// qlayout is a question cut to the room it has: the title, the description (shortened
// only if the answer would otherwise be out of sight), the lines of each option, and how
// many lines the options may use, markers included.
type qlayout struct {
	title, desc []string
	numWidth    int
	blocks      [][]string
	rows        int
}

// minOptionRows is the least room a list keeps, taken from the description if need be:
// one option with a marker above and below.
const minOptionRows = 3

func (q *qform) layout() qlayout {
	fw := q.formWidth()
	l := qlayout{title: strings.Split(wrapText(q.title, fw), "\n")}
	if q.desc != "" {
		l.desc = strings.Split(wrapText(q.desc, fw), "\n")
	}
	errLines := 0
	if q.err != "" {
		errLines = lipgloss.Height(q.err)
	}
	body := 1 + errLines // the box to type in, and the message under it
	if !q.typed {
		l.numWidth = len(itoa(len(q.options)))
		pw := 2 + l.numWidth + 2
		total := 0
		for _, o := range q.options {
			b := strings.Split(wrapText(o.Label, max(fw-pw, 10)), "\n")
			l.blocks = append(l.blocks, b)
			total += len(b)
		}
		body = errLines + min(total, minOptionRows)
	}
	if room := q.height - len(l.title) - body; len(l.desc) > max(room, 0) {
		l.desc = l.desc[:max(room, 0)]
		if n := len(l.desc); n > 0 {
			l.desc[n-1] = clip(l.desc[n-1]+"…", fw)
		}
	}
	l.rows = max(q.height-len(l.title)-len(l.desc)-errLines, 1)
	return l
}

// end is one past the last option in sight when the list starts at top: a line says how
// many are above, and another how many are below, whenever some are out of sight.
func (l qlayout) end(top int) int {
	n := len(l.blocks)
	used := 0
	if top > 0 {
		used = 1
	}
	end := top
	for end < n {
		below := 0
		if end < n-1 {
			below = 1
		}
		if used+len(l.blocks[end])+below > l.rows {
			break
		}
		used += len(l.blocks[end])
		end++
	}
	if end == top && top < n {
		end = top + 1
	}
	return end
}

// scrollTo moves the list so option sel (or, with nothing chosen, the top) is in sight,
// with no empty room at the bottom while options are hidden above.
func (q *qform) scrollTo(sel int) {
	l := q.layout()
	n := len(l.blocks)
	q.top = max(min(q.top, n-1), 0)
	if sel >= 0 && sel < q.top {
		q.top = sel
	}
	for sel >= 0 && q.top < sel && sel >= l.end(q.top) {
		q.top++
	}
	for q.top > 0 && l.end(q.top-1) == n {
		q.top--
	}
}

func (q *qform) view() string {
	st := q.c.st
	l := q.layout()
	var out []string
	for _, t := range l.title {
		out = append(out, st.Title.Render(t))
	}
	for _, d := range l.desc {
		out = append(out, st.Subtle.Render(d))
	}
	if q.typed {
		out = append(out, q.in.View())
		if q.err != "" {
			out = append(out, q.err)
		}
		return strings.Join(out, "\n")
	}
	if q.err != "" {
		out = append(out, q.err)
	}
	sel := q.chosen()
	q.scrollTo(sel)
	end := l.end(q.top)
	if q.top > 0 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↑ %d more above", q.top)))
	}
	for i := q.top; i < end; i++ {
		num := fmt.Sprintf("%*d. ", l.numWidth, i+1)
		for j, line := range l.blocks[i] {
			prefix := strings.Repeat(" ", len(num))
			if j == 0 {
				prefix = num
			}
			if i == sel {
				cur := "  "
				if j == 0 {
					cur = q.c.cursor(true)
				}
				out = append(out, st.Selected.Render(cur+prefix+line))
				continue
			}
			out = append(out, "  "+prefix+line)
		}
	}
	if end < len(l.blocks) {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↓ %d more below", len(l.blocks)-end)))
	}
	return strings.Join(out, "\n")
}
