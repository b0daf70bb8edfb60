#!/usr/bin/env bash
# test_render_ci.sh ZUHYO SOURCE_DIR: `zuhyo render` in a CI job: missing glyphs fail, exit
# codes (0 done, 1 error, 2 spec, 3 drift), the --check lines and --report folder, font drift,
# pdf_date, family names in a Japanese locale, -j, files not rewritten, paths of a spec.
set -u
zuhyo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; [ -f "$tmp/err" ] && sed 's/^/  stderr: /' "$tmp/err" | head -8; fails=$((fails + 1)); }

# run CODE ARGS...: zuhyo's exit code must be CODE (stdout in $tmp/out, stderr in $tmp/err)
run() {
  local code=$1
  shift
  "$zuhyo" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$code" ] || { echo "  (zuhyo $*: exit $got, expected $code)"; return 1; }
}

s="$tmp/spec"
mkdir -p "$s"
printf 'name,count\nAlpha,120\nBeta,80\nGamma,45\n' >"$s/a.csv"
printf '機関,著者数\nグーグル,2174\n清華大学,1748\n' >"$s/ja.csv"
cat >"$s/charts.json" <<'JSON'
{"out": "figures", "pdf_date": "2025-01-01",
 "charts": [
  {"type": "bar", "output": "alpha", "data": "a.csv", "label": "name", "value": "count", "formats": ["png", "svg", "pdf"]},
  {"type": "bar", "output": "ja", "data": "ja.csv", "label": "機関", "value": "著者数", "title": "著者数"}
 ]}
JSON

# ---- a plain render, then a clean check; unchanged files are not rewritten ----
run 0 render "$s/charts.json" && [ -s "$s/figures/alpha.pdf" ] && [ -s "$s/figures/.zuhyo-fonts.json" ] && ok ||
  bad "plain render"
touch -d '2001-01-01 00:00' "$s/figures/alpha.png"
run 0 render "$s/charts.json" && grep -q "0 written, 5 unchanged" "$tmp/err" &&
  [ "$(stat -c %Y "$s/figures/alpha.png")" = "$(date -d '2001-01-01 00:00' +%s)" ] && ok ||
  bad "an unchanged file was rewritten"
run 0 render "$s/charts.json" --check && grep -q "5 files up to date" "$tmp/err" && ok || bad "clean --check"
run 0 render "$s/charts.json" --check -q && [ ! -s "$tmp/err" ] && [ ! -s "$tmp/out" ] && ok || bad "--quiet prints nothing"

# ---- drift: exit 3, each file's state, the report ----
cp -r "$s/figures" "$tmp/figures.good"
printf 'name,count\nAlpha,120\nBeta,95\nGamma,45\n' >"$s/a.csv"
rm "$s/figures/ja.svg"
cp "$s/figures/ja.png" "$s/figures/gone.png"
run 3 render "$s/charts.json" --check --report "$tmp/report" &&
  grep -q "differs: .*alpha.png: [0-9]* pixels changed, box x [0-9]*\.\.[0-9]*, y" "$tmp/out" &&
  grep -q "differs: .*alpha.svg" "$tmp/out" && grep -q "missing: .*ja.svg" "$tmp/out" &&
  grep -q "stale: .*gone.png" "$tmp/out" && ! grep -q "ja.png" "$tmp/out" && grep -q "exit 3" "$tmp/err" && ok ||
  bad "--check: differs/missing/stale lines and exit 3"
[ -s "$tmp/report/diff/alpha.png" ] && [ -s "$tmp/report/new/alpha.png" ] && [ -s "$tmp/report/new/ja.svg" ] &&
  [ -s "$tmp/report/old/alpha.png" ] && [ ! -e "$tmp/report/diff/alpha.svg" ] && grep -q 'diff/alpha.png' "$tmp/report/index.html" && ok ||
  bad "the report folder: new/, old/, diff/, index.html"
