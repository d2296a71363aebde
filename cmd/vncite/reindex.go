package main

import "context"

// runReindex is a placeholder until the command is built.
func runReindex(ctx context.Context, e *env, args []string) error { return errNotImplemented }
