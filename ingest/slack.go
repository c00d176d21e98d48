package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"scribe/incident"
	"scribe/lazyregexp"
)

// SlackSource is a Slack export as Slack documents its layout: users.json
// and channels.json at the root, and a folder per channel holding one
// YYYY-MM-DD.json file a day (a JSON array of messages).
type SlackSource struct {
	// FS is the export's root: the unpacked folder or the zip.
	FS fs.FS
	// Channel picks the channel; "" is the export's only one.
	Channel string
	// Day limits the import to one day's file of Channel ("2024-03-14.json").
	Day string
}

// slackMessage is one message of a day's file, with the fields import reads.
type slackMessage struct {
	Type        string            `json:"type"`
	Subtype     string            `json:"subtype"`
	User        string            `json:"user"`
	BotID       string            `json:"bot_id"`
	Username    string            `json:"username"`
	Text        string            `json:"text"`
	TS          string            `json:"ts"`
	ThreadTS    string            `json:"thread_ts"`
	PinnedTo    []string          `json:"pinned_to"`
	Reactions   []slackReaction   `json:"reactions"`
	Files       []slackFile       `json:"files"`
	Attachments []slackAttachment `json:"attachments"`
	Blocks      []slackBlock      `json:"blocks"`
	BotProfile  *slackProfile     `json:"bot_profile"`
	UserProfile *slackProfile     `json:"user_profile"`
	// Message is the message as edited, in a "message_changed" record;
	// DeletedTS the message a "message_deleted" record removes.
	Message   *slackMessage `json:"message"`
	DeletedTS string        `json:"deleted_ts"`
}

type slackReaction struct {
	Name string `json:"name"`
}

type slackFile struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

type slackProfile struct {
	Name        string `json:"name"`
	RealName    string `json:"real_name"`
	DisplayName string `json:"display_name"`
}

type slackUser struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	RealName string       `json:"real_name"`
	Profile  slackProfile `json:"profile"`
}

type slackChannel struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Purpose struct {
		Value string `json:"value"`
	} `json:"purpose"`
	Topic struct {
		Value string `json:"value"`
	} `json:"topic"`
}

// slackHousekeeping() are the subtypes that say who came and went or how
// the channel was set up, not what happened in the incident.
var slackHousekeeping = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"channel_join": true, "channel_leave": true, "group_join": true, "group_leave": true,
		"channel_archive": true, "channel_unarchive": true, "group_archive": true, "group_unarchive": true,
		"channel_name": true, "group_name": true, "channel_purpose": true, "group_purpose": true,
		"pinned_item": true, "unpinned_item": true, "bot_add": true, "bot_remove": true,
		"bot_enable": true, "bot_disable": true, "message_deleted": true, "tombstone": true,
		"channel_convert_to_private": true, "channel_convert_to_public": true, "reminder_add": true,
		"joiner_notification": true, "slackbot_response": true, "message_replied": true,
	}
})

// slackFileLimit bounds one JSON file of an export, and slackTotalLimit
// all that one import reads of it.
const (
	slackFileLimit  = MaxInput
	slackTotalLimit = MaxDocument
)

