package main

import "context"

// runShow is a placeholder until the command is built.
func runShow(ctx context.Context, e *env, args []string) error { return errNotImplemented }
