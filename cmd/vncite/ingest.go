package main

import "context"

// runIngest is a placeholder until the command is built.
func runIngest(ctx context.Context, e *env, args []string) error { return errNotImplemented }
