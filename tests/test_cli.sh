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
"$zuhyo" --version | grep -q '^zuhyo [0-9]' && pass=$((pass + 1)) || { echo "FAIL: --version"; fails=$((fails + 1)); }
"$zuhyo" bar --help | grep -q -- '--number-format' && pass=$((pass + 1)) || { echo "FAIL: bar --help"; fails=$((fails + 1)); }
"$zuhyo" doctor | grep -q 'Japanese coverage: ok' && pass=$((pass + 1)) || { echo "FAIL: doctor"; fails=$((fails + 1)); }

echo "cli: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
