#!/usr/bin/env bash
# test_gallery.sh ZUHYO SOURCE_DIR: the gallery's correction controls in headless Chromium.
# tests/gallery_driver.mjs clicks "誤り" on one row and "主体は…" on another (typing a name),
# saves corrections.tsv; this script checks the file line by line against the agreed format
# (README "Correcting a chart") and, when `zuhyo auto --help` lists --corrections, applies it
# and checks the manifest changed. Chromium and Node are required: missing ones fail the test.
set -u
zuhyo=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
check() { # check NAME STATUS
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi
}
finish() {
  echo "gallery: $pass passed, $fails failed"
  [ "$fails" -eq 0 ]
  exit
}

for tool in node chromium python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/test installs the test packages)"; fails=$((fails + 1)); }
done
[ "$fails" -eq 0 ] || finish

# drive NAME OUT OWNER DIR [EARLIER]: zuhyo auto the articles in DIR into OUT (with --corrections
# EARLIER when given), let the driver make its corrections in OUT/index.html (drop, owner typing
# OWNER, value, time, rename, drop chart), and check the saved file: EARLIER's lines first, then
# one new line for each, in that order. Leaves OUT/result.json, OUT/corrections.tsv (the saved
# file) and OUT/subject (the dropped row's subject, as saved).
drive() {
  local name=$1 out=$2 owner=$3 articles=$4 earlier=${5:-}
  "$zuhyo" auto "$articles" -o "$out" ${earlier:+--corrections "$earlier"} --quiet 2>"$tmp/stderr"
  check "$name: zuhyo auto" $?
  [ -s "$out/index.html" ] || { cat "$tmp/stderr"; return 1; }
  node "$src/tests/gallery_driver.mjs" --chromium "$(command -v chromium)" --page "$out/index.html" \
    --work "$out.browser" --owner "$owner" >"$out/result.json" 2>"$tmp/driver.log"
  local status=$?
  check "$name: the gallery driven in Chromium" $status
  [ $status -eq 0 ] || { sed 's/^/  /' "$tmp/driver.log"; return 1; }
  python3 - "$out/result.json" "$out/manifest.json" "$articles" "$earlier" <<'PY'
import json, os, shutil, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
manifest = json.load(open(sys.argv[2], encoding="utf-8"))
articles, earlier = sys.argv[3], sys.argv[4]
text = open(result["file"], "rb").read().decode("utf-8")
shutil.copy(result["file"], os.path.join(os.path.dirname(sys.argv[1]), "corrections.tsv"))
assert text.endswith("\n") and "\r" not in text, repr(text[-40:])
if earlier:  # a second round keeps the first
    kept = open(earlier, encoding="utf-8").read().rstrip()
    assert text.startswith(kept + "\n"), (text[:200], kept[:200])
    text = text[len(kept) + 1:]
lines = text.split("\n")[:-1]
body = [l for l in lines if l and not l.startswith("#")]
assert lines[0].startswith("#"), lines[:2]
KEYS = ["doc", "subject", "measure", "value", "time", "text", "chart", "to"]
for l in body:
    fields = l.split("\t")
    assert fields[0] in {"drop", "owner", "value", "measure", "time", "merge", "rename"}, l
    for f in fields[1:]:
        k, sep, v = f.partition("=")
        assert sep and k in KEYS and v and v == v.strip(), (l, f)
def selectors(d):  # the agreed key order; only the keys the row has
    return [f"{k}={d[k]}" for k in KEYS[:6] if d.get(k)]
strip = lambda v: "".join(c for c in v if c not in "\t\r\n").strip()  # TAB and newline stripped
want = ["\t".join(["drop"] + selectors(result["drop"]))]
for act in ("owner", "value", "time"):
    want.append("\t".join([act] + selectors(result[act]) + ["to=" + strip(result[act]["to"])]))
want.append(f"rename\tchart={result['rename']['chart']}\tto={strip(result['rename']['to'])}")
if "dropchart" in result:
    want.append(f"drop\tchart={result['dropchart']['chart']}")
assert body == want, (body, want)
# the selectors are the facts' own: an article's file name, a value the manifest shows
for d in (result[act] for act in ("drop", "owner", "value", "time")):
    assert "/" not in d["doc"] and os.path.isfile(os.path.join(articles, d["doc"])), d
    assert d["subject"], d
    values = [r.get("value") for c in manifest["charts"] for r in c["rows"]]
    assert any(v is not None and abs(v - float(d["value"])) <= 1e-9 * abs(v) for v in values), d
open(os.path.join(os.path.dirname(sys.argv[1]), "subject"), "w", encoding="utf-8").write(result["drop"]["subject"])
PY
}

