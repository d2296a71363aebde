package main

import "context"

// runCheck is a placeholder until the command is built.
func runCheck(ctx context.Context, e *env, args []string) error { return errNotImplemented }
