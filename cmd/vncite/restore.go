package main

import "context"

// runRestore is a placeholder until the command is built.
func runRestore(ctx context.Context, e *env, args []string) error { return errNotImplemented }
