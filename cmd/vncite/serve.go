package main

import "context"

// runServe is a placeholder until the command is built.
func runServe(ctx context.Context, e *env, args []string) error { return errNotImplemented }
