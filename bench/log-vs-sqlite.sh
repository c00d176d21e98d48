#!/usr/bin/env bash
# Whole-process cost of one `scribe log` against one `sqlite3` CLI process
# inserting one row with the same durability (WAL, synchronous=FULL).
# The two are run alternately so that they share the machine's noise.
#
#   bash bench/log-vs-sqlite.sh [RUNS]      (default 300)
#
# Prints the median and mean wall time of each and the ratio of medians.
set -euo pipefail
runs=${1:-300}
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "sqlite3 CLI is needed: apt-get install sqlite3" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scribe" .
db="$dir/scribe.db"
id=$("$dir/scribe" --db "$db" new "Benchmark incident" --tz UTC)
ref="$dir/ref.db"
sqlite3 "$ref" "PRAGMA journal_mode=WAL; CREATE TABLE events(id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL, occurred_at TEXT NOT NULL, logged_at TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);" >/dev/null

ns() { date +%s%N; }
: >"$dir/scribe.times"
: >"$dir/sqlite.times"
for ((i = 0; i < runs; i++)); do
  t0=$(ns)
  "$dir/scribe" --db "$db" log "$id" "benchmark line $i" >/dev/null
  t1=$(ns)
  sqlite3 "$ref" "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; INSERT INTO events(incident_id, occurred_at, logged_at, kind, text, created_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'), 'note', 'benchmark line $i', strftime('%Y-%m-%dT%H:%M:%fZ','now'));" >/dev/null
  t2=$(ns)
  echo $((t1 - t0)) >>"$dir/scribe.times"
  echo $((t2 - t1)) >>"$dir/sqlite.times"
done

stats() { sort -n "$1" | awk '{a[NR]=$1; s+=$1} END {printf "%.2f %.2f\n", a[int((NR+1)/2)]/1e6, s/NR/1e6}'; }
read -r sm smean < <(stats "$dir/scribe.times")
read -r qm qmean < <(stats "$dir/sqlite.times")
echo "runs: $runs ($(nproc) cores, $(go version | awk '{print $3}'), $(sqlite3 --version | awk '{print "sqlite3 " $1}'))"
printf "scribe log     median %6.2f ms   mean %6.2f ms\n" "$sm" "$smean"
printf "sqlite3 insert median %6.2f ms   mean %6.2f ms\n" "$qm" "$qmean"
awk -v a="$sm" -v b="$qm" 'BEGIN {printf "ratio (median scribe / median sqlite3): %.2f\n", a/b}'
