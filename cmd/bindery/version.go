package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionString describes the binary: the module version, the VCS revision and time it
// was built from (with "modified" when the work tree had changes), and the Go version.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(no build information) " + runtime.Version()
	}
	return describeBuild(info)
}

func describeBuild(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	parts := []string{v}
	if rev := settings["vcs.revision"]; rev != "" {
		r := "revision " + rev[:min(12, len(rev))]
		if t := settings["vcs.time"]; t != "" {
			r += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			r += ", modified"
		}
		parts = append(parts, r)
	} else {
		parts = append(parts, "no VCS revision")
	}
	return fmt.Sprintf("%s, %s", strings.Join(parts, ", "), info.GoVersion)
}
