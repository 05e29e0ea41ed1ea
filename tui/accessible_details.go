package tui

// The line mode fills in the details letters use (names, addresses, the child's date of birth)
// with the same fields as the full screen's details screen (detailfields.go), one at a time.

// fillDetails asks each detail a letter can use, group by group: Enter keeps what is there,
// "next" moves on to the next group, "done" stops.
func (l *lineSession) fillDetails() error {
	l.say("The details fill the gaps in letters. They are kept with the case when you save it.")
	l.say("At each one: type it, or press Enter to leave it as it is. Type next to move on to the next group, or done to stop.")
	group, skipping := "", false
	for _, f := range detailFields() {
		if f.group != group {
			group, skipping = f.group, false
			l.say("")
			l.say("%s:", f.group)
		}
		if skipping {
			continue
		}
		prompt := f.label
		if f.hint != "" {
			prompt += " (" + f.hint + ")"
		}
		if now := f.get(&l.details); now != "" {
			prompt += ", now " + now
		}
		for {
			v, err := l.read(prompt + ": ")
			if err != nil {
				return err
			}
			switch {
			case v == "":
			case isCommand(v, "done"):
				l.say("")
				return nil
			case isCommand(v, "next"):
				skipping = true
			default:
				if msg := f.set(&l.details, v); msg != "" {
					l.say("%s", msg)
					continue
				}
				l.unsaved = true
			}
			break
		}
	}
	l.say("")
	return nil
}
