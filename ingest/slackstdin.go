package ingest

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"time"
)

// IsSlackDay reports whether data is a Slack export's day file: a JSON
// array of messages, each with its ts.
func IsSlackDay(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '[' {
		return false
	}
	var msgs []struct {
		TS   *string `json:"ts"`
		Type string  `json:"type"`
	}
	if json.Unmarshal(t, &msgs) != nil || len(msgs) == 0 {
		return false
	}
	for _, m := range msgs {
		if m.TS == nil || m.Type != "" && m.Type != "message" {
			return false
		}
	}
	return true
}

// SlackDay is a day's file read from elsewhere (stdin) as a Slack source
// of its own, named name in messages; without users.json, authors are
// named by the profiles their messages carry.
func SlackDay(name string, data []byte) SlackSource {
	return SlackSource{FS: oneFileFS{name: name, data: data}, Day: name}
}

// oneFileFS is a file system holding one file.
type oneFileFS struct {
	name string
	data []byte
}

func (o oneFileFS) Open(name string) (fs.File, error) {
	if name != o.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{Reader: bytes.NewReader(o.data), info: memInfo{name: o.name, size: int64(len(o.data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
