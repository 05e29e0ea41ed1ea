package main

import "kincare/entitlements"

// shown cleans text read from the case file before it reaches the terminal. kincare cleans
// what it saves, but the file may have been edited by another program, and one escape
// sequence in a label could clear the screen, retitle the window or write to the clipboard.
func shown(s string) string { return entitlements.CleanText(s) }
