#!/usr/bin/env bash
# bench/auto.sh: `zuhyo auto` on one large article against `zuhyo extract` of the same file, in
# the same run (time and peak memory): auto must stay within a small multiple of extract. The
# article is CORPUS_DIR's texts (default samples/articles) repeated to SIZE_MB (default 5), and
# a second one of many distinct tables (TABLES, default 3000), where auto draws at most 30 charts
# and lists the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
zuhyo_bench_build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repeated" "$work/tables"
one="$work/one.txt"
cat "${CORPUS_DIR:-samples/articles}"/*.txt >"$one"
while [ "$(stat -c %s "$work/repeated/big.txt" 2>/dev/null || echo 0)" -lt $((${SIZE_MB:-5} * 1024 * 1024)) ]; do
  cat "$one" >>"$work/repeated/big.txt"
done
python3 - "$work/tables/big.txt" "${TABLES:-3000}" <<'PY'
import random, sys
random.seed(1)
names = ["アオバ", "ツバメ", "カエデ", "ハルニレ", "ミナト", "サクラ", "ヒバリ", "ツグミ"]
lines = ["表の多いページ", ""]
for t in range(int(sys.argv[2])):
    lines += [f"表{t}: 各社の売上高(億円)", "| 企業 | 売上高 |", "|---|---|"]
    lines += [f"| {n}{t % 97}商事 | {random.randint(10, 9999)} |" for n in random.sample(names, 4)] + [""]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
PY
measure() { # measure CMD...: wall seconds and peak KiB
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  cat "$work/time"
}
for kind in repeated tables; do
  f="$work/$kind/big.txt"
  mb=$(python3 -c "print(f'{$(stat -c %s "$f") / 1048576:.1f}')")
  read -r ext_s ext_k < <(measure build/zuhyo extract --db "$work/$kind.db" --quiet "$f")
  read -r auto_s auto_k < <(measure build/zuhyo auto "$work/$kind" -o "$work/$kind-out" --quiet)
  charts=$(python3 -c "import json; m = json.load(open('$work/$kind-out/manifest.json')); print(len(m['charts']), len(m.get('charts_left_out', [])))")
  python3 -c "print(f'auto.sh: $kind $mb MB: extract ${ext_s} s {$ext_k / 1024:.0f} MiB, auto ${auto_s} s {$auto_k / 1024:.0f} MiB ' \
f'(x{$auto_s / max($ext_s, 0.01):.1f} time, x{$auto_k / $ext_k:.1f} memory); charts drawn, left out: $charts')"
done
