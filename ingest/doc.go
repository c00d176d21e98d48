// Package ingest turns existing timelines into incidents: pasted notes,
// whole postmortem documents (timeline, narrative, action items, retro
// notes), status-page update logs, Slack channel exports (ParseSlack), and
// scribe's own JSON documents (which import whole, see Parse).
//
// # What is read
//
// A line is an entry when, after its Markdown (bullet, number, task box,
// bold, "[…]" or "(…)", or an emoji in front: "🔴 14:02 — …"), it starts
// with a time or a date and time:
//
//   - bullets and numbered lists: "- 2023-11-06 14:02 - …", "* 11:10 6th Nov
//     2023 - …", "1. Jan 14, 10:18 AM: …", "• 2022/02/16 03:01PM ET - …";
//   - Markdown table rows, the time from the column whose header starts with
//     Time, Date, When or Timestamp, or is At, Start or Occurred (a Date
//     and a Time column are read together), the other cells joined as the
//     text, leaving out a numbering column ("#", "Step"); Confluence and Jira
//     wiki tables ("||Date||Time||Event||") alike, and quoted CSV rows that
//     start with a timestamp ("01/09/24 11:42 PM","Triggered",…);
//   - headings, ATX or wiki ("h2. …"): "### 14:02 UTC — …", "#### 2023-11-06
//     14:02", or "### 08:52 PM" (or "### August 12 16:04 UTC (lasting 52
//     minutes)", also as a bold line) with the text in the paragraph below;
//     the sentences under such a heading that open with a time are entries
//     too;
//   - bare lines: "20:10 Expensive query …", or "1:03" alone with the text on
//     the following lines;
//   - chat copied from Slack, Teams or Discord: "Priya Raman  2:03 PM" or
//     "Priya — 03/14/2024 2:03 PM" with the message below (the entry is
//     "Priya Raman: message"), and a bare "2:07" for the author's next one;
//     Teams' "Priya Raman, 03/14/2024 14:03" header, and its new client's
//     name line over a date-and-time line (when the text has two such
//     messages: one title over a date line stays a title);
//   - HTML (readHTML): a saved page whole, or the tables, lists and
//     headings written as HTML among Markdown, read as the Markdown they
//     would be (h1-h6 headings, li items, tr rows, paragraphs; scripts,
//     styles, nav and footers left out);
//   - list items, and short lines, that name an event and then give its
//     time ("First detected: 2024-04-15 12:32", "Resolved 2024-04-18
//     16:13", "**Start time**: 2024-03-14 09:12 UTC");
//   - sentences that open with a time: "At 07:40 UTC we …", "On June 3 at
//     09:12 PT the pager …", "At 2019/05/06 7am UTC, …", "Between 14:00 and
//     15:00 UTC, …", when the document has no timeline of at least three
//     lines of its own (its sentences then only summarise it); a sentence
//     at the minute of one of its lines is that line told again. In such a
//     document a sentence that says when something happened mid-way ("…
//     paged the team at 14:09 CEST.") is an entry too, unless it tells a
//     plan ("we will post an update at 15:00");
//   - status-page logs, newest first, in both layouts: a status word line,
//     the message, then "Posted Jun 03, 2021 - 09:12 PDT"; or the status
//     word, a dash and the message on one line, then "Jul 02, 16:45 CDT";
//     or the word and its time first ("Resolved · Mar 14 at 11:52am PDT")
//     with the message below, or on the same line ("UPDATE 09:40 UTC: …",
//     "RESOLVED - 4:38 PM ET: …" as status e-mails write it), or the word,
//     then its time alone, then the message (Instatus, Better Stack);
//   - times relative to the start: "T+0m", "T+15m", "T+1h05m", "T+1:12",
//     "T-5m" (lines, or a table's "T+" column) count from what the text
//     says T+0 is ("T+0 = 13:20 UTC") or from its start field ("Incident
//     start | 2024-05-09 13:20 UTC"); without either they are reported.
//     Investigating, Identified,
//     Monitoring and Resolved become status events; Update, Postmortem and
//     the like become notes. A "Posted" line with no status word takes the
//     paragraphs before it as its message (the last one only when there are
//     more than three).
//
// Times: 14:02, 14:02:11 (seconds are kept; a fraction is dropped), 9:05,
// 7am, 03:01PM, 5:10 a.m., 14h05, 14:00hrs, 14.43 (after a date, with am/pm
// or a zone, or opening an entry before a dash: "23.52 — declared"),
// "~14:05", "14:05-ish", "around 14:05", "Tue 14:40";
// a range keeps its start ("14:05–14:20", "02:00 to 04:30"); "--:--" is
// reported, never guessed. Dates: 2023-11-06, 2022/02/16, DD-MM-YYYY,
// DD/MM/YYYY, 03/14/24, 6/17 before a time (a sheet's date column), 14/Mar/24 (Jira), 14-Mar-2024, 6th Nov 2023, 14
// January 2024, Jan 14, 2024, January 14-19, 2026 (the first day), with or
// without a weekday, before or after the time ("22:30 UTC (Oct 29)", "Thu
// 14 Mar 2024 · 11:52 GMT").
//
// A code block under a Timeline heading, before any entry of that section,
// is the timeline itself (written as code to keep its columns) and is read
// line by line; a table may give each time twice, on the local clock and
// in UTC ("| 4:12 PM | 23:12 |"), and the date in force is then the local
// clock's, the offset the two columns' difference.
//
// Not entries: other fenced code blocks, ">" quotes, log lines pasted without a
// code block (a time to the second, then a level or key=value:
// "2024-02-06T14:31:07Z WARN …"), lines that only continue a sentence ("…
// at around\n08:15 UTC the team …" is prose), and the title.
//
// # Whole documents
//
// Headings classify sections (section.go's sectionNames; their order is
// their precedence): Markdown and wiki headings, bold lines, a known
// section name on a line of its own ("Root cause", "Next steps:"), and a
// bold list label ("- **Review actions**:", whose deeper lines belong to
// it). A heading that names nothing known inherits the section it is
// under. Timeline sections give entries; so do lines elsewhere that open
// with a time, and sentences that state one in a document without a
// timeline of its own. Action-item sections (Action items, Next steps,
// Follow-ups, Remediation, Corrective actions, "How we're fixing it", …)
// give action items and never entries: each list item or table row is one
// (a wrapped line continues it; an item ending in ":" or "by" groups the
// deeper ones; a sentence line of its own is one when the section has no
// list), with its owner, priority, due date and state when written
// (actionitem.go). Narrative sections (Summary, Impact, Root cause,
// Trigger, Resolution, Detection) fill Result.Narrative, and retro
// sections (What went well/wrong, Where we got lucky, Contributing
// factors, Lessons) give one note per item or paragraph. "Affected
// services:" and a status page's "This incident affected:" give the
// services. A field longer than an incident holds is cut and reported.
// A page copied or saved whole carries lines that are not the postmortem
// (pagechrome.go, wikitext.go): a picture alone on a line, a wiki's
// breadcrumb, a status page's "Subscribe to updates", a MediaWiki
// template on lines of its own; they are neither title nor summary. A
// numbered section name ("5. Contributing factors") is a heading also
// with bullets below it, unless numbered lines surround it or, among the
// follow-ups, it names anything but a retro section.
//
// # Title
//
// The title is the level-1 heading, else a status page's incident name, else
// the first heading or "Title:" line among the first three lines, else the
// first line when it reads like a title: not a list item, table row, quote,
// entry, status word or clock, and not read as an entry by the walk. A
// plain list has none (the import then names the file).
//
// # Day or month first
//
// In a numeric date a part above 12 is the day. When both are 12 or less,
// the document decides: its unambiguous numeric dates first, then how it
// writes month names ("6th Nov" is day first, "Nov 6" month first); with no
// evidence, "/" dates are read month first (06/11/2023 is June 11) and "-"
// or "." dates day first (06-11-2023 is 6 November).
//
// # Zone, date and year
//
// The zone of an entry is its own suffix; else the last zone the text
// stated before it ("All times in UTC", a "Time (PDT)" header, a heading
// "Timeline (times in BST)", or a zone written on an earlier entry); else
// the first zone stated anywhere; else Options.Zone (--tz, or the
// incident's); else UTC. Literal abbreviations are the offset they name
// (PDT is UTC-07:00, CET UTC+01:00, SAST UTC+02:00); generic ones follow
// daylight saving (PT, ET, and "10:22 AM Pacific"); offsets may be
// written "UTC+5:30".
//
// The date of a time-only entry is the one in force: from the entry before
// it, a date heading ("## May 12") or a date line, else the document's date
// (its title, the first date in the text, or front matter's, which is
// usually when a post was published), else
// Options.Reference. A time more than four hours earlier than the previous
// entry on the same date has crossed midnight and moves to the next day;
// smaller steps back are kept as written (lists are sometimes out of
// order), and so are all steps back in a list that mostly goes back (one
// written newest first, such as a status-history page's day of updates,
// whose times stay on their date). In a document that writes am/pm, an
// unmarked 1:05 after 11:24 AM is read as 13:05, but never a zero-padded
// "06:58 UTC". A "Day 2" line moves the date to the day after "Day 1".
//
// A sentence that tells a time on a city's clock ("2:41 pm local time"
// in a sentence naming Singapore, "by 8:36 am in London") is read in that
// city's zone, for that time only (localclock.go); "local time" of a
// place the text does not name is a Problem marked Changed, read in the
// document's zone and left out of the order of its clocks.
//
// A date without a year takes the year nearest the date in force (a date
// later in the same year keeps it unless the year before is four times
// nearer), else
// the document's (its title's, its first date's, the front matter's), else
// the year in which a weekday written beside a date ("Tuesday, March 5")
// falls on that date, the latest up to Options.Reference's; Options.Year
// (--year) overrides all but a year written with the date; the reference's
// year comes last. Whenever a year came from anything but the entry and
// its heading, Result.Notes says which and why.
//
// Entries come out sorted by time; ties keep the order in which they
// happened (document order, or the reverse in a log written newest first).
// Every line that looked like an entry but could not be placed (no time of
// day, "--:--", no such date, no year, no text, a clock that cannot be
// read such as "25:61" or "14:7", a status update whose time never comes)
// is a Problem with its line number; a date that does not exist leaves the
// date in force as it was. Times that --at refuses are Problems too, and
// not imported: outside incident.CheckInstant's range (1970 to 2199 UTC),
// "24:00", a 60th second, a wall time a daylight-saving change skips (a
// repeated one is its earlier instant). A Problem marked Changed is a line
// imported with a change: a text cut to incident.MaxTextLen characters.
//
// # Slack
//
// ParseSlack reads Slack's export layout: users.json, channels.json (and
// groups.json, mpims.json), a folder per channel with a YYYY-MM-DD.json
// file a day. Messages become entries at their ts instant by the author's
// real name, a bot's message by the bot's name; a message pinned, or given
// a :pushpin: reaction, is pinned (a key moment); joins, leaves, renames,
// pin notices and other housekeeping subtypes are dropped; thread replies
// are entries in time order; <@U…> mentions become names, <#C…|name>
// channels #name, links their label and address. A file shared without
// text is "[file: title]".
//
// # Limits
//
// ReadInput reads at most MaxInput (64 MiB) of text or MaxDocument (512
// MiB) of a JSON document, refusing a known size over it before reading
// and a stream at the limit, and returns when its context is done even
// while a read blocks. Input with NUL bytes is refused as binary. A Slack
// export is read up to 64 MiB a file and 512 MiB in all.
package ingest
