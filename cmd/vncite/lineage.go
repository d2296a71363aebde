package main

import "context"

// runLineage is a placeholder until the command is built.
func runLineage(ctx context.Context, e *env, args []string) error { return errNotImplemented }
