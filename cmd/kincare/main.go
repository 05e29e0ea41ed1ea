// Command kincare tells kinship carers in England what they can get, and drafts the letters
// that ask for it. Run with no arguments for the full-screen interface.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

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
}

const usage = `kincare: what a kinship carer in England can get, and the letters that ask for it.

Usage:
  kincare [--db PATH] [--guest] [--accessible]     open the interface
  kincare assess --answers FILE|- [--as-of DATE] [--format json|text]
  kincare replay --answers FILE [--as-of DATE]     replay answers through the questions
  kincare rules                                     every rule and figure, with sources and dates
  kincare new --answers FILE [--label TEXT] [--details FILE] [--db PATH]
  kincare cases [--db PATH]                         list saved cases
  kincare delete (--case ID | --all) [--yes] [--db PATH]
  kincare export [--case ID] --out FILE [--db PATH]
  kincare import FILE [--db PATH]
  kincare draft --answers FILE --request ID [--details FILE] --format txt|md|html|pdf --out PATH
  kincare requests --due [--db PATH]                letters due or overdue for a reply
  kincare --help | --version

Everything is kept on this computer. Nothing is sent anywhere.
`

func main() {
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		stdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())), stdinIsTerminal: term.IsTerminal(int(os.Stdin.Fd()))}
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

func dispatch(args []string, env *cliEnv) error {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "--help", "help":
			_, err := io.WriteString(env.stdout, usage)
			return err
		case "-v", "--version", "version":
			_, err := fmt.Fprintf(env.stdout, "kincare %s\n", version)
			return err
		case "assess":
			return runAssess(args[1:], env)
		case "rules":
			return runRules(args[1:], env)
		}
		if cmd, ok := commands[args[0]]; ok {
			return cmd(args[1:], env)
		}
		if args[0] != "" && args[0][0] != '-' {
			return badInput("unknown command %q; run kincare --help for the list", args[0])
		}
	}
	return runInterface(args, env)
}

// commands are registered by the files that implement them.
var commands = map[string]func([]string, *cliEnv) error{}
