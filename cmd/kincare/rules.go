package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"kincare/entitlements"
)

// runRules prints every rule and every dated figure with its sources, for a helpline manager
// to review the content without reading code.
func runRules(args []string, env *cliEnv) error {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		return badInput("rules: %v", err)
	}
	w := env.stdout
	fmt.Fprintln(w, "RULES (in the order results are listed)")
	for _, r := range entitlements.Rules() {
		fmt.Fprintf(w, "\n%s — %s [%s, %s]\n  %s\n", r.ID, r.Title, r.Kind, entitlements.GroupWords(r.Group), r.Summary)
		if r.Starts != "" {
			fmt.Fprintf(w, "  Applies from: %s\n", r.Starts)
		}
		if r.Ends != "" {
			fmt.Fprintf(w, "  Confirmed until: %s\n", r.Ends)
		}
		writeSources(w, r.Sources)
	}
	fmt.Fprintln(w, "\nFIGURES (amounts by year; an unconfirmed year shows the latest confirmed figure instead)")
	for _, p := range entitlements.Params() {
		fmt.Fprintf(w, "\n%s — %s (per %s; year starts %s)\n  Legal basis: %s\n", p.ID, p.Title, p.Per, p.YearStarts, p.Reference)
		for _, y := range p.Years {
			state := "confirmed"
			if !y.Confirmed {
				state = "NOT CONFIRMED"
				if y.Reported {
					state = "NOT CONFIRMED (reported)"
				}
			}
			fmt.Fprintf(w, "  %s: %s\n", y.Period, state)
			for _, it := range p.Items {
				if v, ok := y.Values[it.ID]; ok {
					fmt.Fprintf(w, "    %s: %s\n", it.Label, entitlements.MoneyWords(v))
				}
			}
			if y.Note != "" {
				fmt.Fprintf(w, "    Note: %s\n", y.Note)
			}
			writeSources(w, y.Sources)
		}
	}
	fmt.Fprintln(w, "\nCOUNCILS (fostering allowance rate areas and Kinship Zones)")
	fmt.Fprintf(w, "  %d councils with children's services in England.\n", len(entitlements.Councils()))
	var zones []string
	for _, c := range entitlements.Councils() {
		if c.KinshipZone {
			zones = append(zones, c.Name)
		}
	}
	fmt.Fprintf(w, "  Kinship Zones: %s\n", strings.Join(zones, ", "))
	writeSources(w, entitlements.CouncilSources())
	fmt.Fprintln(w, "\nADVICE LINES")
	for _, l := range entitlements.AdviceLines() {
		conf := "confirmed"
		if !l.Confirmed {
			conf = "NOT CONFIRMED"
		}
		fmt.Fprintf(w, "  %s: %s, %s (%s) %s\n", l.Name, l.Phone, l.Hours, conf, l.Note)
		writeSources(w, []entitlements.Source{l.Source})
	}
	return nil
}

func writeSources(w io.Writer, srcs []entitlements.Source) {
	for _, s := range srcs {
		fmt.Fprintf(w, "    Source: %s, %s (dated %s; checked %s)\n", s.Title, s.URL, s.Date, s.Checked)
	}
}