# applied NAME BEFORE AFTER FILE: AFTER/manifest.json lists every line of FILE as a correction
# that matched a fact (or chart), and the charts' rows differ from BEFORE's. One exception: a
# chart line of an earlier round whose chart the later rows dropped out of existence (a table
# left with one row is no chart) matches nothing, and the CLI must have warned of that line.
applied() {
  ! grep 'matches no' "$tmp/stderr" | grep -v 'matches no chart$' | grep -q .
  check "$1: every saved fact correction matches" $?
  python3 - "$2/manifest.json" "$3/manifest.json" "$4" "$tmp/stderr" <<'PY'
import json, sys
before = json.load(open(sys.argv[1], encoding="utf-8"))
after = json.load(open(sys.argv[2], encoding="utf-8"))
lines = [l for l in open(sys.argv[3], encoding="utf-8").read().split("\n")]
warned = open(sys.argv[4], encoding="utf-8").read()
done = after.get("corrections")
numbered = [(i + 1, l) for i, l in enumerate(lines) if l and not l.startswith("#")]
assert done and [c["action"] for c in done] == [l.split("\t")[0] for _, l in numbered], (done, numbered)
titles = {c["title"] for c in after["charts"]}
for c, (n, l) in zip(done, numbered):
    if c["matched"] >= 1:
        continue
    chart = [f[6:] for f in l.split("\t") if f.startswith("chart=")]
    assert chart and chart[0] not in titles and f":{n}: matches no chart" in warned, (c, l)
rows = lambda m: [(c["title"], r["label"], r.get("value"), r.get("time")) for c in m["charts"] for r in c["rows"]]
assert rows(before) != rows(after), "the manifest did not change"
PY
  check "$1: the corrections change the manifest" $?
}

# Names with markup in them stay text: no element is made of them, and the saved lines carry
# them as written. The typed owner has a TAB in it, which the file must not.
mkdir -p "$tmp/hostile"
printf '%s\n' '<script>alert(1)</script>の四半期' '' '売上高の表' '' '企業 売上高' 'A&B"<b>商事 120億円' \
  "オメガ'工業 80億円" 'ガンマ</td>化学 60億円' '' '従業員の表' '' '企業 従業員数' 'A&B"<b>商事 1200人' \
  "オメガ'工業 800人" 'ガンマ</td>化学 600人' >"$tmp/hostile/h.txt"
drive "markup in names" "$tmp/hout" $'新しい\t商事 ' "$tmp/hostile" &&
  [ "$(cat "$tmp/hout/subject")" = 'A&B"<b>商事' ]
check "markup in names: saved as written" $?

owner="テスト商事"
drive "samples" "$tmp/out" "$owner" "$src/samples/articles"
check "samples: corrections.tsv in the agreed format" $?

# Apply it, once zuhyo auto reads corrections (conditional until --corrections exists); then a
# second round in the corrected gallery, whose file must keep the first round's lines.
if "$zuhyo" auto --help 2>&1 | grep -q -- '--corrections'; then
  drive "second round" "$tmp/fixed" "別の商事" "$src/samples/articles" "$tmp/out/corrections.tsv"
  check "second round: the first round's lines kept, the new ones added" $?
  "$zuhyo" auto "$src/samples/articles" -o "$tmp/fixed-check" --corrections "$tmp/out/corrections.tsv" --quiet 2>"$tmp/stderr"
  check "first round: zuhyo auto --corrections" $?
  applied "first round" "$tmp/out" "$tmp/fixed-check" "$tmp/out/corrections.tsv"
  "$zuhyo" auto "$src/samples/articles" -o "$tmp/fixed2" --corrections "$tmp/fixed/corrections.tsv" --quiet 2>"$tmp/stderr"
  check "second round: zuhyo auto --corrections" $?
  applied "second round" "$tmp/fixed" "$tmp/fixed2" "$tmp/fixed/corrections.tsv"
else
  echo "gallery: zuhyo auto has no --corrections yet: the saved file is not applied (conditional step skipped)"
fi
finish
