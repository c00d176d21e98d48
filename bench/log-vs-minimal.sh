#!/usr/bin/env bash
# Whole-process cost of one `scribe log` against bench/minimal-log: the
# least a Go program can do to make the same durable insert through
# go-sqlite3 with the same pragmas (WAL, synchronous=FULL, foreign keys,
# busy timeout, BEGIN IMMEDIATE) into the same table of the same database.
# The two run alternately, so that they share the machine's noise; times
# come from bash's $EPOCHREALTIME, so no clock process is timed with them.
# The CPU time of each (user+system, from the shell's `times`) is printed
# too: on a loaded machine the wall time mostly measures the wait for a
# core and for the disk, the CPU time what each program does.
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

# The shell's `times` (no process of its own) is written down before and
# after each program; the children's CPU counters are read at the end.
: >"$dir/scribe.times"
: >"$dir/minimal.times"
: >"$dir/cpu"
for ((i = 0; i < runs; i++)); do
  times >>"$dir/cpu"
  t0=${EPOCHREALTIME/./}
  "$dir/scribe" --db "$db" log "$id" "benchmark line $i" >/dev/null
  t1=${EPOCHREALTIME/./}
  times >>"$dir/cpu"
  t2=${EPOCHREALTIME/./}
  "$dir/minimal-log" "$db" "$id" "benchmark line $i" >/dev/null
  t3=${EPOCHREALTIME/./}
  times >>"$dir/cpu"
  echo $((t1 - t0)) >>"$dir/scribe.times"
  echo $((t3 - t2)) >>"$dir/minimal.times"
done
# Every second line of `times` is the children's "user system"; three
# snapshots a round: before scribe, between, after the minimal program.
read -r scribe_cpu minimal_cpu < <(awk 'NR % 2 == 0 {
    split($1, u, /[ms]/); split($2, s, /[ms]/)
    t = ((u[1] + s[1]) * 60 + u[2] + s[2]) * 1e6
    k = (NR / 2 - 1) % 3
    if (k == 1) a += t - prev; else if (k == 2) b += t - prev
    prev = t
  } END {printf "%d %d\n", a, b}' "$dir/cpu")

stats() { sort -n "$1" | awk '{a[NR]=$1; s+=$1} END {printf "%.3f %.3f\n", a[int((NR+1)/2)]/1e3, s/NR/1e3}'; }
read -r sm smean < <(stats "$dir/scribe.times")
read -r mm mmean < <(stats "$dir/minimal.times")
echo "runs: $runs ($(nproc) cores, $(go version | awk '{print $3}'))"
printf "scribe log        median %6.3f ms   mean %6.3f ms\n" "$sm" "$smean"
printf "minimal go-sqlite3 median %6.3f ms   mean %6.3f ms\n" "$mm" "$mmean"
awk -v a="$sm" -v b="$mm" 'BEGIN {printf "ratio (median scribe / median minimal): %.2f\n", a/b}'
awk -v a="$scribe_cpu" -v b="$minimal_cpu" -v n="$runs" 'BEGIN {
  printf "cpu per run: scribe log %.3f ms, minimal %.3f ms, ratio %.2f\n", a/n/1e3, b/n/1e3, a/b }'
