#!/usr/bin/env bash
# test_cli.sh ZUHYO SOURCE_DIR: every error path of the CLI: the message, the exit code, and
# that no output file (nor a temporary one) is left behind. Also the happy paths' outputs.
set -u
zuhyo=$1
src=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fails=0
pass=0

# expect CODE PATTERN OUTFILE -- ARGS...: run zuhyo, check exit code, stderr pattern, no output
expect() {
  local code=$1 pattern=$2 out=$3
  shift 4
  "$zuhyo" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  local why=""
  [ "$got" -eq "$code" ] || why="exit $got, expected $code"
  grep -q -- "$pattern" "$tmp/stderr" || why="$why; stderr lacks '$pattern'"
  if [ -n "$out" ]; then
    [ -e "$out" ] && why="$why; $out was left behind"
    ls "$(dirname "$out")" 2>/dev/null | grep -q '\.tmp-' && why="$why; a temporary file was left"
  fi
  if [ -n "$why" ]; then
    echo "FAIL: zuhyo $*: $why"; sed 's/^/  stderr: /' "$tmp/stderr"; fails=$((fails + 1))
  else
    pass=$((pass + 1))
  fi
}

printf '機関,著者数\nグーグル,2174\n清華大学,1748\n' >"$tmp/ok.csv"
out="$tmp/o.png"
base=(--label 機関 --value 著者数 -o "$out")

expect 1 "missing.csv: cannot open: No such file" "$out" -- bar --data "$tmp/missing.csv" "${base[@]}"
mkdir "$tmp/dir.csv"
expect 1 "dir.csv: is a folder" "$out" -- bar --data "$tmp/dir.csv" "${base[@]}"
: >"$tmp/empty.csv"
expect 1 "empty.csv: empty file" "$out" -- bar --data "$tmp/empty.csv" "${base[@]}"
printf '機関,著者数\n' >"$tmp/header.csv"
expect 1 "header.csv:1: header row only" "$out" -- bar --data "$tmp/header.csv" "${base[@]}"
printf '機関,著者数\nA,1\n\xff\xfe,2\n' >"$tmp/latin1.csv"
expect 1 "latin1.csv:3:1: invalid UTF-8" "$out" -- bar --data "$tmp/latin1.csv" "${base[@]}"
expect 2 'no column named "値"' "$out" -- bar --data "$tmp/ok.csv" --label 機関 --value 値 -o "$out"
printf '機関,著者数\nA,1\nB,abc\n' >"$tmp/nonnum.csv"
expect 1 'nonnum.csv:3:2: column "著者数": "abc" is not a number' "$out" -- bar --data "$tmp/nonnum.csv" "${base[@]}"
printf '機関,著者数\nA,nan\n' >"$tmp/nan.csv"
expect 1 'nan.csv:2:2: .*is not a finite number' "$out" -- bar --data "$tmp/nan.csv" "${base[@]}"
printf '機関,著者数\nA,inf\n' >"$tmp/inf.csv"
expect 1 'inf.csv:2:2: .*is not a finite number' "$out" -- bar --data "$tmp/inf.csv" "${base[@]}"
printf '機関,著者数\nA,1e999\n' >"$tmp/huge.csv"
expect 1 'huge.csv:2:2: .*too large' "$out" -- bar --data "$tmp/huge.csv" "${base[@]}"
printf '機関,著者数\nA,1.7e308\nB,1.7e308\n' >"$tmp/dblmax.csv"
"$zuhyo" bar --data "$tmp/dblmax.csv" "${base[@]}" 2>"$tmp/stderr" && [ -s "$out" ] && pass=$((pass + 1)) ||
  { echo "FAIL: values near DBL_MAX do not render"; cat "$tmp/stderr"; fails=$((fails + 1)); }
rm -f "$out"
printf '機関,著者数\nA,1.7e308\nB,1.7e308\n' >"$tmp/dblmax-stack.csv"
printf '機関,年,著者数\nA,1,1.7e308\nA,2,1.7e308\n' >"$tmp/overflow.csv"
expect 1 'add up beyond' "$out" -- bar --data "$tmp/overflow.csv" --group 年 --stack "${base[@]}"
printf '機関,著者数\nA,10\nB,0\n' >"$tmp/zero.csv"
expect 1 'zero.csv:3:2: .*--log needs values above zero (row "B")' "$out" -- bar --data "$tmp/zero.csv" --log "${base[@]}"
{ echo "機関,著者数"; for i in $(seq 1 10000); do echo "item$i,$i"; done; } >"$tmp/big.csv"
expect 1 "10000 bars do not fit.*use --top" "$out" -- bar --data "$tmp/big.csv" "${base[@]}"
"$zuhyo" bar --data "$tmp/big.csv" --top 20 --sort desc "${base[@]}" 2>"$tmp/stderr" && [ -s "$out" ] &&
  pass=$((pass + 1)) || { echo "FAIL: --top 20 on 10,000 rows"; cat "$tmp/stderr"; fails=$((fails + 1)); }
rm -f "$out"
long=$(printf '長%.0s' $(seq 1 1000))
printf '機関,著者数\n%s,5\n短い,3\n' "$long" >"$tmp/long.csv"
"$zuhyo" bar --data "$tmp/long.csv" --label 機関 --value 著者数 -o "$tmp/long.svg" 2>"$tmp/stderr" &&
  grep -q "$long: 5" "$tmp/long.svg" && pass=$((pass + 1)) ||
  { echo "FAIL: 1,000-character label (full text must stay in the SVG desc)"; fails=$((fails + 1)); }
expect 1 "the folder $tmp/nope does not exist" "" -- bar --data "$tmp/ok.csv" --label 機関 --value 著者数 -o "$tmp/nope/o.png"
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" -eq 0 ]; then
  # root writes anywhere; a path under a regular file is unwritable for everyone
  expect 1 "cannot write in $tmp/ok.csv" "" -- bar --data "$tmp/ok.csv" --label 機関 --value 著者数 -o "$tmp/ok.csv/o.png"
else
  expect 1 "cannot write in $tmp/ro" "$tmp/ro/o.png" -- bar --data "$tmp/ok.csv" --label 機関 --value 著者数 -o "$tmp/ro/o.png"
fi
expect 2 "unknown option --bogus" "$out" -- bar --bogus --data "$tmp/ok.csv" "${base[@]}"
expect 2 "unknown command" "" -- frobnicate
expect 2 "--sort sideways: expected desc, asc or none" "$out" -- bar --data "$tmp/ok.csv" --sort sideways "${base[@]}"
expect 2 "--size 0x0" "$out" -- bar --data "$tmp/ok.csv" --size 0x0 "${base[@]}"
expect 2 "--data FILE is required" "$out" -- bar --label 機関 --value 著者数 -o "$out"
expect 2 "must end in .png, .svg or .pdf" "" -- bar --data "$tmp/ok.csv" --label 機関 --value 著者数 -o "$tmp/o.gif"
expect 2 "needs --format" "" -- bar --data "$tmp/ok.csv" --label 機関 --value 著者数 -o -
expect 2 "--palette" "$out" -- bar --data "$tmp/ok.csv" --palette "#12" "${base[@]}"