// ParseSlack reads a Slack channel export: every message of the channel
// becomes an entry at its ts instant, by the author's real name (a bot's
// by its name); a message pinned or given a :pushpin: reaction is a key
// moment; joins, leaves and other housekeeping are left out; mentions
// (<@U…>) become names. Thread replies are entries too, in time order.
func ParseSlack(src SlackSource, opts Options) (Result, error) {
	r := slackReader{fsys: src.FS}
	users, err := r.users()
	if err != nil {
		return Result{}, err
	}
	ch, dir, err := r.channel(src.Channel)
	if err != nil {
		return Result{}, err
	}
	days, err := r.days(dir, src.Day)
	if err != nil {
		return Result{}, err
	}
	names := slackNames{users: users, profiles: map[string]slackProfile{}, unknown: map[string]bool{}}
	var all []dayMessage
	edits := map[string]slackMessage{} // by the ts of the message edited
	deleted := map[string]bool{}
	for _, day := range days {
		var msgs []slackMessage
		if err := r.readJSON(day, &msgs); err != nil {
			return Result{}, err
		}
		for i, m := range msgs {
			switch {
			case m.Subtype == "message_changed" && m.Message != nil && m.Message.TS != "":
				edits[m.Message.TS] = *m.Message // a later edit replaces an earlier one
			case m.Subtype == "message_deleted" && m.DeletedTS != "":
				deleted[m.DeletedTS] = true
			default:
				all = append(all, dayMessage{day: day, line: i + 1, msg: m})
			}
			names.learn(m)
		}
	}
	res := Result{Title: names.channelTitle(ch, dir)}
	for _, dm := range all {
		m := dm.msg
		if deleted[m.TS] {
			continue
		}
		if ed, ok := edits[m.TS]; ok {
			m = edited(m, ed)
			delete(edits, m.TS)
		}
		if e, ok := names.entry(m); ok {
			e.Line = dm.line
			res.Entries = append(res.Entries, e)
		} else if reason := slackSkipped(m); reason != "" {
			res.Problems = append(res.Problems, Problem{Line: dm.line, Entry: fmt.Sprintf("%s, message %d", dm.day, dm.line), Reason: reason})
		}
	}
	for ts, ed := range edits {
		// An edit whose message the export does not hold (it was posted
		// before the export's first day): the edited message stands.
		if e, ok := names.entry(ed); ok && !deleted[ts] {
			res.Entries = append(res.Entries, e)
		}
	}
	sortEntries(res.Entries)
	if note := names.unknownNote(); note != "" {
		res.Notes = append(res.Notes, note)
	}
	return res, nil
}

// dayMessage is a message and where it was read, for problem reports.
type dayMessage struct {
	day  string
	line int
	msg  slackMessage
}

// edited is message m as a "message_changed" record says it ended up: its
// text, files, pins and reactions, by its original author at its
// original time.
func edited(m, ed slackMessage) slackMessage {
	m.Text, m.Files, m.Attachments, m.Blocks = ed.Text, ed.Files, ed.Attachments, ed.Blocks
	if ed.PinnedTo != nil {
		m.PinnedTo = ed.PinnedTo
	}
	if ed.Reactions != nil {
		m.Reactions = ed.Reactions
	}
	return m
}

// slackSkipped says why a message that is neither housekeeping nor an
// entry was left out ("" for housekeeping, which is dropped silently).
func slackSkipped(m slackMessage) string {
	switch {
	case slackHousekeeping()[m.Subtype], m.Type != "" && m.Type != "message":
		return ""
	case m.TS == "":
		return "a message without a time (ts) was left out"
	}
	return "a message whose time (ts " + m.TS + ") cannot be read was left out"
}

type slackReader struct {
	fsys fs.FS
	read int64
}

// readJSON decodes one file of the export, within the limits.
func (r *slackReader) readJSON(name string, v any) error {
	f, err := r.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("read the Slack export's %s: %w", name, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > slackFileLimit {
		return incident.Errorf(incident.EINVALID, "the Slack export's %s is %d MiB: a day's file is read up to %d MiB", name, fi.Size()>>20, slackFileLimit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, slackFileLimit+1))
	if err != nil {
		return fmt.Errorf("read the Slack export's %s: %w", name, err)
	}
	if r.read += int64(len(data)); len(data) > slackFileLimit || r.read > slackTotalLimit {
		return incident.Errorf(incident.EINVALID, "the Slack export is larger than an import reads (%d MiB a file, %d MiB in all): import one channel with --channel", slackFileLimit>>20, slackTotalLimit>>20)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return incident.Errorf(incident.EINVALID, "the Slack export's %s is not the JSON Slack writes: %v", name, err)
	}
	return nil
}

// users reads users.json when the export has one (a channel's folder or a
// day's file imported alone has none: names then come from the messages).
func (r *slackReader) users() (map[string]slackUser, error) {
	var list []slackUser
	err := r.readJSON("users.json", &list)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]slackUser{}, nil
	}
	if err != nil {
		return nil, err
	}
	users := make(map[string]slackUser, len(list))
	for _, u := range list {
		users[u.ID] = u
	}
	return users, nil
}

