#!/usr/bin/env bash
# bench/render.sh [CHARTS]: time `zuhyo render --check` of a spec of CHARTS charts (default
# 200) in three formats each, on one process (-j 1) and on every core (-j N), check that the
# files -j 1 and -j N write are byte for byte the same, and print the speed-up.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
zuhyo_bench_build
charts=${1:-200}
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp samples/authors.csv samples/events.csv "$work/"
{
  echo '{"out": "figures", "pdf_date": "2025-01-01", "defaults": {"formats": ["png", "svg", "pdf"]}, "charts": ['
  for i in $(seq 1 "$charts"); do
    [ "$i" -gt 1 ] && echo ","
    if [ $((i % 3)) -eq 0 ]; then
      printf '{"type": "timeline", "output": "t%d", "data": "events.csv", "date": "日付", "label": "出来事", "lane": "種類", "title": "年表 %d"}' "$i" "$i"
    else
      printf '{"type": "bar", "output": "b%d", "data": "authors.csv", "label": "機関", "value": "著者数", "sort": "desc", "top": %d, "title": "著者数 %d"}' "$i" $((3 + i % 9)) "$i"
    fi
  done
  echo ']}'
} >"$work/spec.json"
zuhyo=build/zuhyo
"$zuhyo" render "$work/spec.json" -j 1 -q
cp -r "$work/figures" "$work/figures-j1"
rm -rf "$work/figures"
"$zuhyo" render "$work/spec.json" -j "$cores" -q
diff -r "$work/figures-j1" "$work/figures" >/dev/null && echo "-j 1 and -j $cores wrote identical files" ||
  { echo "FAIL: -j $cores differs from -j 1"; exit 1; }
time_of() { # "wall cpu" seconds of `render --check -j $1` (cpu: user + sys, workers included)
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$zuhyo" render "$work/spec.json" --check -q -j "$1" 2>/dev/null; } 2>&1 )
  awk '{ print $1, $2 + $3 }' <<<"$t"
}
read -r one one_cpu < <(time_of 1)
read -r all all_cpu < <(time_of "$cores")
printf 'render --check, %d charts x 3 formats: -j 1 %.2f s (cpu %.2f s), -j %d %.2f s (cpu %.2f s): %.2fx faster\n' \
  "$charts" "$one" "$one_cpu" "$cores" "$all" "$all_cpu" "$(awk -v a="$one" -v b="$all" 'BEGIN { print a / b }')"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $cores cores (a loaded machine shares its cores)"
