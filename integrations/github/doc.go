// Package github files an incident's action items as GitHub issues exactly
// once and brings the issues' state back into the store.
//
// Exactly once rests on two things: every issue body carries a hidden marker
// with the item's uuid, and before creating anything the Filer lists the
// repository's issues and indexes those markers. The search API is not used
// because its index lags behind creation by seconds to minutes. An issue
// number is written to the store the moment its create returns, so a crash
// between "created" and "recorded" costs at most one listing on the next run,
// never a duplicate.
//
// All network and store I/O lives here, behind NewClient, Filer.File and
// Syncer.Sync, so the CLI prints and the TUI can wrap a call in a command.
package github