python3 - "$tmp/report/report.json" <<'PY' && ok || bad "report.json fields"
import json, sys
r = json.load(open(sys.argv[1]))
files = {f["file"]: f for f in r["files"]}
a = files["alpha.png"]
assert r["exit"] == 3 and r["stale"] == ["gone.png"], r
assert a["state"] == "differs" and a["pixels_changed"] > 0 and a["diff"] == "diff/alpha.png", a
b = a["box"]
assert b["width"] > 0 and b["height"] > 0 and b["x"] >= 0 and b["x"] + b["width"] <= 1600 and b["y"] + b["height"] <= 900, b
assert files["ja.svg"]["state"] == "missing" and files["ja.png"]["state"] == "same"
assert files["alpha.pdf"]["state"] == "differs"
assert r["counts"]["differs"] == 3 and r["counts"]["missing"] == 1 and r["counts"]["stale"] == 1, r["counts"]
assert all(len(f["sha256"]) == 64 for f in r["fonts"]), r["fonts"]
PY
# the changed bars are where the box says: Beta's bar (the second) grew, Alpha's did not
python3 - "$tmp/report/report.json" <<'PY' && ok || bad "the box covers the changed bar only"
import json, sys
b = [f for f in json.load(open(sys.argv[1]))["files"] if f["file"] == "alpha.png"][0]["box"]
assert b["height"] < 900 / 2, b
PY
run 3 render "$s/charts.json" --check --tolerance 100000000 -o "$tmp/figures.good" &&
  grep -q "within tolerance: .*alpha.png" "$tmp/out" && ! grep -q "differs: .*alpha.png" "$tmp/out" && ok ||
  bad "--tolerance lets a PNG pass"
# an error is not drift: missing data 1, a mistake in the spec 2, missing spec 1
mv "$s/a.csv" "$s/a.moved"
run 1 render "$s/charts.json" --check && grep -q "a.csv: cannot open" "$tmp/err" && ok || bad "missing data: exit 1"
mv "$s/a.moved" "$s/a.csv"
printf '{"charts": [{"type": "bar", "output": "x", "data": "a.csv", "label": "name", "value": "count", "sort": "up"}]}' >"$s/bad.json"
run 2 render "$s/bad.json" --check && ok || bad "bad sort: exit 2"
printf '{"charts": [{"type": "bar", "output": "x", "data": "a.csv", "label": "nope", "value": "count"}]}' >"$s/bad.json"
run 2 render "$s/bad.json" --check && grep -q 'no column named "nope"' "$tmp/err" && ok || bad "missing column: exit 2"
printf '{"charts": [{"type": "bar", "output": "x", "data": "a.csv", "label": "name", "value": "count", "sort": "up"}, {"type": "pie", "output": "y"}]}' >"$s/bad.json"
run 2 render "$s/bad.json" && grep -q 'charts\[0\].sort' "$tmp/err" && grep -q 'charts\[1\].type' "$tmp/err" && ok ||
  bad "every chart's mistake is said in one run"
printf '{"charts": [' >"$s/bad.json"
run 2 render "$s/bad.json" && grep -q "bad.json:1:" "$tmp/err" && ok || bad "bad JSON: exit 2 with its position"
run 1 render "$tmp/nope.json" && grep -q "nope.json: unable to open" "$tmp/err" && ! grep -q -- "-1:-1" "$tmp/err" && ok ||
  bad "missing spec: exit 1, no -1:-1"
# --prune removes the stale file; a plain render only names it
run 0 render "$s/charts.json" && [ -e "$s/figures/gone.png" ] && grep -q "gone.png: stale" "$tmp/err" && ok || bad "stale named"
run 0 render "$s/charts.json" --prune && [ ! -e "$s/figures/gone.png" ] && [ -e "$s/figures/ja.png" ] && ok || bad "--prune"

