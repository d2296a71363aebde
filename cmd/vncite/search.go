package main

import "context"

// runSearch is a placeholder until the command is built.
func runSearch(ctx context.Context, e *env, args []string) error { return errNotImplemented }
