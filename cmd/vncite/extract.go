package main

import "context"

// runExtract is a placeholder until the command is built.
func runExtract(ctx context.Context, e *env, args []string) error { return errNotImplemented }
