package main

import "context"

// runDump is a placeholder until the command is built.
func runDump(ctx context.Context, e *env, args []string) error { return errNotImplemented }