# happy paths: every format, stdin, stdout, the samples, help and version
for fmt in png svg pdf; do
  "$zuhyo" bar --data "$src/samples/authors.csv" --label 機関 --value 著者数 --color 国 --sort desc \
    -o "$tmp/a.$fmt" && [ -s "$tmp/a.$fmt" ] && pass=$((pass + 1)) || { echo "FAIL: $fmt output"; fails=$((fails + 1)); }
done
"$zuhyo" bar --data - --label 機関 --value 著者数 --format svg -o - <"$tmp/ok.csv" >"$tmp/stdout.svg" &&
  grep -q "清華大学: 1748" "$tmp/stdout.svg" && pass=$((pass + 1)) || { echo "FAIL: stdin to stdout"; fails=$((fails + 1)); }
# ranks (unit 位): best first by the later rank, never a 0 rank
printf '社,年,順位\nA社,2024年,5\nA社,2020年,1\nB社,2020年,9\nB社,2024年,2\n' >"$tmp/rank.csv"
"$zuhyo" bar --data "$tmp/rank.csv" --label 社 --value 順位 --group 年 --dumbbell --unit 位 -o "$tmp/rank.svg" &&
  grep -A1 "<desc>" "$tmp/rank.svg" | grep -q "B社 (2020年): 9 位" && pass=$((pass + 1)) ||
  { echo "FAIL: rank dumbbell: B社 (2位 in 2024) should come first"; fails=$((fails + 1)); }
printf '社,順位\nA社,0\n' >"$tmp/rank0.csv"
expect 1 'rank0.csv:2:2: column "順位": 0 is not a rank' "$out" -- bar --data "$tmp/rank0.csv" --label 社 --value 順位 --unit 位 -o "$out"
"$zuhyo" --version | grep -q '^zuhyo [0-9]' && pass=$((pass + 1)) || { echo "FAIL: --version"; fails=$((fails + 1)); }
"$zuhyo" bar --help | grep -q -- '--number-format' && pass=$((pass + 1)) || { echo "FAIL: bar --help"; fails=$((fails + 1)); }
"$zuhyo" doctor | grep -q 'Japanese coverage: ok' && pass=$((pass + 1)) || { echo "FAIL: doctor"; fails=$((fails + 1)); }


# impossible article dates are refused, naming the option (exit 2)
expect 2 "--date 2025-13-45: expected a day" "" -- scan --date 2025-13-45 "$src/samples/articles/101_ai_startups.txt"
expect 2 "--date 2025-02-30: expected a day" "" -- extract --date 2025-02-30 --db "$tmp/d.db" "$src/samples/articles/101_ai_startups.txt"
expect 2 "--date 2025-1-5: expected a day" "" -- auto --date 2025-1-5 -o "$tmp/dout" "$src/samples/articles/101_ai_startups.txt"

# help texts print what they say (a literal %% once leaked through fputs)
"$zuhyo" bar --help | grep -q '人, %)' && ! "$zuhyo" bar --help | grep -q '%%' && pass=$((pass + 1)) ||
  { echo "FAIL: bar --help shows %%"; fails=$((fails + 1)); }


# ---- bar look options (issue 12): each one draws, each bad value is a usage error ----
printf '地域,割合\n北海道,42.5%%\n和歌山県,8.0%%\n神奈川県,▲3\n鹿児島県,１２３\n' >"$tmp/pct.csv"
printf '社,地域,台数\nA社,国内,150\nA社,北米,260\nB社,国内,70\nB社,北米,140\n' >"$tmp/stk.csv"
look=(--data "$tmp/pct.csv" --label 地域 --value 割合)
for opts in "--font-size 18" "--no-values" "--legend none" "--legend bottom" "--value-title 割合" \
            "--category-title 地域" "--ref 25:平均" "--ref 10 --ref 20:目標" "--highlight 北海道" \
            "--decimals 2" "--negative triangle" "--negative minus" "--background none" \
            "--background #102030" "--value-min -10" "--value-max 200" "--vertical" "--horizontal" \
            "--rotate-labels 45 --vertical" "--rotate-labels 90 --vertical" "--rotate-labels 0"; do
  # shellcheck disable=SC2086
  "$zuhyo" bar "${look[@]}" $opts -o "$tmp/look.svg" 2>"$tmp/stderr" && [ -s "$tmp/look.svg" ] &&
    pass=$((pass + 1)) || { echo "FAIL: bar $opts"; cat "$tmp/stderr"; fails=$((fails + 1)); }
done
"$zuhyo" bar "${look[@]}" --decimals 1 -o "$tmp/dec.svg" && grep -q '北海道: 42.5' "$tmp/dec.svg" &&
  pass=$((pass + 1)) || { echo "FAIL: bar --decimals 1 (cells 42.5%)"; fails=$((fails + 1)); }
"$zuhyo" bar --data "$tmp/stk.csv" --label 社 --value 台数 --group 地域 --stack percent --legend right -o "$tmp/sp.png" &&
  [ -s "$tmp/sp.png" ] && pass=$((pass + 1)) || { echo "FAIL: bar --stack percent"; fails=$((fails + 1)); }
printf 'name,v\nA,0.425\nB,0.08\n' >"$tmp/frac.csv"
"$zuhyo" bar --data "$tmp/frac.csv" --label name --value v --percent -o "$tmp/frac.svg" && grep -q 'A: 42.5' "$tmp/frac.svg" &&
  pass=$((pass + 1)) || { echo "FAIL: bar --percent"; fails=$((fails + 1)); }
"$zuhyo" bar "${look[@]}" --background none -o "$tmp/clear.png" &&
  python3 -c "import sys; d=open(sys.argv[1],'rb').read(); sys.exit(0 if d[25] == 6 else 1)" "$tmp/clear.png" &&
  pass=$((pass + 1)) || { echo "FAIL: bar --background none is not an RGBA PNG"; fails=$((fails + 1)); }
