#!/usr/bin/env bash
# bench/bar.sh: time zuhyo against gnuplot (pngcairo/svg) and matplotlib drawing the same
# 12-row author-count bar chart at 1600x900, PNG and SVG, in one hyperfine run; print the
# ratio of median wall times and zuhyo's peak memory (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
zuhyo_bench_build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=samples/authors.csv
tail -n +2 "$data" | awk -F, '{print NR-1 "\t" $1 "\t" $3}' >"$work/authors.dat"
for fmt in png svg; do
  term=$([ "$fmt" = png ] && echo "pngcairo size 1600,900 font 'BIZ UDPGothic,14'" || echo "svg size 1600,900 font 'BIZ UDPGothic,14'")
  cat >"$work/bar-$fmt.gp" <<GP
set terminal $term
set output '$work/gnuplot.$fmt'
set title 'AIトップ論文の著者数'
set style fill solid
set boxwidth 0.7
set yrange [0:*]
set xtics rotate by -30
plot '$work/authors.dat' using 1:3:xtic(2) with boxes notitle, '' using 1:3:3 with labels offset 0,1 notitle
GP
  cat >"$work/bar-$fmt.py" <<PY
import csv, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = list(csv.DictReader(open("$data", encoding="utf-8")))
plt.rcParams["font.family"] = ["BIZ UDPGothic", "Noto Sans CJK JP"]
fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
labels = [r["機関"] for r in rows][::-1]; values = [int(r["著者数"]) for r in rows][::-1]
bars = ax.barh(labels, values)
ax.bar_label(bars, labels=[f"{v:,}人" for v in values])
ax.set_title("AIトップ論文の著者数")
fig.savefig("$work/mpl.$fmt")
PY
done
zuhyo_cmd() { echo "build/zuhyo bar --data $data --label 機関 --value 著者数 --color 国 --sort desc --unit 人 --title AIトップ論文の著者数 -o $work/zuhyo.$1"; }
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-json "$work/h.json" \
  -n zuhyo-png "$(zuhyo_cmd png)" -n gnuplot-png "gnuplot $work/bar-png.gp" -n matplotlib-png "/usr/bin/python3 $work/bar-png.py" \
  -n zuhyo-svg "$(zuhyo_cmd svg)" -n gnuplot-svg "gnuplot $work/bar-svg.gp" -n matplotlib-svg "/usr/bin/python3 $work/bar-svg.py" \
  >/dev/null
peak=$(/usr/bin/time -f %M $(zuhyo_cmd png) 2>&1 >/dev/null | tail -1)
python3 - "$work/h.json" "$peak" <<'PY'
import json, sys
res = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for fmt in ("png", "svg"):
    z, g, m = res[f"zuhyo-{fmt}"], res[f"gnuplot-{fmt}"], res[f"matplotlib-{fmt}"]
    print(f"{fmt}: zuhyo {z*1000:.1f} ms, gnuplot {g*1000:.1f} ms, matplotlib {m*1000:.1f} ms; "
          f"zuhyo/gnuplot {z/g:.2f}x, zuhyo/matplotlib {z/m:.3f}x")
print(f"zuhyo peak memory (PNG): {int(sys.argv[2])/1024:.1f} MiB")
PY
