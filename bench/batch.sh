#!/usr/bin/env bash
# bench/batch.sh: batch rendering. 100 bar charts (12 rows each, 1600x900) from one spec in
# one zuhyo process, PNG and then SVG, beside gnuplot drawing the same 100 charts from one
# script; prints charts per second and the ratios, from one hyperfine run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
zuhyo_bench_build
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
[ -z "${KEEP:-}" ] || echo "work: $work" >&2
N=${CHARTS:-100}
python3 - "$work" "$N" <<'PY'
import csv, json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
rows = list(csv.DictReader(open("samples/authors.csv", encoding="utf-8")))
for fmt in ("png", "svg"):
    charts = []
    gp = [f"set terminal {'pngcairo' if fmt == 'png' else 'svg'} size 1600,900 font 'BIZ UDPGothic,14'",
          "set style fill solid", "set boxwidth 0.7", "set yrange [0:*]", "set xtics rotate by -30"]
    for i in range(n):
        data = os.path.join(work, f"t{i}.csv")
        dat = os.path.join(work, f"t{i}.dat")
        if fmt == "png":
            with open(data, "w", encoding="utf-8") as f:
                f.write("機関,国,著者数\n")
                for r in rows:
                    f.write(f"{r['機関']},{r['国']},{int(r['著者数']) * (i + 1)}\n")
            with open(dat, "w", encoding="utf-8") as f:
                for k, r in enumerate(rows):
                    f.write(f"{k}\t{r['機関']}\t{int(r['著者数']) * (i + 1)}\n")
        charts.append({"type": "bar", "output": f"c{i}", "data": data, "label": "機関", "value": "著者数",
                       "color": "国", "sort": "desc", "unit": "人", "title": f"AIトップ論文の著者数 {i}",
                       "formats": [fmt]})
        gp += [f"set output '{work}/g{i}.{fmt}'", f"set title 'AIトップ論文の著者数 {i}'",
               f"plot '{dat}' using 1:3:xtic(2) with boxes notitle, '' using 1:3:3 with labels offset 0,1 notitle"]
    json.dump({"out": os.path.join(work, "out"), "charts": charts}, open(os.path.join(work, f"spec-{fmt}.json"), "w"))
    open(os.path.join(work, f"batch-{fmt}.gp"), "w").write("\n".join(gp) + "\n")
PY
hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$work/h.json" \
  -n zuhyo-png "build/zuhyo render $work/spec-png.json" -n gnuplot-png "gnuplot $work/batch-png.gp" \
  -n zuhyo-svg "build/zuhyo render $work/spec-svg.json" -n gnuplot-svg "gnuplot $work/batch-svg.gp" >/dev/null 2>&1
python3 - "$work/h.json" "$N" <<'PY'
import json, sys
res = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
for fmt in ("png", "svg"):
    z, g = res[f"zuhyo-{fmt}"], res[f"gnuplot-{fmt}"]
    print(f"{fmt}: zuhyo {n / z:.1f} charts/s ({z:.2f} s), gnuplot {n / g:.1f} charts/s ({g:.2f} s); "
          f"zuhyo/gnuplot time {z / g:.2f}x")
PY