expect 2 "--font-size 2: expected a size from 4 to 200" "$out" -- bar "${look[@]}" --font-size 2 -o "$out"
expect 2 "--font-size big: expected a size" "$out" -- bar "${look[@]}" --font-size big -o "$out"
expect 2 "--legend side: expected auto, top, right, bottom or none" "$out" -- bar "${look[@]}" --legend side -o "$out"
expect 2 "--ref abc: expected VALUE or VALUE:LABEL" "$out" -- bar "${look[@]}" --ref abc -o "$out"
expect 2 "--highlight 大阪府: no bar has this label" "$out" -- bar "${look[@]}" --highlight 大阪府 -o "$out"
expect 2 "--decimals 1.5: expected a whole number from 0 to 6" "$out" -- bar "${look[@]}" --decimals 1.5 -o "$out"
expect 2 "--decimals 9: expected a whole number" "$out" -- bar "${look[@]}" --decimals 9 -o "$out"
expect 2 "--negative dash: expected minus" "$out" -- bar "${look[@]}" --negative dash -o "$out"
expect 2 "--background red: expected #rrggbb or none" "$out" -- bar "${look[@]}" --background red -o "$out"
expect 2 "--value-min x: expected a number" "$out" -- bar "${look[@]}" --value-min x -o "$out"
expect 2 "--value-min 50 is not below --value-max 10" "$out" -- bar "${look[@]}" --value-min 50 --value-max 10 -o "$out"
expect 2 "--rotate-labels 30: expected auto, 0, 45 or 90" "$out" -- bar "${look[@]}" --rotate-labels 30 -o "$out"
expect 2 "--stack needs --group COL" "$out" -- bar "${look[@]}" --stack -o "$out"
expect 2 "--dumbbell needs --group COL" "$out" -- bar "${look[@]}" --dumbbell -o "$out"
expect 1 "negative part, and --stack percent" "$out" -- bar --data "$tmp/pct.csv" --label 地域 --value 割合 --group 地域 --stack percent -o "$out"
"$zuhyo" bar --help | grep -q 'in a PDF the same numbers are points' && pass=$((pass + 1)) ||
  { echo "FAIL: bar --help does not say --size is points in a PDF"; fails=$((fails + 1)); }

# ---- extraction: scan, extract, facts, eval ----
# bad table shapes stored whole: what scan finds is what the store keeps
{
  printf '会社 | 売上 | 利益 | 社員数 |\nアオバ | 120 | 8 | 300 |\nミドリ | 90 |\n\n会社 | 売上(億円) |\n|---|---|\n\n'
  printf '名前'; for c in $(seq 1 2000); do printf ' | 列'; done; printf ' |\n'
  for r in 1 2; do printf '行%d' "$r"; for c in $(seq 1 2000); do printf ' | %d' "$c"; done; printf ' |\n'; done
  printf '拠点別の人数\n'; for i in $(seq 1 10000); do printf -- '- 拠点%d(%d人)\n' "$i" "$i"; done
} >"$tmp/shapes.txt"
n_scan=$("$zuhyo" scan "$tmp/shapes.txt" | wc -l)
"$zuhyo" extract --quiet --db "$tmp/shapes.db" "$tmp/shapes.txt" && n_db=$("$zuhyo" facts --db "$tmp/shapes.db" | wc -l) &&
  [ "$n_scan" -ge 10000 ] && [ "$n_scan" -eq "$n_db" ] && pass=$((pass + 1)) ||
  { echo "FAIL: bad table shapes: scan $n_scan facts, store ${n_db:-?}"; fails=$((fails + 1)); }
py=$(command -v python3)
art="$tmp/art.txt"
printf 'Moonshot AIの企業価値は約33億ドルに達した。\n' >"$art"
"$zuhyo" scan "$art" >"$tmp/scan.jsonl" 2>"$tmp/stderr" && grep -q '"value":3300000000' "$tmp/scan.jsonl" &&
  grep -q '"subject":"Moonshot AI"' "$tmp/scan.jsonl" && pass=$((pass + 1)) || { echo "FAIL: scan basic"; fails=$((fails + 1)); }
printf 'ab\xffc 利益は5億円。\r\n\xef\xbb\xbf売上は１２０億円。\r\n' >"$tmp/bad.txt"
"$zuhyo" scan "$tmp/bad.txt" >"$tmp/scan.jsonl" 2>"$tmp/stderr"
if [ $? -eq 0 ] && grep -q "invalid UTF-8 byte 0xFF at offset 2" "$tmp/stderr" && [ "$(wc -l <"$tmp/scan.jsonl")" -eq 2 ] &&
  "$py" - "$tmp/bad.txt" "$tmp/scan.jsonl" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
for line in open(sys.argv[2], encoding="utf-8"):
    f = json.loads(line)
    assert data[f["start"]:f["end"]].decode("utf-8") == f["text"], f
PY
then pass=$((pass + 1)); else echo "FAIL: invalid UTF-8 / CRLF / BOM offsets"; cat "$tmp/stderr"; fails=$((fails + 1)); fi
printf '売上は3億円\0利益は2億円。' >"$tmp/nul.txt"
[ "$("$zuhyo" scan "$tmp/nul.txt" 2>/dev/null | wc -l)" -eq 2 ] && pass=$((pass + 1)) || { echo "FAIL: NUL bytes"; fails=$((fails + 1)); }
: >"$tmp/empty.txt"
"$zuhyo" scan "$tmp/empty.txt" >"$tmp/scan.jsonl" 2>&1 && [ ! -s "$tmp/scan.jsonl" ] && pass=$((pass + 1)) || { echo "FAIL: empty article"; fails=$((fails + 1)); }
printf '合計は４万５６００で、売上は120億円だった。\n' >"$tmp/numbers.txt"
"$zuhyo" scan --numbers "$tmp/numbers.txt" >"$tmp/scan.jsonl" 2>"$tmp/stderr" &&
  grep -q '"kind":"number".*"value":45600\|"value":45600.*"kind":"number"' "$tmp/scan.jsonl" &&
  [ "$(grep -c '"kind":"number"' "$tmp/scan.jsonl")" -eq 1 ] && grep -q '"kind":"money"' "$tmp/scan.jsonl" &&
  ! "$zuhyo" scan "$tmp/numbers.txt" | grep -q '"kind":"number"' && pass=$((pass + 1)) ||
  { echo "FAIL: scan --numbers"; fails=$((fails + 1)); }
expect 1 "is a folder" "" -- scan "$tmp/dir.csv"
expect 1 "missing.txt: cannot open" "" -- scan "$tmp/missing.txt"
expect 2 "unknown option --bogus" "" -- scan --bogus "$art"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  cp "$art" "$tmp/secret.txt" && chmod 600 "$tmp/secret.txt" && chmod 755 "$tmp"
  setpriv --reuid=nobody --regid=nogroup --clear-groups "$zuhyo" scan "$tmp/secret.txt" >/dev/null 2>"$tmp/stderr"
  [ $? -eq 1 ] && grep -q "secret.txt: cannot open: Permission denied" "$tmp/stderr" && pass=$((pass + 1)) ||
    { echo "FAIL: unreadable file"; cat "$tmp/stderr"; fails=$((fails + 1)); }
else
  cp "$art" "$tmp/secret.txt" && chmod 000 "$tmp/secret.txt"
  expect 1 "secret.txt: cannot open: Permission denied" "" -- scan "$tmp/secret.txt"
fi
# 400 digits: no inf anywhere
{ printf '売上は'; printf '9%.0s' $(seq 1 400); printf '円。利益は5億円。\n'; } >"$tmp/digits.txt"
"$zuhyo" scan "$tmp/digits.txt" >"$tmp/scan.jsonl" 2>/dev/null && ! grep -qi 'inf' "$tmp/scan.jsonl" &&
  grep -q '"value":500000000' "$tmp/scan.jsonl" && pass=$((pass + 1)) || { echo "FAIL: 400-digit number"; fails=$((fails + 1)); }
