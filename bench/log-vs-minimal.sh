#!/usr/bin/env bash
# Whole-process cost of one `scribe log` against bench/minimal-log: the
# least a Go program can do to make the same durable insert through
# go-sqlite3 with the same pragmas (WAL, synchronous=FULL, foreign keys,
# busy timeout, BEGIN IMMEDIATE) into the same table of the same database:
# the same row, with its UUID and the incident's next sequence number.
# `minimal-log -bare` (a row without them, one statement and one page less)
# runs too, for reference.
# They run alternately, so that they share the machine's noise; times
# come from bash's $EPOCHREALTIME, so no clock process is timed with them.
# The CPU time of each (user+system, from the shell's `times`) is printed
# too: on a loaded machine the wall time mostly measures the wait for a
# core and for the disk, the CPU time what each program does.
#
#   bash bench/log-vs-minimal.sh [RUNS]      (default 400)
#   BEFORE=REV bash bench/log-vs-minimal.sh [RUNS]
#
# BEFORE names a git revision whose `scribe log` runs in the same rounds,
# for a before/after comparison under the same load.
#
# Prints the median and mean wall time of each, the ratio of medians and
# the ratio of CPU times; issue #10's bar is a ratio of at most 1.25.
set -euo pipefail
runs=${1:-400}
cd "$(dirname "$0")/.."

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/scribe" .
go build -o "$dir/minimal-log" ./bench/minimal-log
names=("scribe log" "minimal go-sqlite3" "minimal -bare")
if [[ -n ${BEFORE:-} ]]; then
  mkdir "$dir/src"
  git archive "$BEFORE" | tar -x -C "$dir/src"
  (cd "$dir/src" && go build -o "$dir/before" .)
  names+=("scribe log at $BEFORE")
fi
db="$dir/scribe.db"
id=$("$dir/scribe" --db "$db" new "Benchmark incident" --tz UTC)

# run J I runs program J (an index into names) for round I.
run() {
  case $1 in
  0) "$dir/scribe" --db "$db" log "$id" "benchmark line $2" ;;
  1) "$dir/minimal-log" "$db" "$id" "benchmark line $2" ;;
  2) "$dir/minimal-log" -bare "$db" "$id" "benchmark line $2" ;;
  3) "$dir/before" --db "$db" log "$id" "benchmark line $2" ;;
  esac
}

# The shell's `times` (no process of its own) is written down before and
# after each program; the children's CPU counters are read at the end.
for ((i = 0; i < runs; i++)); do
  for j in "${!names[@]}"; do
    times >>"$dir/cpu.$j"
    t0=${EPOCHREALTIME/./}
    run "$j" "$i" >/dev/null
    t1=${EPOCHREALTIME/./}
    times >>"$dir/cpu.$j"
    echo $((t1 - t0)) >>"$dir/wall.$j"
  done
done

# Median and mean wall time in ms; CPU time per run in ms: every second
# line of `times` is the children's "user system", before then after.
wall() { sort -n "$1" | awk '{a[NR]=$1; s+=$1} END {printf "%.3f %.3f\n", a[int((NR+1)/2)]/1e3, s/NR/1e3}'; }
cpu() {
  awk -v n="$runs" 'NR % 2 == 0 {
    split($1, u, /[ms]/); split($2, s, /[ms]/)
    t = ((u[1] + s[1]) * 60 + u[2] + s[2]) * 1e6
    if (NR % 4 == 0) c += t - prev
    prev = t
  } END {printf "%.3f\n", c/n/1e3}' "$1"
}
echo "runs: $runs ($(nproc) cores, $(go version | awk '{print $3}'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
declare -a med cpus
for j in "${!names[@]}"; do
  read -r m mean < <(wall "$dir/wall.$j")
  med[j]=$m
  cpus[j]=$(cpu "$dir/cpu.$j")
  printf "%-22s median %7.3f ms   mean %7.3f ms   cpu %7.3f ms\n" "${names[j]}" "$m" "$mean" "${cpus[j]}"
done
awk -v a="${med[0]}" -v b="${med[1]}" -v c="${med[2]}" 'BEGIN {printf "ratio (median scribe / median minimal): %.2f   (/ bare: %.2f)\n", a/b, a/c}'
awk -v a="${cpus[0]}" -v b="${cpus[1]}" -v c="${cpus[2]}" 'BEGIN {printf "cpu ratio (scribe / minimal): %.2f   (/ bare: %.2f)\n", a/b, a/c}'
if [[ -n ${BEFORE:-} ]]; then
  awk -v a="${med[3]}" -v b="${med[1]}" -v c="${cpus[3]}" -v d="${cpus[1]}" -v r="$BEFORE" 'BEGIN {printf "at %s: ratio %.2f, cpu ratio %.2f\n", r, a/b, c/d}'
fi
