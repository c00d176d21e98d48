#!/usr/bin/env bash
# Whole-process cost of one `scribe log` against bench/minimal-log: the
# least a Go program can do to make the same durable insert through
# go-sqlite3 with the same pragmas (WAL, synchronous=FULL, foreign keys,
# busy timeout, BEGIN IMMEDIATE) into the same table of the same database.
# The two run alternately, so that they share the machine's noise; times
# come from bash's $EPOCHREALTIME, so no clock process is timed with them.
#
#   bash bench/log-vs-minimal.sh [RUNS]      (default 400)
#
# Prints the median and mean wall time of each and the ratio of medians;
# issue #10's bar is a ratio of at most 1.25.
set -euo pipefail
runs=${1:-400}
cd "$(dirname "$0")/.."

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scribe" .
go build -o "$dir/minimal-log" ./bench/minimal-log
db="$dir/scribe.db"
id=$("$dir/scribe" --db "$db" new "Benchmark incident" --tz UTC)

: >"$dir/scribe.times"
: >"$dir/minimal.times"
for ((i = 0; i < runs; i++)); do
  t0=${EPOCHREALTIME/./}
  "$dir/scribe" --db "$db" log "$id" "benchmark line $i" >/dev/null
  t1=${EPOCHREALTIME/./}
  "$dir/minimal-log" "$db" "$id" "benchmark line $i" >/dev/null
  t2=${EPOCHREALTIME/./}
  echo $((t1 - t0)) >>"$dir/scribe.times"
  echo $((t2 - t1)) >>"$dir/minimal.times"
done

stats() { sort -n "$1" | awk '{a[NR]=$1; s+=$1} END {printf "%.3f %.3f\n", a[int((NR+1)/2)]/1e3, s/NR/1e3}'; }
read -r sm smean < <(stats "$dir/scribe.times")
read -r mm mmean < <(stats "$dir/minimal.times")
echo "runs: $runs ($(nproc) cores, $(go version | awk '{print $3}'))"
printf "scribe log        median %6.3f ms   mean %6.3f ms\n" "$sm" "$smean"
printf "minimal go-sqlite3 median %6.3f ms   mean %6.3f ms\n" "$mm" "$mmean"
awk -v a="$sm" -v b="$mm" 'BEGIN {printf "ratio (median scribe / median minimal): %.2f\n", a/b}'