# a 10 MB line
"$py" -c "import sys; sys.stdout.write('売上は3億円' + 'あ' * 3500000 + '利益は7億円。')" >"$tmp/longline.txt"
[ "$("$zuhyo" scan "$tmp/longline.txt" | wc -l)" -eq 2 ] && pass=$((pass + 1)) || { echo "FAIL: 10 MB line"; fails=$((fails + 1)); }

db="$tmp/z.db"
"$zuhyo" extract --quiet --db "$db" "$src/samples/articles" && n1=$("$zuhyo" facts --db "$db" | wc -l) &&
  "$zuhyo" extract --quiet --db "$db" "$src/samples/articles" && n2=$("$zuhyo" facts --db "$db" | wc -l) &&
  [ "$n1" -gt 50 ] && [ "$n1" -eq "$n2" ] && pass=$((pass + 1)) || { echo "FAIL: re-extract duplicates ($n1 vs $n2)"; fails=$((fails + 1)); }
"$zuhyo" facts --db "$db" --format csv --kind money --measure valuation | head -1 | grep -q '^doc,start,end,text,kind,value' &&
  [ "$("$zuhyo" facts --db "$db" --format tsv --kind money --measure valuation | tail -n +2 | cut -f5 | sort -u)" = money ] &&
  pass=$((pass + 1)) || { echo "FAIL: facts filters and formats"; fails=$((fails + 1)); }