# ---- all or nothing: a failing chart leaves nothing written ----
cat >"$s/half.json" <<'JSON'
{"out": "half", "charts": [
  {"type": "bar", "output": "one", "data": "a.csv", "label": "name", "value": "count"},
  {"type": "bar", "output": "two", "data": "nothere.csv", "label": "name", "value": "count"}]}
JSON
run 1 render "$s/half.json" && [ ! -e "$s/half" ] && ok || bad "render is all or nothing"

# ---- missing glyphs are an error; --allow-missing-glyphs opts out ----
mkdir -p "$tmp/latin" "$tmp/fc-cache"
cat >"$tmp/latin/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>$tmp/fc-cache</cachedir></fontconfig>
EOF
ZUHYO_FONT_DIR="$tmp/latin" run 1 render "$s/charts.json" -o "$tmp/boxes" && grep -q "no configured font can draw" "$tmp/err" &&
  [ ! -e "$tmp/boxes" ] && ok || bad "a face without the characters fails render"
ZUHYO_FONT_DIR="$tmp/latin" run 0 render "$s/charts.json" -o "$tmp/boxes" --allow-missing-glyphs && [ -s "$tmp/boxes/ja.png" ] && ok ||
  bad "--allow-missing-glyphs"
printf '見出し\n2024年の売上高はトヨタが45兆円、ソニーが13兆円、ホンダが20兆円、日産が12兆円だった。\n' >"$tmp/article.txt"
ZUHYO_FONT_DIR="$tmp/latin" run 1 auto "$tmp/article.txt" -o "$tmp/auto-boxes" && grep -q "no configured font can draw" "$tmp/err" && ok ||
  bad "a face without the characters fails auto"
run 1 render "$s/charts.json" --font-dir "$tmp/no-such-folder" && grep -q "no-such-folder" "$tmp/err" && ok || bad "a bad --font-dir"

# ---- font drift: a second font folder with the same family ----
mkdir -p "$tmp/latin2"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$tmp/latin2/"
sed 's#<dir>[^<]*</dir>##' "$tmp/latin/fonts.conf" >"$tmp/latin2/fonts.conf"
printf '{"out": "lat", "font": "DejaVu Sans", "charts": [{"type": "bar", "output": "a", "data": "a.csv", "label": "name", "value": "count"}]}' >"$s/latin.json"
ZUHYO_FONT_DIR="$tmp/latin" run 0 render "$s/latin.json" &&
  ZUHYO_FONT_DIR="$tmp/latin2" run 0 render "$s/latin.json" --check &&
  grep -q 'fonts changed: "DejaVu Sans" was /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf .* now .*latin2/DejaVuSans.ttf' "$tmp/out" && ok ||
  bad "fonts changed is said"
ZUHYO_FONT_DIR="$tmp/latin" run 0 render "$s/latin.json" --check && ! grep -q "fonts changed" "$tmp/out" && ok || bad "same fonts: no note"
printf '{"font_dir": "nothere", "charts": [{"type": "bar", "output": "a", "data": "a.csv", "label": "name", "value": "count"}]}' >"$s/fd.json"
run 1 render "$s/fd.json" --check && grep -q "nothere" "$tmp/err" && ok || bad "the spec's font_dir missing"

# ---- doctor --json ----
run 0 doctor --json && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["used"][0]["request"] == "BIZ UDPGothic" and len(d["used"][0]["sha256"]) == 64
assert all({"family", "file", "version", "sha256"} <= set(f) for f in d["faces"])
assert d["used"][0]["version"].startswith("Version")' "$tmp/out" && ok || bad "doctor --json"

# ---- PDF dates ----
printf '{"out": "pdf", "charts": [{"type": "bar", "output": "p", "data": "a.csv", "label": "name", "value": "count", "formats": ["pdf"]}]}' >"$s/pdf.json"
SOURCE_DATE_EPOCH=1000 run 0 render "$s/pdf.json" && SOURCE_DATE_EPOCH=2000000 run 3 render "$s/pdf.json" --check &&
  grep -q "p.pdf: the PDFs differ only in their date" "$tmp/out" && ok || bad "PDFs that differ only in their date"
