#!/usr/bin/env bash
# Whole-process cost of the 100,000-event paths: `scribe import --new` of a
# 100,000-line timeline text file, then `scribe export` of that incident as
# Markdown and as JSON. Each command runs RUNS times (the import into a
# fresh database each time); the median wall and CPU (user+system) times
# are printed. CPU time is the steadier figure on a busy machine.
#
#   bash bench/import-100k.sh [RUNS]      (default 5)
#
# SCRIBE_BIN=path measures that binary instead of building this tree (to
# compare with an older build).
set -euo pipefail
runs=${1:-5}
lines=100000
cd "$(dirname "$0")/.."

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [[ -n ${SCRIBE_BIN:-} ]]; then
	cp "$SCRIBE_BIN" "$dir/scribe"
else
	go build -o "$dir/scribe" .
fi

# One event a second from 2026-11-20 00:00:00 UTC (about 28 hours), with
# text that varies the way an incident channel does.
awk -v n="$lines" 'BEGIN {
	split("replica lag at %d seconds on shard %d|paged the database team, ticket %d-%d|error rate %d.%d%% on checkout|rolled back deploy %d of service %d|cache hit ratio down to %d%% in zone %d|status page updated, %d customers report errors in region %d", msg, "|")
	for (i = 0; i < n; i++) {
		day = 20 + int(i / 86400); s = i % 86400
		printf "- 2026-11-%02d %02d:%02d:%02d UTC ", day, int(s / 3600), int(s % 3600 / 60), s % 60
		printf msg[i % 6 + 1] "\n", i % 997, i % 17
	}
}' >"$dir/timeline.txt"

# timed LABEL CMD... runs CMD once and appends "wall cpu" (seconds) to
# $dir/LABEL.times; CMD's stdout goes to $dir/out, its stderr (the import's
# summary, the export's lint warnings) to $dir/err.
timed() {
	local label=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err"
	awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$dir/time" >>"$dir/$label.times"
}

for ((i = 0; i < runs; i++)); do
	rm -f "$dir"/scribe.db*
	timed import "$dir/scribe" --db "$dir/scribe.db" import --new "$dir/timeline.txt"
done
id=$(tail -n 1 "$dir/out")
events=$("$dir/scribe" --db "$dir/scribe.db" export "$id" --format json | grep -c '"logged_at"' || true)
for ((i = 0; i < runs; i++)); do
	timed export-md "$dir/scribe" --db "$dir/scribe.db" export "$id" -o "$dir/pm.md"
	timed export-json "$dir/scribe" --db "$dir/scribe.db" export "$id" --format json -o "$dir/pm.json"
done

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "$lines lines -> incident $id with $events events; $runs runs each ($(nproc) cores, $(go version | awk '{print $3}'))"
for label in import export-md export-json; do
	wall=$(awk '{print $1}' "$dir/$label.times" | median)
	cpu=$(awk '{print $2}' "$dir/$label.times" | median)
	printf "%-12s median wall %6.3f s   median cpu %6.3f s\n" "$label" "$wall" "$cpu"
done
