package main

import "context"

// runVersion is a placeholder until the command is built.
func runVersion(ctx context.Context, e *env, args []string) error { return errNotImplemented }
