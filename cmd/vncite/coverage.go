package main

import "context"

// runCoverage is a placeholder until the command is built.
func runCoverage(ctx context.Context, e *env, args []string) error { return errNotImplemented }
