// Command kincare tells kinship carers in England what they can get, and drafts the letters
// that ask for it. Run with no arguments for the full-screen interface.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

type cliEnv struct {
	stdin            io.Reader
	stdout, stderr   io.Writer
	stdoutIsTerminal bool
	stdinIsTerminal  bool
	getenv           func(string) string
	// readSecret reads a passphrase from the terminal without showing it.
	readSecret func() ([]byte, error)
	lines      *bufio.Reader // stdin, read a line at a time by questions
}

// command is one entry of the command table: its name, the flags it takes, one line of help
// and the function that runs it. A new command is a new file and one line in the table.
type command struct {
	name  string
	args  string
	help  string
	run   func(args []string, env *cliEnv) error
	extra []string // other names for the same command
}

// commands is the one table of commands, in the order --help lists them.
var commands []command

func init() {
	commands = []command{
		{name: "assess", args: "--answers FILE|- [--as-of DATE] [--format json|text|full]", help: "what the answers give: JSON, the short read-out, or every outcome", run: runAssess},
		{name: "replay", args: "--answers FILE [--as-of DATE]", help: "replay answers (one child or a family) through the questions", run: runReplay},
		{name: "rules", help: "every rule and figure, with sources and dates", run: runRules},
		{name: "new", args: "--answers FILE [--label TEXT] [--details FILE] [--db PATH]", help: "save a case from an answers file", run: runNew},
		{name: "cases", args: "[--db PATH]", help: "list saved cases", run: runCases},
		{name: "delete", args: "(--case ID | --all) [--yes] [--db PATH]", help: "delete one case, or all data", run: runDelete},
		{name: "export", args: "[--case ID] --out FILE [--db PATH]", help: "write cases to an export file", run: runExport},
		{name: "import", args: "FILE [--db PATH]", help: "read cases from an export file", run: runImport},
		{name: "draft", args: "--answers FILE --request ID [--details FILE] --format txt|md|html|pdf --out PATH", help: "draft one letter", run: runDraft},
		{name: "backup", args: "--out FILE [--force] [--db PATH]", help: "an encrypted copy of every case", run: runBackup},
		{name: "passphrase", args: "[--remove] [--db PATH]", help: "add, change or remove the passphrase", run: runPassphrase},
		{name: "requests", args: "[--due] | draft|sent|follow-up|replied --case ID --request ID ...", help: "letters and replies; track them from scripts (requests -h)", run: runRequests},
		{name: "help", extra: []string{"-h", "--help"}, help: "this list", run: runHelp},
		{name: "version", extra: []string{"-v", "--version"}, help: "the version of kincare", run: runVersion},
	}
}

func main() {
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		stdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())), stdinIsTerminal: term.IsTerminal(int(os.Stdin.Fd())),
		readSecret: func() ([]byte, error) { return term.ReadPassword(int(os.Stdin.Fd())) }}
	os.Exit(run(os.Args[1:], env))
}

// run returns the exit status: 0 done, 1 failed, 2 bad input.
func run(args []string, env *cliEnv) int {
	err := dispatch(args, env)
	if err == nil {
		return 0
	}
	fmt.Fprintln(env.stderr, "kincare: "+err.Error())
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// dispatch runs the command named by the first argument, or the interface when there is none.
func dispatch(args []string, env *cliEnv) error {
	if len(args) > 0 {
		if c, ok := findCommand(args[0]); ok {
			return c.run(args[1:], env)
		}
		if args[0] != "" && args[0][0] != '-' {
			return badInput("unknown command %q; run kincare --help for the list", args[0])
		}
	}
	return runInterface(args, env)
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
		for _, e := range c.extra {
			if e == name {
				return c, true
			}
		}
	}
	return command{}, false
}

// usageText is the --help text, built from the command table.
func usageText() string {
	var b strings.Builder
	b.WriteString("kincare: what a kinship carer in England can get, and the letters that ask for it.\n\nUsage:\n")
	line := func(use, help string) {
		if len(use) <= 48 {
			fmt.Fprintf(&b, "  %-48s  %s\n", use, help)
		} else {
			fmt.Fprintf(&b, "  %s\n  %-48s  %s\n", use, "", help)
		}
	}
	line("kincare [--db PATH] [--guest] [--accessible] [--ascii] [--lock-after TIME]", "open the interface")
	for _, c := range commands {
		if c.name == "help" || c.name == "version" {
			continue
		}
		use := "kincare " + c.name
		if c.args != "" {
			use += " " + c.args
		}
		line(use, c.help)
	}
	b.WriteString("  kincare --help | --version\n\nOptions for the interface:\n")
	b.WriteString(interfaceHelp())
	b.WriteString("\nEverything is kept on this computer. Nothing is sent anywhere.\n")
	b.WriteString(privacyHelp)
	return b.String()
}

func runHelp(_ []string, env *cliEnv) error {
	_, err := io.WriteString(env.stdout, usageText())
	return err
}

func runVersion(_ []string, env *cliEnv) error {
	_, err := fmt.Fprintf(env.stdout, "kincare %s\n", version)
	return err
}
