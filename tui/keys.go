package tui

import "charm.land/bubbles/v2/key"

// keyMap is every key the interface answers to. Each screen shows the ones it uses.
type keyMap struct {
	Quit      key.Binding
	QuickExit key.Binding
	Help      key.Binding
	CtrlHelp  key.Binding
	Up        key.Binding
	Down      key.Binding
	Enter     key.Binding
	Back      key.Binding
	Tab       key.Binding

	New    key.Binding
	Delete key.Binding
	Guest  key.Binding
	Search key.Binding
	Tracks key.Binding
	Pass   key.Binding
	Yes    key.Binding
	No     key.Binding

	Skip      key.Binding
	SkipTyped key.Binding
	Edit      key.Binding
	Results   key.Binding
	ReadOut   key.Binding
	Notes     key.Binding
	Letters   key.Binding
	Questions key.Binding
	More      key.Binding

	Copy     key.Binding
	Save     key.Binding
	Print    key.Binding
	FullList key.Binding // the read-out's long form
	PageUp   key.Binding
	PageDown key.Binding
	AddNote  key.Binding
	Done     key.Binding

	AddChild    key.Binding
	NextChild   key.Binding
	PrevChild   key.Binding
	RemoveChild key.Binding
	NameChild   key.Binding
	Change      key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return keyMap{
		Quit:      b([]string{"q"}, "q", "quit"),
		CtrlHelp:  b([]string{"f1"}, "f1", "help"),
		QuickExit: b([]string{"ctrl+q", "ctrl+c"}, "ctrl+q", "quick exit"),
		Help:      b([]string{"?"}, "?", "help"),
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		Enter:     b([]string{"enter"}, "enter", "open"),
		Back:      b([]string{"esc"}, "esc", "back"),
		Tab:       b([]string{"tab"}, "tab", "switch pane"),

		New:    b([]string{"ctrl+n"}, "ctrl+n", "new case"),
		Delete: b([]string{"ctrl+d"}, "ctrl+d", "delete"),
		Guest:  b([]string{"ctrl+g"}, "ctrl+g", "guest session"),
		Search: b([]string{"/"}, "type", "search"),
		Tracks: b([]string{"ctrl+t"}, "ctrl+t", "cover your tracks"),
		Pass:   b([]string{"ctrl+p"}, "ctrl+p", "passphrase"),
		Yes:    b([]string{"y"}, "y", "yes"),
		No:     b([]string{"n", "esc"}, "n", "no"),

		Skip:      b([]string{"s", "ctrl+s"}, "s", "skip"),
		SkipTyped: b([]string{"ctrl+s"}, "ctrl+s", "skip"),
		Edit:      b([]string{"e", "enter"}, "e", "change answer"),
		Results:   b([]string{"o", "ctrl+o"}, "o", "results"),
		ReadOut:   b([]string{"r", "ctrl+r"}, "r", "read-out"),
		Notes:     b([]string{"t", "ctrl+t"}, "t", "notes"),
		Letters:   b([]string{"l", "ctrl+l"}, "l", "letters"),
		Questions: b([]string{"i", "ctrl+e"}, "i", "questions"),
		More:      b([]string{"x"}, "x", "show/hide not eligible"),

		Copy:     b([]string{"c"}, "c", "copy"),
		Save:     b([]string{"w"}, "w", "save to file"),
		Print:    b([]string{"p"}, "p", "print on exit"),
		FullList: b([]string{"f"}, "f", "full list"),
		PageUp:   b([]string{"pgup", "b"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", "space"}, "pgdn", "page down"),
		AddNote:  b([]string{"ctrl+a"}, "ctrl+a", "new note"),
		Done:     b([]string{"esc"}, "esc", "done"),

		AddChild:    b([]string{"ctrl+n"}, "ctrl+n", "add a child"),
		NextChild:   b([]string{"ctrl+right"}, "ctrl+→", "next child"),
		PrevChild:   b([]string{"ctrl+left"}, "ctrl+←", "other child"),
		RemoveChild: b([]string{"ctrl+x"}, "ctrl+x", "remove child"),
		NameChild:   b([]string{"f2"}, "f2", "name the child"),
		Change:      b([]string{"c"}, "c", "change an answer"),
	}
}

// helpKeys satisfies the help model's KeyMap for one screen.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
