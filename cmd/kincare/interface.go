package main

func runInterface(args []string, env *cliEnv) error {
	return badInput("the interface is not wired yet")
}
