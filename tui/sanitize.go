package tui

import "scribe/incident"

// Sanitize makes text from the database safe to print on one terminal line
// (see incident.PlainText).
func Sanitize(s string) string { return incident.PlainText(s) }

// SanitizeBlock is Sanitize for multi-line text: line breaks are kept.
func SanitizeBlock(s string) string { return incident.PlainBlock(s) }
