package main

import (
	"strings"
	"testing"
)

// Every command in the table has a run function and one line of help, no name is taken twice,
// and --help lists every command by name.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	help := usageText()
	for _, c := range commands {
		if c.run == nil || c.help == "" || strings.Contains(c.help, "\n") {
			t.Errorf("%s: needs a run function and one line of help", c.name)
		}
		for _, n := range append([]string{c.name}, c.extra...) {
			if seen[n] {
				t.Errorf("%s is in the table twice", n)
			}
			seen[n] = true
		}
		if c.name != "help" && c.name != "version" && !strings.Contains(help, "kincare "+c.name) {
			t.Errorf("--help does not list %s", c.name)
		}
	}
	if _, ok := findCommand("--version"); !ok {
		t.Error("--version is not found")
	}
	if _, ok := findCommand("nonsense"); ok {
		t.Error("an unknown name was found")
	}
}
