package cli

import (
	"runtime/debug"
	"strings"
)

// version describes this build for `scribe --version`: the module version
// (a tag when installed with go install scribe@vX, "(devel)" when built from
// a checkout), the commit and its date when the build recorded them, a
// "modified" mark for uncommitted changes, and the Go release.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown build)"
	}
	return describeBuild(info)
}

// describeBuild is version's text for one build's information.
func describeBuild(info *debug.BuildInfo) string {
	parts := []string{info.Main.Version}
	if parts[0] == "" {
		parts[0] = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		parts = append(parts, "commit "+rev[:min(len(rev), 12)])
	}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	parts = append(parts, info.GoVersion)
	return strings.Join(parts, ", ")
}
