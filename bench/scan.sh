#!/usr/bin/env bash
# bench/scan.sh: extraction speed and memory. Builds a corpus of at least SIZE_MB (default
# 100) by repeating the articles in CORPUS_DIR (default samples/articles), then times
# `zuhyo scan` (one core) and `zuhyo extract` into a fresh database, and compares peak memory
# with a corpus a tenth the size. Speed depends on how dense the figures are, so the figures
# per byte and per second are printed too. RUNS (default 5) scans and EXTRACT_RUNS (default 3)
# extracts are timed; the median is quoted with the fastest and slowest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
zuhyo_bench_build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
size_mb=${SIZE_MB:-100}
make_corpus() { # make_corpus FILE MB
  : >"$1"
  local one="$work/one.txt"
  cat "${CORPUS_DIR:-samples/articles}"/*.txt >"$one"
  while [ "$(stat -c %s "$1")" -lt $(($2 * 1024 * 1024)) ]; do
    for _ in $(seq 1 200); do cat "$one"; done >>"$1"
  done
}
make_corpus "$work/big.txt" "$size_mb"
make_corpus "$work/small.txt" $((size_mb / 10))
sync # the corpus written back now, not while the scans are timed
bytes=$(stat -c %s "$work/big.txt")
mb=$(python3 -c "print(f'{$bytes / 1048576:.1f}')")
measure() { # measure CMD...: wall seconds, peak KiB and CPU seconds (user + system)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null
  read -r secs kib user sys <"$work/time"
  echo "$secs $kib $(python3 -c "print(round($user + $sys, 2))")"
}
# the machine's speed drifts from run to run: time several runs and quote the median
runs=${RUNS:-5}
scan_times=() ext_times=()
for _ in $(seq 1 "$runs"); do
  read -r secs scan_kib _ < <(measure taskset -c 0 build/zuhyo scan "$work/big.txt")
  scan_times+=("$secs")
done
read -r _ small_kib _ < <(measure taskset -c 0 build/zuhyo scan "$work/small.txt")
# extract stores one batch while the next is scanned: two threads, so it is not pinned
ext_cpu=()
for _ in $(seq 1 "${EXTRACT_RUNS:-3}"); do
  rm -f "$work/bench.db"
  sync
  read -r secs ext_kib cpu < <(measure build/zuhyo extract --quiet --db "$work/bench.db" "$work/big.txt")
  ext_times+=("$secs")
  ext_cpu+=("$cpu")
done
rm -f "$work/small.db"
read -r _ small_ext_kib _ < <(measure build/zuhyo extract --quiet --db "$work/small.db" "$work/small.txt")
facts=$(build/zuhyo facts --db "$work/bench.db" --format tsv | tail -n +2 | wc -l)
db_mb=$(du -m "$work/bench.db" | cut -f1)
python3 - "$mb" "${scan_times[*]}" "$scan_kib" "$small_kib" "${ext_times[*]}" "$ext_kib" "$facts" "$bytes" "$db_mb" "${ext_cpu[*]}" "$small_ext_kib" <<'PY'
import statistics, sys
mb, scan_times, scan_kib, small_kib, ext_times, ext_kib, facts, nbytes, db_mb, ext_cpu, small_ext_kib = sys.argv[1:]
mb, facts = float(mb), int(facts)
scan_times = [float(t) for t in scan_times.split()]
ext_times = [float(t) for t in ext_times.split()]
scan_s, ext_s = statistics.median(scan_times), statistics.median(ext_times)
def spread(times):
    return f"median of {len(times)} runs; fastest {mb / min(times):.1f}, slowest {mb / max(times):.1f} MiB/s"
print(f"corpus: {mb} MiB, {facts} facts stored (a figure every {int(nbytes) / max(facts, 1):.0f} bytes); database {db_mb} MB")
mbs = int(nbytes) / 1e6  # the targets are in MB/s (10^6 bytes)
print(f"scan:    {scan_s:.2f} s = {mb / scan_s:.1f} MiB/s = {mbs / scan_s:.1f} MB/s (one core), {facts / scan_s / 1e6:.2f} M facts/s, peak {int(scan_kib) / 1024:.1f} MiB ({spread(scan_times)})")
print(f"scan of a tenth of the corpus: peak {int(small_kib) / 1024:.1f} MiB (memory independent of size)")
cpu = statistics.median(float(t) for t in ext_cpu.split())
print(f"extract: {ext_s:.2f} s = {mb / ext_s:.1f} MiB/s = {mbs / ext_s:.1f} MB/s into SQLite, {facts / ext_s / 1e6:.2f} M facts/s, peak {int(ext_kib) / 1024:.1f} MiB ({spread(ext_times)})")
print(f"extract CPU time (two threads: scan and store): {cpu:.2f} s = {mb / cpu:.1f} MiB per CPU-second")
print(f"extract of a tenth of the corpus: peak {int(small_ext_kib) / 1024:.1f} MiB (memory independent of size)")
PY
