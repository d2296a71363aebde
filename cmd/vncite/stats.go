package main

import "context"

// runStats is a placeholder until the command is built.
func runStats(ctx context.Context, e *env, args []string) error { return errNotImplemented }
