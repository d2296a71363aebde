package main

import "context"

// runPath is a placeholder until the command is built.
func runPath(ctx context.Context, e *env, args []string) error { return errNotImplemented }
