package main

import "context"

// runExport is a placeholder until the command is built.
func runExport(ctx context.Context, e *env, args []string) error { return errNotImplemented }
