package tui

import (
	"strings"

	"kincare/entitlements"
	"kincare/storage"
)

func (lt *letterScreen) header() string {
	st := lt.c.st
	w := lt.c.width - 1
	var lines []string
	title := requestTitle(lt.id)
	if lt.follow {
		title = "Follow-up: " + title
	}
	lines = append(lines, st.Bold.Render(clip(title, w)))
	r := lt.cs.request(lt.id)
	state, late := requestState(r, lt.c.today)
	if v, ok := lt.latest(); ok {
		vs := "version " + itoa(len(lt.versions()))
		if v.Edited {
			vs += ", edited"
		}
		if r != nil && r.Status != storage.StatusDrafted && r.Status != "" {
			state = vs + " · " + state
		} else {
			state = vs
		}
	}
	if late && !lt.follow {
		state += " · f: follow-up"
	}
	stl := st.Subtle
	if late {
		stl = st.Warn
	}
	for _, l := range wrapAtMost(entitlements.CleanText(state), w, 2) {
		lines = append(lines, stl.Render(l))
	}
	if gs := gapsIn(lt.text()); len(gs) > 0 {
		// The key comes first: the list may be cut short.
		g := "Press d to fill in: " + strings.Join(gs, ", ") + "."
		for _, l := range wrapAtMost(entitlements.CleanText(g), w, 2) {
			lines = append(lines, st.Warn.Render(l))
		}
	}
	if lt.detailsChanged {
		lines = append(lines, st.Notice.Render(clip("Details changed: press g to write the letter again.", w)))
	}
	for _, wn := range lt.warns {
		lines = append(lines, st.Warn.Render(clip(wn, w)))
	}
	return strings.Join(lines, "\n")
}

// wrapAtMost wraps text to width in at most n lines, the last ending " …" when cut.
func wrapAtMost(text string, width, n int) []string {
	ls := strings.Split(wrapText(text, width), "\n")
	if len(ls) > n {
		ls = ls[:n]
		ls[n-1] = clip(ls[n-1]+" …", width)
	}
	return ls
}

func (lt *letterScreen) view() string {
	head, vp := lt.header(), lt.vp
	vp.SetHeight(max(lt.c.bodyHeight()-lipglossHeight(head)-1, 2))
	return head + "\n" + vp.View() + "\n" + lt.c.st.Subtle.Render(itoa(int(vp.ScrollPercent()*100))+"% read")
}

func (lt *letterScreen) viewWith(d dialog) string {
	head, vp := lt.header(), lt.vp
	vp.SetHeight(max(lt.c.bodyHeight()-lipglossHeight(head)-1, 2))
	return head + "\n" + vp.View() + "\n" + d.footer(lt.c.width-1)
}
