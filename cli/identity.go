package cli

import (
	"bufio"
	"bytes"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"scribe/incident"
)

// author is who made a change, for every event's author: --by when given,
// else $SCRIBE_AUTHOR, else git's user.name, else the login name. The same
// person is named the same way by every command and by the TUI, without
// asking each time; a script or an alert hook sets SCRIBE_AUTHOR (or
// --by) to say it was not a person.
func (a *App) author(by string) (string, error) {
	if by = strings.TrimSpace(by); by != "" {
		if err := incident.ValidateName("--by", by, incident.MaxNameLen, false); err != nil {
			return "", usageError{err}
		}
		return by, nil
	}
	if env := strings.TrimSpace(a.Getenv("SCRIBE_AUTHOR")); env != "" {
		if err := incident.ValidateName("SCRIBE_AUTHOR", env, incident.MaxNameLen, false); err != nil {
			return "", err
		}
		return env, nil
	}
	if name := a.gitUserName(); name != "" && incident.ValidateAuthor(name) == nil {
		return name, nil
	}
	if name := a.loginName(); incident.ValidateAuthor(name) == nil {
		return name, nil
	}
	return "", nil
}

// gitUserName reads user.name from git's global configuration files, in
// git's order (the later file wins): $XDG_CONFIG_HOME/git/config (or
// ~/.config/git/config), then ~/.gitconfig; $GIT_CONFIG_GLOBAL replaces
// both. The files are read rather than running git: a `scribe log` from an
// alert hook must not pay for a process, nor depend on git being
// installed. include directives and repository configs are not followed.
func (a *App) gitUserName() string {
	var files []string
	if f := a.Getenv("GIT_CONFIG_GLOBAL"); f != "" {
		files = []string{f}
	} else {
		home := a.Getenv("HOME")
		xdg := a.Getenv("XDG_CONFIG_HOME")
		if xdg == "" && home != "" {
			xdg = filepath.Join(home, ".config")
		}
		if xdg != "" {
			files = append(files, filepath.Join(xdg, "git", "config"))
		}
		if home != "" {
			files = append(files, filepath.Join(home, ".gitconfig"))
		}
	}
	name := ""
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) > 1<<20 {
			continue
		}
		if n, ok := gitConfigValue(data, "user", "name"); ok {
			name = n
		}
	}
	return name
}

// gitConfigValue finds the last section.key in a git config file: sections
// in brackets, keys case-insensitive, values optionally quoted, comments
// after # or ;.
func gitConfigValue(data []byte, section, key string) (string, bool) {
	var value string
	found, inSection := false, false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '[':
			name, _, _ := strings.Cut(strings.Trim(line, "[]"), " ")
			inSection = strings.EqualFold(strings.TrimSpace(name), section)
			continue
		case !inSection:
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), key) {
			continue
		}
		value, found = gitConfigString(strings.TrimSpace(v)), true
	}
	return value, found
}

// gitConfigString unquotes a value and drops a trailing comment.
func gitConfigString(v string) string {
	if strings.HasPrefix(v, `"`) {
		if end := strings.LastIndex(v, `"`); end > 0 {
			if s, err := strconv.Unquote(v[:end+1]); err == nil {
				return s
			}
			return v[1:end]
		}
	}
	if i := strings.IndexAny(v, "#;"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

// loginName is $USER, else $LOGNAME, else the account's name.
func (a *App) loginName() string {
	for _, v := range []string{"USER", "LOGNAME"} {
		if name := strings.TrimSpace(a.Getenv(v)); name != "" {
			return name
		}
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// originAt is the origin of a change made at --at (read in inc's zone;
// unset: now), by --by or the default identity.
func (a *App) originAt(at whenFlag, by string, inc incident.Incident) (incident.Origin, error) {
	t, err := a.when(at, inc)
	if err != nil {
		return incident.Origin{}, err
	}
	return a.origin(t, by)
}

// origin builds the incident.Origin of a CLI change made at at, by --by or
// the default identity.
func (a *App) origin(at time.Time, by string) (incident.Origin, error) {
	author, err := a.author(by)
	if err != nil {
		return incident.Origin{}, err
	}
	return incident.Origin{At: at, Author: author, Source: incident.SourceCLI}, nil
}