"$zuhyo" scan "$src/samples/articles"/*.txt | sort >"$tmp/a.jsonl"
"$zuhyo" facts --db "$db" | sort >"$tmp/b.jsonl"
cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" && pass=$((pass + 1)) || { echo "FAIL: facts differ from scan"; diff "$tmp/a.jsonl" "$tmp/b.jsonl" | head -5; fails=$((fails + 1)); }
# the same for sentences cut from stored bytes with an invalid byte, a NUL, CRLF and a BOM, and
# for a file of three batches (the scan runs on its own thread, batches are queued)
for _ in $(seq 1 540); do cat "$src/samples/articles"/*.txt; done >"$tmp/batches.txt"
"$zuhyo" extract --quiet --db "$tmp/store.db" "$tmp/bad.txt" "$tmp/nul.txt" "$tmp/batches.txt" 2>/dev/null &&
  "$zuhyo" scan "$tmp/bad.txt" "$tmp/nul.txt" "$tmp/batches.txt" 2>/dev/null | sort >"$tmp/a.jsonl" &&
  "$zuhyo" facts --db "$tmp/store.db" | sort >"$tmp/b.jsonl" && [ "$(wc -l <"$tmp/b.jsonl")" -gt 60000 ] &&
  cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" && pass=$((pass + 1)) ||
  { echo "FAIL: stored facts of odd bytes and of several batches differ from scan"; diff "$tmp/a.jsonl" "$tmp/b.jsonl" | head -5; fails=$((fails + 1)); }
# a database of schema version 1 (sentences inside facts) is migrated on open (through 2, which
# kept sentences in a table of their own, to 3, where old facts keep their sentence)
"$py" - "$tmp/v1.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
CREATE TABLE documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL, hash TEXT NOT NULL, title TEXT, date TEXT, bytes INTEGER);
CREATE UNIQUE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, type TEXT, country TEXT);
CREATE TABLE aliases(alias TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id), PRIMARY KEY(alias, entity_id));
CREATE TABLE doc_tables(doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, table_no INTEGER NOT NULL, caption TEXT, PRIMARY KEY(doc_id, table_no));
CREATE TABLE facts(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, value REAL, value_max REAL,
  unit TEXT, counter TEXT, approx INTEGER NOT NULL, bound TEXT, time TEXT, subject TEXT, subject_text TEXT,
  country TEXT, measure TEXT, source TEXT NOT NULL, sentence TEXT, table_no INTEGER, row_no INTEGER, col_no INTEGER);
CREATE INDEX facts_doc ON facts(doc_id, start);
CREATE INDEX facts_measure ON facts(measure, subject);
INSERT INTO documents VALUES(1, 'a.txt', '0011', 'T', NULL, 10);
INSERT INTO facts(doc_id, start, end, text, kind, value, unit, approx, source, sentence)
  VALUES(1, 0, 6, '3億ドル', 'money', 3e8, 'USD', 0, 'prose', 'A社は3億ドルと5億ドルを調達した。'),
        (1, 9, 15, '5億ドル', 'money', 5e8, 'USD', 0, 'prose', 'A社は3億ドルと5億ドルを調達した。'),
        (1, 30, 36, '2社', 'count', 2, 'count', 0, 'prose', '別の文。');
PRAGMA application_id=1515538521;
PRAGMA user_version=1;
""")
c.commit()
PY
"$zuhyo" facts --db "$tmp/v1.db" --format tsv >"$tmp/v1.tsv" 2>"$tmp/stderr" &&
  [ "$(grep -c 'A社は3億ドルと5億ドルを調達した。' "$tmp/v1.tsv")" -eq 2 ] && grep -q '別の文。' "$tmp/v1.tsv" &&
  [ "$("$py" -c "import sqlite3; c = sqlite3.connect('$tmp/v1.db'); print(c.execute('pragma user_version').fetchone()[0], c.execute('select count(*) from sqlite_schema where name in (\"sentences\", \"facts_doc\")').fetchone()[0], c.execute('select count(*) from facts where sentence is not null').fetchone()[0], c.execute('select first_fact, last_fact from documents').fetchone())")" = "4 0 3 (1, 3)" ] &&
  pass=$((pass + 1)) || { echo "FAIL: schema 1 -> 4 migration"; cat "$tmp/stderr" "$tmp/v1.tsv"; fails=$((fails + 1)); }
# the migrated database takes new documents, and the old one is replaced by its fact range
cp "$art" "$tmp/a.txt"
(cd "$tmp" && "$zuhyo" extract --quiet --db v1.db a.txt) && [ "$("$zuhyo" facts --db "$tmp/v1.db" | grep -c '別の文')" -eq 0 ] &&
  [ "$("$zuhyo" facts --db "$tmp/v1.db" | wc -l)" -eq "$("$zuhyo" scan "$art" | wc -l)" ] &&
  [ "$("$py" -c "import sqlite3; c = sqlite3.connect('$tmp/v1.db'); print(c.execute('pragma foreign_key_check').fetchall(), c.execute('select count(*) from facts where doc_id not in (select id from documents)').fetchone()[0])")" = "[] 0" ] &&
  pass=$((pass + 1)) || { echo "FAIL: a migrated database takes a new document"; fails=$((fails + 1)); }
expect 1 "the folder $tmp/nowhere does not exist" "" -- extract --db "$tmp/nowhere/z.db" "$art"
"$py" -c "import sqlite3; c = sqlite3.connect('$tmp/other.db'); c.execute('create table t(x)'); c.commit()"
expect 1 "not a zuhyo database" "" -- extract --db "$tmp/other.db" "$art"
printf 'garbage that is not sqlite at all, long enough to look like a header............\n' >"$tmp/corrupt.db"
expect 1 "not a database or is corrupt" "" -- extract --db "$tmp/corrupt.db" "$art"
expect 1 "no such database" "" -- facts --db "$tmp/none.db"
before=$("$zuhyo" facts --db "$db" | wc -l)
expect 1 "missing.txt: cannot open" "" -- extract --quiet --db "$db" "$tmp/missing.txt"
# a database locked by another writer
"$py" - "$db" "$tmp/locked" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()  # the lock is held from here on
time.sleep(4)
c.execute("ROLLBACK")
PY
locker=$!
# wait until the lock is held (a fixed sleep lost the race on a loaded machine)
for _ in $(seq 1 100); do [ -e "$tmp/locked" ] && break; sleep 0.1; done
expect 1 "locked by another process" "" -- extract --quiet --db "$db" "$art"
wait $locker
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  cp "$db" "$tmp/ro.db" && chmod 644 "$tmp/ro.db" && chmod 755 "$tmp"
  setpriv --reuid=nobody --regid=nogroup --clear-groups "$zuhyo" extract --quiet --db "$tmp/ro.db" "$art" 2>"$tmp/stderr"
  [ $? -eq 1 ] && grep -q "read-only\|cannot open\|unable to open" "$tmp/stderr" && pass=$((pass + 1)) ||
    { echo "FAIL: read-only database"; cat "$tmp/stderr"; fails=$((fails + 1)); }
fi
# Ctrl-C in the middle of a large document leaves the database as it was
"$py" -c "
import sys
block = open('$src/samples/articles/101_ai_startups.txt', encoding='utf-8').read()
sys.stdout.write(block * 20000)" >"$tmp/huge.txt"
"$zuhyo" extract --quiet --db "$db" "$tmp/huge.txt" 2>"$tmp/stderr" &
pid=$!
# interrupt once it is writing (its rollback journal exists), not after a guessed delay
for _ in $(seq 1 100); do [ -e "$db-journal" ] && break; sleep 0.1; done
kill -INT $pid
wait $pid
code=$?
after=$("$zuhyo" facts --db "$db" | wc -l)
[ "$code" -eq 130 ] && [ "$after" -eq "$before" ] && grep -q "interrupted" "$tmp/stderr" && pass=$((pass + 1)) ||
  { echo "FAIL: interrupted extract (exit $code, facts $before -> $after)"; cat "$tmp/stderr"; fails=$((fails + 1)); }
"$zuhyo" eval --gold "$src/samples/gold" --fail-under 0.9,0.9,0.9 "$src/samples/articles" >"$tmp/eval.txt" 2>&1 &&
  grep -q '^summary: R-recall' "$tmp/eval.txt" && pass=$((pass + 1)) || { echo "FAIL: eval on samples"; cat "$tmp/eval.txt"; fails=$((fails + 1)); }
"$zuhyo" eval --gold "$src/tests/pages/gold-results.tsv" --fail-under 0.80,0.8,0.83 "$src"/tests/pages/91[0-9]_* "$src"/tests/pages/92[0-4]_* >"$tmp/eval-results.txt" 2>&1 &&
  grep -q '^summary: R-recall' "$tmp/eval-results.txt" && pass=$((pass + 1)) || { echo "FAIL: eval on results pages"; cat "$tmp/eval-results.txt"; fails=$((fails + 1)); }
"$zuhyo" eval --gold "$src/tests/pages/gold-money.tsv" --fail-under 0.80,0.94,0.98 "$src"/tests/pages/95*.txt "$src"/tests/pages/96*.txt >"$tmp/eval-money.txt" 2>&1 &&
  grep -q '^summary: R-recall' "$tmp/eval-money.txt" && pass=$((pass + 1)) || { echo "FAIL: eval on money pages"; cat "$tmp/eval-money.txt"; fails=$((fails + 1)); }
"$zuhyo" eval --gold "$src/tests/pages/gold-shapes.tsv" --fail-under 0.9,0.9,0.85 "$src"/tests/pages/9[78]*.txt "$src"/tests/pages/99*.txt >"$tmp/eval-shapes.txt" 2>&1 &&
  grep -q '^summary: R-recall' "$tmp/eval-shapes.txt" && pass=$((pass + 1)) || { echo "FAIL: eval on the shapes pages"; cat "$tmp/eval-shapes.txt"; fails=$((fails + 1)); }
"$zuhyo" eval --gold "$src/tests/pages/gold-rankings.tsv" --fail-under 0.93,0.97,0.98 "$src"/tests/pages/93*.txt "$src"/tests/pages/94[0-4]_*.txt >"$tmp/eval-rankings.txt" 2>&1 &&
  grep -q '^summary: R-recall' "$tmp/eval-rankings.txt" && pass=$((pass + 1)) || { echo "FAIL: eval on ranking pages"; cat "$tmp/eval-rankings.txt"; fails=$((fails + 1)); }

# ---- timelines ----
"$zuhyo" timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --lane 種類 -o "$tmp/t.svg" &&
  grep -q "2025年1月20日: DeepSeek R1 公開" "$tmp/t.svg" && pass=$((pass + 1)) || { echo "FAIL: timeline svg"; fails=$((fails + 1)); }
printf '日付,出来事\n2025-01-20,a\n2025-13-01,b\n' >"$tmp/baddate.csv"
expect 1 'baddate.csv:3:1: column "日付": "2025-13-01" is not a date' "$tmp/t.png" -- timeline --data "$tmp/baddate.csv" --date 日付 --label 出来事 -o "$tmp/t.png"
expect 2 "--from 2025-99: expected a date" "$tmp/t.png" -- timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --from 2025-99 -o "$tmp/t.png"
expect 1 "no events to draw between --from and --to" "$tmp/t.png" -- timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --from 2030 -o "$tmp/t.png"
expect 2 "give --data FILE or --db PATH" "" -- timeline --date 日付 -o "$tmp/t.png"
"$zuhyo" timeline --db "$db" -o "$tmp/tdb.png" 2>"$tmp/stderr" && [ -s "$tmp/tdb.png" ] && pass=$((pass + 1)) || { echo "FAIL: timeline --db"; cat "$tmp/stderr"; fails=$((fails + 1)); }
for i in 1 2; do "$zuhyo" timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 -o "$tmp/t$i.pdf"; done
cmp -s "$tmp/t1.pdf" "$tmp/t2.pdf" && pass=$((pass + 1)) || { echo "FAIL: timeline PDF not deterministic"; fails=$((fails + 1)); }
printf '日付,出来事\n24/05/13,a\n2024年度,b\n令和6年10月,c\n2024Q2,d\n' >"$tmp/shapes.csv"
"$zuhyo" timeline --data "$tmp/shapes.csv" --date 日付 --label 出来事 -o "$tmp/shapes.svg" &&
  grep -q "2024年5月13日: a" "$tmp/shapes.svg" && grep -q "2024年度: b" "$tmp/shapes.svg" && pass=$((pass + 1)) || { echo "FAIL: timeline date shapes"; fails=$((fails + 1)); }
printf '日付,出来事\n2025-01-20,a\n2025-02-30,b\n' >"$tmp/feb30.csv"
expect 1 'feb30.csv:3:1: column "日付": "2025-02-30" is not a date: 2025年2月 has 28 days' "$tmp/t.png" -- timeline --data "$tmp/feb30.csv" --date 日付 --label 出来事 -o "$tmp/t.png"
expect 2 "--font-size 2: expected a size from 4 to 200" "$tmp/t.png" -- timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --font-size 2 -o "$tmp/t.png"
expect 2 "--font-size big: expected a size" "$tmp/t.png" -- timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --font-size big -o "$tmp/t.png"
expect 2 "--background red: expected #rrggbb or none" "$tmp/t.png" -- timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --background red -o "$tmp/t.png"
"$zuhyo" timeline --data "$src/samples/events.csv" --date 日付 --label 出来事 --font-size 24 --background none -o "$tmp/tn.png" &&
  [ "$(od -An -tu1 -j25 -N1 "$tmp/tn.png" | tr -d ' ')" = 6 ] && pass=$((pass + 1)) || { echo "FAIL: timeline --background none is not an RGBA PNG"; fails=$((fails + 1)); }
# ---- bar from the store ----
expect 1 "mix units" "$tmp/v.png" -- bar --db "$db" --measure valuation -o "$tmp/v.png"
"$zuhyo" bar --db "$db" --measure valuation --unit USD -o "$tmp/v.svg" && grep -q "サカナAI: 1500000000" "$tmp/v.svg" &&
  pass=$((pass + 1)) || { echo "FAIL: bar --db"; fails=$((fails + 1)); }

# ---- the main job: zuhyo auto ----
out="$tmp/auto"
"$zuhyo" auto "$src/samples/articles" -o "$out" --quiet 2>"$tmp/stderr"
if [ $? -eq 0 ] && "$py" - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
charts = m["charts"]
types = {c["type"] for c in charts}
assert {"bar", "timeline", "rank_change"} <= types, types
titles = [c["title"] for c in charts]
assert "主なアジアの生成AI新興企業" in titles, titles
assert "AI論文数の上位大学(2024年)" in titles, titles
assert "国別の販売台数(2024年、万台)" in titles, titles
sales = next(c for c in charts if c["title"] == "国別の販売台数(2024年、万台)")
rows = {r["label"]: r for r in sales["rows"]}
assert rows["中国"]["value"] == 11000000 and rows["中国"]["unit"] == "count", rows
assert all(r["facts"] for r in sales["rows"])
rank = next(c for c in charts if c["type"] == "rank_change")
pairs = {(r["label"], r["time"]): r["value"] for r in rank["rows"]}
assert pairs[("ソウル大学", "2021")] == 12 and pairs[("ソウル大学", "2024")] == 5, pairs
tl = next(c for c in charts if c["type"] == "timeline")
assert any(r["label"].startswith("比亜迪") or r["label"].startswith("BYD") for r in tl["rows"]), tl["rows"]
for c in charts:
    assert c["files"], c
    for f in c["files"]:
        assert "/" not in f and f.isascii() and os.path.getsize(os.path.join(out, f)) > 0, f
print(len(charts), "charts")
PY
then pass=$((pass + 1)); else echo "FAIL: auto manifest"; cat "$tmp/stderr"; fails=$((fails + 1)); fi
cp -r "$out" "$tmp/auto-first"
"$zuhyo" auto "$src/samples/articles" -o "$out" --quiet
same=1
for f in "$tmp/auto-first"/*; do
  case "$f" in *.db*) continue ;; esac
  cmp -s "$f" "$out/$(basename "$f")" || { same=0; echo "  differs: $(basename "$f")"; }
done
[ $same -eq 1 ] && pass=$((pass + 1)) || { echo "FAIL: a second auto run is not byte-identical"; fails=$((fails + 1)); }
# hostile titles: nothing outside the output folder, ASCII names only
mkdir -p "$tmp/hostile"
long=$(printf 'あ%.0s' $(seq 1 300))
i=0
for cap in '../../etc/passwd' '/' "$long" '..'; do
  i=$((i + 1))
  printf '%s\n\n企業 企業価値\nアルファ %d億ドル\nベータ 2%d億ドル\nガンマ 3%d億ドル\n\n' "$cap" $i $i $i
done >"$tmp/hostile/h.txt"
(cd "$tmp" && "$zuhyo" auto hostile/h.txt -o safe --quiet) && [ -z "$(find "$tmp" -newer "$tmp/hostile/h.txt" -type f -not -path "$tmp/safe/*" -not -path "$tmp/hostile/*" -not -name stderr -not -name stdout)" ] &&
  ! ls "$tmp/safe" | grep -q '[^a-z0-9.-]' && [ "$(ls "$tmp/safe"/*.png | wc -l)" -ge 4 ] && pass=$((pass + 1)) ||
  { echo "FAIL: hostile titles"; ls -la "$tmp/safe"; fails=$((fails + 1)); }
# comparable facts only: two articles with shares of 2024 in unrelated markets stay apart (no owner
# in common); a threshold is never a bar and the manifest says what was left out and why
mkdir -p "$tmp/markets"
printf '%s\n' '国内の喫茶チェーン、上位3社で7割' '' '喫茶チェーンの国内シェア(2024年)' '| チェーン | シェア |' '|---|---|' \
  '| ヒバリ珈琲 | 38.5% |' '| ツグミ珈琲 | 17.3% |' '| カモメ珈琲 | 11.8% |' >"$tmp/markets/coffee.txt"
printf '%s\n' '世界のスマホ出荷、上位3社が過半' '2024年の世界のスマートフォン市場で、アップルのシェアは18.7%だった。' \
  'サムスン電子のシェアは18.0%、シャオミのシェアは13.6%だった。' \
  'ユニコーン(評価額10億ドル以上の未上場企業)の数は2024年に1200社を超えた。' >"$tmp/markets/phones.txt"
"$zuhyo" auto "$tmp/markets" -o "$tmp/markets-out" --quiet 2>"$tmp/stderr" && "$py" - "$tmp/markets-out" <<'PY' &&
import json, os, sys
m = json.load(open(os.path.join(sys.argv[1], "manifest.json"), encoding="utf-8"))
for c in m["charts"]:
    docs = {r["doc"] for r in c["rows"]}
    assert len(docs) == 1, (c["title"], docs)
    labels = [r["label"] for r in c["rows"]]
    assert len(labels) == len(set(labels)), labels
phones = [c for c in m["charts"] if {r["doc"] for r in c["rows"]} == {"phones.txt"}]
assert phones and phones[0]["title"] == "シェア（2024年）", [c["title"] for c in m["charts"]]
assert {r["label"] for r in phones[0]["rows"]} == {"アップル", "サムスン電子", "シャオミ"}, phones[0]["rows"]
assert all(r["text"] != "10億ドル以上" for c in m["charts"] for r in c["rows"])
left = {l["text"]: l["reason"] for l in m["left_out"]}
assert "threshold" in left.get("10億ドル以上", ""), left
assert m["min_confidence"] == 0.6, m["min_confidence"]
PY
  pass=$((pass + 1)) || { echo "FAIL: auto groups only comparable facts"; cat "$tmp/stderr"; fails=$((fails + 1)); }
expect 2 "--min-confidence 1.5: expected a number from 0 to 1" "" -- auto --min-confidence 1.5 -o "$tmp/x" "$tmp/markets"
# 35 tables under one caption: 30 charts with distinct file names (numbered -2, -3 …), the other
# five listed as left out; done in seconds (the slug numbering once looped forever)
mkdir -p "$tmp/many"
for t in $(seq 1 35); do
  printf '各社の売上高(億円)\n| 企業 | 売上高 |\n|---|---|\n| アオバ商事 | %d |\n| ツバメ商事 | %d |\n| カエデ商事 | %d |\n\n' \
    $((t * 10 + 1)) $((t * 10 + 2)) $((t * 10 + 3))
done >"$tmp/many/tables.txt"
timeout 60 "$zuhyo" auto "$tmp/many" -o "$tmp/many-out" --quiet --format png 2>"$tmp/stderr" && "$py" - "$tmp/many-out" <<'PY' &&
import json, os, sys
m = json.load(open(os.path.join(sys.argv[1], "manifest.json"), encoding="utf-8"))
files = [f for c in m["charts"] for f in c["files"]]
assert len(m["charts"]) == 30 and len(set(files)) == 30, (len(m["charts"]), len(set(files)))
assert len(m["charts_left_out"]) >= 5 and "more than 30" in m["charts_left_out"][0]["reason"], m.get("charts_left_out")
PY
  pass=$((pass + 1)) || { echo "FAIL: auto with many charts of one title"; cat "$tmp/stderr"; fails=$((fails + 1)); }
# what cannot work is refused before the output folder or the store is made
expect 1 "/nonexistent/dict.tsv" "$tmp/pre1" -- auto --entities /nonexistent/dict.tsv -o "$tmp/pre1" "$art"
[ ! -e "$tmp/pre1" ] && pass=$((pass + 1)) || { echo "FAIL: auto made its folder before reading --entities"; fails=$((fails + 1)); }
expect 2 "width and height must be between" "$tmp/pre2" -- auto --size 5x5 -o "$tmp/pre2" "$art"
[ ! -e "$tmp/pre2" ] && pass=$((pass + 1)) || { echo "FAIL: auto made its folder before checking --size"; fails=$((fails + 1)); }
: >"$tmp/pre3"
expect 2 "is a file; -o names the folder" "" -- auto -o "$tmp/pre3" "$art"
# SIGTERM during a long auto: exit 130, no journal, no temporary file, nothing half-written
mkdir -p "$tmp/long"
for _ in $(seq 1 400); do cat "$src"/samples/articles/*.txt; done >"$tmp/long/long.txt"
"$zuhyo" auto "$tmp/long" -o "$tmp/long-out" --quiet 2>"$tmp/stderr" &
apid=$!
sleep 0.5
kill -TERM $apid
wait $apid
code=$?
[ $code -eq 130 ] && [ ! -e "$tmp/long-out/zuhyo.db-journal" ] && ! ls "$tmp/long-out" | grep -q '\.tmp' &&
  grep -q "interrupted" "$tmp/stderr" && pass=$((pass + 1)) ||
  { echo "FAIL: SIGTERM during auto (exit $code)"; cat "$tmp/stderr"; ls "$tmp/long-out"; fails=$((fails + 1)); }
expect 2 "give the articles" "" -- auto -o "$tmp/x"
expect 1 "cannot create the folder" "" -- auto "$art" -o "$tmp/no/such/dir"
# ---- zuhyo auto --corrections ----
corr="$tmp/fixes.tsv"
{
  printf '# fixes for samples/articles\n\n'
  printf 'drop\tdoc=101_ai_startups.txt\tsubject=アップステージ\tmeasure=valuation\n'
  printf 'owner\tdoc=101_ai_startups.txt\tvalue=15億ドル\ttime=2025\tto=サカナ・エーアイ\n'
  printf 'merge\tsubject=クルトリム (Krutrim)\tto=クルトリム\n'
  printf 'value\tdoc=102_university_ranking.txt\tsubject=清華大学\tvalue=612\tto=700\n'
  printf 'rename\tchart=主なアジアの生成AI新興企業\tto=アジアの生成AI新興企業の企業価値\n'
  printf 'drop\tchart=記事に出てくる出来事\n'
  printf 'drop\tsubject=どこにもない会社\n'
  printf 'owner\tdoc=101_ai_startups.txt\ttext=約300人\tto=アップステージ\n'
} >"$corr"
"$zuhyo" auto "$src/samples/articles" --corrections "$corr" -o "$tmp/corr-out" --quiet 2>"$tmp/stderr"
if [ $? -eq 0 ] && grep -q "fixes.tsv:9: matches no fact" "$tmp/stderr" && "$py" - "$tmp/corr-out" <<'PY'
import json, os, sys
m = json.load(open(os.path.join(sys.argv[1], "manifest.json"), encoding="utf-8"))
titles = [c["title"] for c in m["charts"]]
assert "主なアジアの生成AI新興企業" not in titles and "記事に出てくる出来事" not in titles, titles
assert not any(c["type"] == "timeline" for c in m["charts"]), titles
startups = next(c for c in m["charts"] if c["title"] == "アジアの生成AI新興企業の企業価値")
labels = {r["label"]: r["value"] for r in startups["rows"]}
assert labels == {"サカナ・エーアイ": 1500000000, "クルトリム": 1000000000}, labels
papers = next(c for c in m["charts"] if c["title"] == "AI論文数の上位大学(2024年)")
assert {r["label"]: r["value"] for r in papers["rows"]}["清華大学"] == 700, papers["rows"]
got = [(c["line"], c["action"], c["matched"]) for c in m["corrections"]]
assert got[0] == (3, "drop", 2) and got[4:7] == [(7, "rename", 1), (8, "drop", 1), (9, "drop", 0)], got
assert [g[:2] for g in got[1:4]] == [(4, "owner"), (5, "merge"), (6, "value")] and all(g[2] for g in got[1:4]), got
assert got[7] == (10, "owner", 1), got
# a fact a line edited is drawn whatever its confidence: no longer left out
assert not any(f["text"] == "約300人" for f in m["left_out"]), m["left_out"]
PY
then pass=$((pass + 1)); else echo "FAIL: auto --corrections"; cat "$tmp/stderr"; fails=$((fails + 1)); fi
# the store keeps the facts as extracted: corrections live only in the charts
"$zuhyo" facts --db "$tmp/corr-out/zuhyo.db" --subject アップステージ --measure valuation --format tsv | grep -q 800000000 &&
  pass=$((pass + 1)) || { echo "FAIL: --corrections changed the store"; fails=$((fails + 1)); }
"$zuhyo" auto --help | grep -q -- "--corrections FILE" && pass=$((pass + 1)) || { echo "FAIL: auto --help lacks --corrections"; fails=$((fails + 1)); }
# a wrong line: exit 2 naming FILE:LINE, and nothing written (not even the -o folder)
printf '# ok\ndrop\tsubject=A\nowner\tsubject=A\tcolour=red\tto=B\n' >"$tmp/bad-fixes.tsv"
expect 2 "bad-fixes.tsv:3: unknown key \"colour\"" "$tmp/corr-fresh" -- auto "$src/samples/articles" --corrections "$tmp/bad-fixes.tsv" -o "$tmp/corr-fresh"
printf 'time\tsubject=A\tto=2024-13\n' >"$tmp/bad-time.tsv"
expect 2 "bad-time.tsv:1: to=2024-13: expected an ISO time" "$tmp/corr-fresh" -- auto "$art" --corrections "$tmp/bad-time.tsv" -o "$tmp/corr-fresh"
printf 'rename\tchart=T\n' >"$tmp/bad-to.tsv"
expect 2 "bad-to.tsv:1: rename needs to=" "$tmp/corr-fresh" -- auto "$art" --corrections "$tmp/bad-to.tsv" -o "$tmp/corr-fresh"
expect 1 "no-fixes.tsv: cannot open" "$tmp/corr-fresh" -- auto "$art" --corrections "$tmp/no-fixes.tsv" -o "$tmp/corr-fresh"
# an output folder that exists: a bad file leaves what is in it alone
cp "$tmp/corr-out/manifest.json" "$tmp/corr-manifest.json"
"$zuhyo" auto "$src/samples/articles" --corrections "$tmp/bad-fixes.tsv" -o "$tmp/corr-out" 2>/dev/null
[ $? -eq 2 ] && cmp -s "$tmp/corr-manifest.json" "$tmp/corr-out/manifest.json" && pass=$((pass + 1)) ||
  { echo "FAIL: a bad corrections file touched the output"; fails=$((fails + 1)); }
# the gallery in headless Chromium: loads with no console errors and shows every chart
if command -v chromium >/dev/null; then
  n_img=$(grep -o '<img ' "$out/index.html" | wc -l)
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --dump-dom "file://$out/index.html" >"$tmp/dom.html" 2>"$tmp/chromium.log"
  if grep -q "data-images-loaded=\"$n_img\"" "$tmp/dom.html" && grep -q 'data-images-failed="0"' "$tmp/dom.html" &&
    ! grep -E 'CONSOLE|Uncaught' "$tmp/chromium.log" | grep -qv 'dbus' && [ "$n_img" -ge 5 ]; then
    pass=$((pass + 1))
  else
    echo "FAIL: gallery in Chromium ($n_img images)"; grep -o 'data-images-[a-z]*="[0-9]*"' "$tmp/dom.html"
    grep -E 'CONSOLE|Uncaught' "$tmp/chromium.log" | head -5; fails=$((fails + 1))
  fi
else
  echo "FAIL: chromium is not installed (scripts/test installs it)"; fails=$((fails + 1))
fi

# ---- chart specs: zuhyo render ----
spec="$tmp/spec"
mkdir -p "$spec"
cp "$src/samples/authors.csv" "$src/samples/events.csv" "$spec/"
cat >"$spec/charts.json" <<'JSON'
{"out": "figures", "defaults": {"formats": ["png", "svg"]},
 "charts": [
  {"type": "bar", "output": "authors", "data": "authors.csv", "label": "機関", "value": "著者数", "sort": "desc"},
  {"type": "timeline", "output": "events", "data": "events.csv", "date": "日付", "label": "出来事", "lane": "種類"}
 ]}
JSON
"$zuhyo" render "$spec/charts.json" 2>/dev/null && [ -s "$spec/figures/authors.png" ] && [ -s "$spec/figures/events.svg" ] &&
  "$zuhyo" render "$spec/charts.json" --check >/dev/null 2>"$tmp/uptodate.txt" && grep -q "files up to date" "$tmp/uptodate.txt" &&
  pass=$((pass + 1)) || { echo "FAIL: render + clean --check (and its 'N files up to date')"; fails=$((fails + 1)); }
echo "ゼット,日本,9999" >>"$spec/authors.csv"
"$zuhyo" render "$spec/charts.json" --check >"$tmp/check.txt" 2>/dev/null
[ $? -eq 3 ] && grep -q "differs: .*authors.png: [0-9]* pixels changed" "$tmp/check.txt" && ! grep -q events "$tmp/check.txt" &&
  pass=$((pass + 1)) || { echo "FAIL: --check misses a changed chart"; cat "$tmp/check.txt"; fails=$((fails + 1)); }
spec_error() { # spec_error JSON PATTERN
  printf '%s' "$1" >"$spec/bad.json"
  expect "${3:-2}" "$2" "" -- render "$spec/bad.json"
}
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "authors.csv", "label": "機関", "value": "著者数", "sort": "up"}]}' 'charts\[0\].sort: expected asc, desc or none'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v"}, {"type": "pie", "output": "b"}]}' 'charts\[1\].type: expected bar or timeline'
spec_error '{"charts": [{"type": "bar", "output": "../evil", "data": "x.csv", "label": "l", "value": "v"}]}' 'charts\[0\].output: use letters'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "colour": "国"}]}' 'charts\[0\].colour: unknown key'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "formats": ["png", "gif"]}]}' 'charts\[0\].formats\[1\]: expected png, svg or pdf'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "top": -3}]}' 'charts\[0\].top: expected a whole number'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "legend": "side"}]}' 'charts\[0\].legend: --legend side: expected auto'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "ref": [10, {}]}]}' 'charts\[0\].ref: expected a string, number or boolean'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "x.csv", "label": "l", "value": "v", "font_size": 1}]}' 'charts\[0\].font_size: --font-size 1: expected a size'
spec_error '{"charts": []}' 'charts: expected a non-empty list'
spec_error '{"charts": [{"type": "bar",}]}' 'bad.json:1:'
spec_error '{"charts": [{"type": "bar", "output": "a", "data": "missing.csv", "label": "l", "value": "v"}]}' 'charts\[0\] (a): .*missing.csv: cannot open' 1

# the bar look options as spec keys
cp "$tmp/pct.csv" "$spec/pct.csv"
printf '%s' '{"charts": [{"type": "bar", "output": "look", "data": "pct.csv", "label": "地域", "value": "割合", "formats": ["svg"], "font_size": 16, "decimals": 1, "ref": ["25:平均", 40], "highlight": ["北海道"], "negative": "triangle", "background": "none", "legend": "none", "value_title": "割合", "no_values": false, "value_max": 150}]}' >"$spec/look.json"
"$zuhyo" render "$spec/look.json" -o "$tmp/lookout" 2>"$tmp/stderr" && grep -q '▲3' "$tmp/lookout/look.svg" 2>/dev/null ||
  grep -q 'look.svg' <(ls "$tmp/lookout") && pass=$((pass + 1)) || { echo "FAIL: render with look keys"; cat "$tmp/stderr"; fails=$((fails + 1)); }

echo "cli: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