// channel finds the channel to import and its folder: the one named (by
// name or id), else the only one that has messages.
func (r *slackReader) channel(want string) (slackChannel, string, error) {
	var list []slackChannel
	for _, f := range []string{"channels.json", "groups.json", "mpims.json"} {
		var more []slackChannel
		if err := r.readJSON(f, &more); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return slackChannel{}, "", err
		}
		list = append(list, more...)
	}
	want = strings.TrimPrefix(want, "#")
	var found []slackChannel
	for _, c := range list {
		if want != "" && c.Name != want && c.ID != want {
			continue
		}
		if dirHasDays(r.fsys, c.Name) {
			found = append(found, c)
		}
	}
	if len(list) == 0 {
		// No channels.json: a channel's folder, or the folder of one day.
		if want != "" && !dirHasDays(r.fsys, want) {
			return slackChannel{}, "", incident.Errorf(incident.EINVALID, "the Slack export has no channel %q", want)
		}
		if want != "" {
			return slackChannel{Name: want}, want, nil
		}
		return slackChannel{}, ".", nil
	}
	switch {
	case len(found) == 1:
		return found[0], found[0].Name, nil
	case want != "":
		return slackChannel{}, "", incident.Errorf(incident.EINVALID, "the Slack export has no messages in a channel %q: it has %s", want, channelNames(r.fsys, list))
	case len(found) == 0:
		return slackChannel{}, "", incident.Errorf(incident.EINVALID, "the Slack export has no channel with messages")
	}
	return slackChannel{}, "", incident.Errorf(incident.EINVALID, "the Slack export has several channels: pick one with --channel (%s)", channelNames(r.fsys, list))
}

func channelNames(fsys fs.FS, list []slackChannel) string {
	var names []string
	for _, c := range list {
		if dirHasDays(fsys, c.Name) {
			names = append(names, "#"+c.Name)
		}
	}
	sort.Strings(names)
	if len(names) > 20 {
		names = append(names[:20], "…")
	}
	return strings.Join(names, ", ")
}

// slackDay is the name of a day's file.
var slackDay = lazyregexp.New(`^\d{4}-\d{2}-\d{2}\.json$`)

func dirHasDays(fsys fs.FS, dir string) bool {
	if dir == "" {
		return false
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if slackDay().MatchString(e.Name()) {
			return true
		}
	}
	return false
}

// days lists a channel's day files in date order, or the one asked for.
func (r *slackReader) days(dir, day string) ([]string, error) {
	if day != "" {
		return []string{path.Join(dir, day)}, nil
	}
	entries, err := fs.ReadDir(r.fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read the Slack export's channel folder %s: %w", dir, err)
	}
	var days []string
	for _, e := range entries {
		if !e.IsDir() && slackDay().MatchString(e.Name()) {
			days = append(days, path.Join(dir, e.Name()))
		}
	}
	if len(days) == 0 {
		return nil, incident.Errorf(incident.EINVALID, "no day files (YYYY-MM-DD.json) in the Slack export's folder %s: give the export's folder or zip, a channel's folder, or one day's file", dir)
	}
	sort.Strings(days)
	return days, nil
}

// slackNames turns user ids into the names people know each other by:
// users.json's, else the profile a message of the user's carries
// (profiles, learnt from the whole channel); unknown collects the ids
// neither names.
type slackNames struct {
	users    map[string]slackUser
	profiles map[string]slackProfile
	unknown  map[string]bool
}

