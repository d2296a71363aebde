package main

import "context"

// runGen is a placeholder until the command is built.
func runGen(ctx context.Context, e *env, args []string) error { return errNotImplemented }