SOURCE_DATE_EPOCH=abc run 2 render "$s/pdf.json" && grep -q "SOURCE_DATE_EPOCH=abc" "$tmp/err" && ok || bad "SOURCE_DATE_EPOCH=abc refused"
sed 's/"out": "pdf"/"out": "pdf", "pdf_date": "2024-02-29"/' "$s/pdf.json" >"$s/pinned.json"
SOURCE_DATE_EPOCH=1000 run 0 render "$s/pinned.json" && SOURCE_DATE_EPOCH=2000000 run 0 render "$s/pinned.json" --check &&
  grep -a -q "20240229000000" "$s/pdf/p.pdf" && ok || bad "pdf_date pins the date"
sed 's/"out": "pdf"/"out": "pdf", "pdf_date": "2024-02-30"/' "$s/pdf.json" >"$s/pinned.json"
run 2 render "$s/pinned.json" && grep -q "pdf_date" "$tmp/err" && ok || bad "a wrong pdf_date"

# ---- a Japanese locale names BIZ UDPGothic in Japanese: still the same face ----
LANG=ja_JP.UTF-8 run 0 render "$s/charts.json" --check && ! grep -q "not installed" "$tmp/err" && ok ||
  bad "ja_JP.UTF-8 warns about the family name"

# ---- -j: the same bytes on every number of processes ----
run 0 render "$s/charts.json" -j 1 -o "$tmp/j1" && run 0 render "$s/charts.json" -j 4 -o "$tmp/j4" &&
  diff -r "$tmp/j1" "$tmp/j4" >/dev/null && ok || bad "-j 4 differs from -j 1"
run 2 render "$s/charts.json" -j 0 && ok || bad "-j 0 refused"

# ---- paths: -o -, out outside the spec's folder, a spec through a symbolic link, secrets ----
(cd "$tmp" && run 2 render "$s/charts.json" -o - && [ ! -e "$tmp/-" ]) && ok || bad "-o - makes a folder named -"
printf '{"out": "../escaped", "charts": [{"type": "bar", "output": "a", "data": "a.csv", "label": "name", "value": "count"}]}' >"$s/esc.json"
run 2 render "$s/esc.json" && grep -q "leaves the spec's folder" "$tmp/err" && [ ! -e "$tmp/escaped" ] && ok || bad "out may not leave"
run 0 render "$s/esc.json" -o "$tmp/escaped" && [ -s "$tmp/escaped/a.png" ] && ok || bad "-o may go anywhere"
mkdir -p "$tmp/elsewhere"
ln -s "$s/charts.json" "$tmp/elsewhere/link.json"
run 0 render "$tmp/elsewhere/link.json" --check && ok || bad "a spec through a symbolic link reads paths from the real file"
printf 'password=hunter2\n' >"$s/secret.txt"
printf '{"charts": [{"type": "bar", "output": "a", "data": "secret.txt", "label": "name", "value": "count"}]}' >"$s/sec.json"
run 2 render "$s/sec.json" && ! grep -q hunter2 "$tmp/err" && ok || bad "a spec's data file's content echoed"

printf '{"charts": [{"type": "bar", "output": "a", "db": "nothere.db"}]}' >"$s/db.json"
run 1 render "$s/db.json" -o "$tmp/dbout" && grep -q "nothere.db: cannot open" "$tmp/err" && [ ! -e "$s/nothere.db" ] && ok ||
  bad "a missing db is created by render"

mkfifo "$tmp/fifo.json"
timeout 20 "$zuhyo" render "$tmp/fifo.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "FIFO" "$tmp/err" && ok || bad "a FIFO as the spec waits or is read"

echo "render_ci: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