func (n slackNames) name(id string, profile *slackProfile) string {
	if u, ok := n.users[id]; ok {
		for _, s := range []string{u.Profile.RealName, u.RealName, u.Profile.DisplayName, u.Name} {
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
	}
	if profile != nil {
		for _, s := range []string{profile.RealName, profile.DisplayName, profile.Name} {
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
	}
	if p, ok := n.profiles[id]; ok {
		return firstNonEmpty(p.RealName, p.DisplayName, p.Name)
	}
	if n.unknown != nil && id != "" {
		n.unknown[id] = true
	}
	return id
}

// entry turns a message into an entry, false for housekeeping.
func (n slackNames) entry(m slackMessage) (Entry, bool) {
	if slackHousekeeping()[m.Subtype] || m.Type != "" && m.Type != "message" {
		return Entry{}, false
	}
	at, ok := slackTime(m.TS)
	if !ok {
		return Entry{}, false
	}
	author := ""
	switch {
	case m.Subtype == "bot_message" || m.BotID != "" && m.User == "":
		author = m.Username
		if m.BotProfile != nil && m.BotProfile.Name != "" {
			author = m.BotProfile.Name
		}
		if author == "" {
			author = "bot"
		}
	default:
		author = n.name(m.User, m.UserProfile)
	}
	text := n.text(m.Text)
	if text == "" {
		text = n.text(attachedText(m))
	}
	if text == "" {
		for _, f := range m.Files {
			if t := firstNonEmpty(f.Title, f.Name); t != "" {
				text = strings.TrimSpace(text + " [file: " + t + "]")
			}
		}
	}
	if text == "" {
		return Entry{}, false
	}
	e := Entry{At: at, Text: truncateRunes(text, incident.MaxTextLen), Kind: incident.KindNote, Author: oneLine(author)}
	e.Pinned = len(m.PinnedTo) > 0
	for _, r := range m.Reactions {
		e.Pinned = e.Pinned || r.Name == "pushpin" || r.Name == "round_pushpin"
	}
	return e, true
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// slackTime reads a message's ts, seconds and microseconds since 1970.
func slackTime(ts string) (time.Time, bool) {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || s <= 0 {
		return time.Time{}, false
	}
	var ns int64
	if frac != "" {
		f := (frac + "000000000")[:9]
		if ns, err = strconv.ParseInt(f, 10, 64); err != nil {
			return time.Time{}, false
		}
	}
	t := time.Unix(s, ns).UTC()
	return t, incident.CheckInstant("ts", t) == nil
}

// slackMarkup is Slack's angle-bracket markup in message text.
var slackMarkup = lazyregexp.New(`<([@#!][^>|]*)(?:\|([^>]*))?>|<((?:https?|mailto):[^>|]*)(?:\|([^>]*))?>`)

var slackEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// text turns Slack's markup into what a reader sees: mentions by name,
// channels by #name, links by their label.
func (n slackNames) text(s string) string {
	s = slackMarkup().ReplaceAllStringFunc(s, func(m string) string {
		g := slackMarkup().FindStringSubmatch(m)
		ref, label, url, urlLabel := g[1], g[2], g[3], g[4]
		switch {
		case url != "" && urlLabel != "" && urlLabel != url:
			return urlLabel + " (" + url + ")"
		case url != "":
			return url
		case strings.HasPrefix(ref, "@"):
			if label != "" && !n.known(ref[1:]) {
				return label
			}
			return n.name(ref[1:], nil)
		case strings.HasPrefix(ref, "#"):
			if label != "" {
				return "#" + label
			}
			return ref
		case strings.HasPrefix(ref, "!"):
			if label != "" {
				return label
			}
			return "@" + strings.TrimPrefix(strings.SplitN(ref, "^", 2)[0], "!")
		}
		return m
	})
	return strings.TrimSpace(strings.ReplaceAll(slackEntities.Replace(s), "\x00", ""))
}
