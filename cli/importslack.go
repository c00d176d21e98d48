package cli

// Owned by the ingest work: what `scribe import` reads, a file or a Slack export.

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"scribe/incident"
	"scribe/ingest"
	"scribe/lazyregexp"
)

// importInput is what an import reads: the bytes of a file (text or a
// JSON document), or a Slack export.
type importInput struct {
	data   []byte
	slack  *ingest.SlackSource
	closer io.Closer
}

func (in importInput) parse(opts ingest.Options) (ingest.Result, error) {
	if in.slack != nil {
		return ingest.ParseSlack(*in.slack, opts)
	}
	return ingest.ParseBytes(in.data, opts)
}

func (in importInput) close() {
	if in.closer != nil {
		in.closer.Close()
	}
}

// slackDayFile is the name of a Slack export's day file.
var slackDayFile = lazyregexp.New(`^\d{4}-\d{2}-\d{2}\.json$`)

// openImport opens what FILE names: a Slack export (its folder, a channel's
// folder, its .zip, or one day's file), else a file or stdin read whole.
func (a *App) openImport(ctx context.Context, file, channel string) (importInput, error) {
	if file != "-" {
		if src, closer, ok, err := slackSource(file, channel); ok || err != nil {
			return importInput{slack: src, closer: closer}, err
		}
	}
	if channel != "" && file != "-" {
		return importInput{}, usageError{fmt.Errorf("--channel picks a channel of a Slack export (its folder or .zip); %s is not one", displayName(file))}
	}
	data, err := a.readImport(ctx, file)
	if err != nil || file != "-" {
		return importInput{data: data}, err
	}
	return slackStdin(data, channel)
}

// slackStdin reads what came on stdin as a Slack export when it is one:
// its zip, or one day's file. Anything else is text or a JSON document.
func slackStdin(data []byte, channel string) (importInput, error) {
	switch {
	case ingest.IsZip(data):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return importInput{}, incident.Errorf(incident.EINVALID, "stdin is not a zip archive Slack writes: %v", err)
		}
		return importInput{slack: &ingest.SlackSource{FS: zipRoot(zr), Channel: channel}}, nil
	case ingest.IsSlackDay(data):
		if channel != "" {
			return importInput{}, usageError{fmt.Errorf("--channel %s: stdin holds one day's file of a single channel", channel)}
		}
		src := ingest.SlackDay("stdin", data)
		return importInput{slack: &src}, nil
	}
	if channel != "" {
		return importInput{}, usageError{fmt.Errorf("--channel picks a channel of a Slack export (its folder or .zip); stdin is not one")}
	}
	return importInput{data: data}, nil
}

// slackSource recognises a Slack export: a folder (the export's, holding
// users.json or channels.json, or a channel's, holding YYYY-MM-DD.json
// files), a .zip of one, or one day's file. ok is false for anything else.
func slackSource(file, channel string) (*ingest.SlackSource, io.Closer, bool, error) {
	fi, err := os.Stat(file)
	if err != nil || !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, nil, false, nil
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, nil, false, fmt.Errorf("import %s: %w", file, err)
	}
	switch {
	case fi.IsDir() && (exists(filepath.Join(abs, "channels.json")) || exists(filepath.Join(abs, "users.json"))):
		return &ingest.SlackSource{FS: os.DirFS(abs), Channel: channel}, nil, true, nil
	case fi.IsDir() && hasDayFiles(abs):
		return channelFolder(abs, channel, "")
	case fi.IsDir():
		return nil, nil, true, incident.Errorf(incident.EINVALID, "%s is a folder but not a Slack export (no users.json, channels.json or YYYY-MM-DD.json files): import reads a file, - for stdin, or a Slack export's folder or .zip", file)
	case slackDayFile().MatchString(fi.Name()) && jsonArray(abs):
		return channelFolder(filepath.Dir(abs), channel, fi.Name())
	case strings.EqualFold(filepath.Ext(abs), ".zip") || zipMagic(abs):
		return slackZip(abs, fi.Size(), channel)
	}
	return nil, nil, false, nil
}

// channelFolder is a channel's folder (and maybe one of its days) read
// with the export's root above it, where users.json gives real names.
func channelFolder(dir, channel, day string) (*ingest.SlackSource, io.Closer, bool, error) {
	name := filepath.Base(dir)
	if channel != "" && strings.TrimPrefix(channel, "#") != name {
		return nil, nil, true, usageError{fmt.Errorf("--channel %s: %s holds only the channel %s", channel, dir, name)}
	}
	return &ingest.SlackSource{FS: os.DirFS(filepath.Dir(dir)), Channel: name, Day: day}, nil, true, nil
}

// slackZip opens a zipped Slack export, refusing one whose files would
// unpack beyond what an import reads (a zip bomb is refused unread).
func slackZip(path string, size int64, channel string) (*ingest.SlackSource, io.Closer, bool, error) {
	if size > ingest.MaxDocument {
		return nil, nil, true, incident.Errorf(incident.EINVALID, "%s is %d MiB: a Slack export's zip is read up to %d MiB; unpack it and import one channel's folder", filepath.Base(path), size>>20, ingest.MaxDocument>>20)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, nil, true, incident.Errorf(incident.EINVALID, "%s is not a zip archive Slack writes: %v", filepath.Base(path), err)
	}
	return &ingest.SlackSource{FS: zipRoot(&zr.Reader), Channel: channel}, zr, true, nil
}

// zipRoot is the export's root in a zip: the zip's, or the one folder
// some tools zip the export's folder as.
func zipRoot(zr *zip.Reader) fs.FS {
	if _, err := fs.Stat(zr, "users.json"); errors.Is(err, fs.ErrNotExist) {
		if entries, err := fs.ReadDir(zr, "."); err == nil && len(entries) == 1 && entries[0].IsDir() {
			if sub, err := fs.Sub(zr, entries[0].Name()); err == nil {
				return sub
			}
		}
	}
	return zr
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func hasDayFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if slackDayFile().MatchString(e.Name()) {
			return true
		}
	}
	return false
}

// jsonArray reports whether a file starts, after blanks, with "[".
func jsonArray(path string) bool {
	return bytes.HasPrefix(bytes.TrimLeft(head(path), " \t\r\n\ufeff"), []byte("["))
}

func zipMagic(path string) bool {
	return bytes.HasPrefix(head(path), []byte("PK\x03\x04"))
}

// head is the first bytes of a regular file.
func head(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, 64)
	n, _ := io.ReadFull(f, b)
	return b[:n]
}
