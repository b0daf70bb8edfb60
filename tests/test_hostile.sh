#!/usr/bin/env bash
# test_hostile.sh ZUHYO SOURCE_DIR: hostile inputs (issue 13), one check per class: files that
# are not regular (FIFOs, devices, symlink loops) are never waited on nor replaced, a signal
# ends a command promptly with the store as it was, text options and CSV headers that cannot
# be drawn are refused naming the option or the place, impossible times and environment values
# are refused, articles in UTF-16, Shift_JIS and EUC-JP are read as what they are.
set -u
zuhyo=$1
src=$2
tmp=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
pass=0

fail() { echo "FAIL: $*"; sed 's/^/  stderr: /' "$tmp/stderr" 2>/dev/null; fails=$((fails + 1)); }

# expect CODE PATTERN -- ARGS...: run zuhyo (at most 20 s), check the exit code and stderr
expect() {
  local code=$1 pattern=$2
  shift 3
  timeout 20 "$zuhyo" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  local why=""
  [ "$got" -eq "$code" ] || why="exit $got, expected $code"
  [ -z "$pattern" ] || grep -q -- "$pattern" "$tmp/stderr" || why="$why; stderr lacks '$pattern'"
  if [ -n "$why" ]; then fail "zuhyo $*: $why"; else pass=$((pass + 1)); fi
}

ok() { pass=$((pass + 1)); }

# an article of our own, and its facts as UTF-8
art="$tmp/arts/a.txt"
mkdir -p "$tmp/arts"
printf '架空の電機メーカー、北星電工の2024年度の売上高は1兆2000億円だった。\n営業利益は前年比12%%増の850億円となった。\n' >"$art"
"$zuhyo" scan "$art" >"$tmp/utf8.jsonl" 2>/dev/null
[ "$(wc -l <"$tmp/utf8.jsonl")" -ge 2 ] && ok || fail "the UTF-8 article yields its facts"

# ---- 3: a FIFO among the articles is skipped, one named is refused, neither is waited on ----
mkfifo "$tmp/arts/pipe.txt"
expect 0 "pipe.txt: skipped: a FIFO" -- extract --quiet --db "$tmp/f.db" "$tmp/arts"
[ "$("$zuhyo" facts --db "$tmp/f.db" | wc -l)" -ge 2 ] && ok || fail "the regular article beside a FIFO is stored"
expect 1 "pipe.txt: is a FIFO (named pipe), not a regular file" -- scan "$tmp/arts/pipe.txt"
expect 1 "pipe.txt: is a FIFO" -- extract --quiet --db "$tmp/f.db" "$tmp/arts/pipe.txt"
expect 1 "null: is a device" -- scan /dev/null
expect 1 "pipe.txt: is a FIFO" -- bar --data "$tmp/arts/pipe.txt" --label a --value b -o "$tmp/x.png"
rm -f "$tmp/arts/pipe.txt"

# SIGTERM and SIGINT end extract promptly while it waits on stdin; the store is as it was and
# no journal is left
before=$("$zuhyo" facts --db "$tmp/f.db" | wc -l)
for sig in TERM INT; do
  mkfifo "$tmp/stdin.fifo"
  exec 3<>"$tmp/stdin.fifo" # a writer that never writes: the read waits
  "$zuhyo" extract --quiet --db "$tmp/f.db" - <"$tmp/stdin.fifo" 2>"$tmp/stderr" &
  pid=$!
  sleep 1
  kill -"$sig" "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"; fail "SIG$sig does not end extract waiting on stdin within 5 s"
  else
    wait "$pid"; rc=$?
    after=$("$zuhyo" facts --db "$tmp/f.db" | wc -l)
    [ "$rc" -eq 130 ] && [ "$before" -eq "$after" ] && [ ! -e "$tmp/f.db-journal" ] && grep -q "interrupted" "$tmp/stderr" &&
      ok || fail "SIG$sig: exit $rc (expected 130), facts $before -> $after, journal $(ls "$tmp"/f.db-* 2>/dev/null)"
  fi
  exec 3>&-
  rm -f "$tmp/stdin.fifo"
done

# ---- 13: one file that cannot be read does not stop the others; a file named twice is one ----
ln -s "$tmp/loop.txt" "$tmp/loop.txt"
expect 1 "loop.txt: cannot open: Too many levels of symbolic links" -- extract --db "$tmp/m.db" "$tmp/missing.txt" "$tmp/loop.txt" "$art"
grep -q "missing.txt: cannot open: No such file" "$tmp/stderr" && grep -q "stored 1 document" "$tmp/stderr" &&
  grep -q "2 of 3 files could not be stored" "$tmp/stderr" && ok || fail "each unreadable file is reported, the good one stored"
expect 0 "stored 1 document," -- extract --db "$tmp/twice.db" "$art" "$tmp/arts/../arts/a.txt"
grep -q "the same file as" "$tmp/stderr" && ok || fail "a file named twice is said to be read once"
"$zuhyo" scan "$art" "$art" >"$tmp/twice.jsonl" 2>/dev/null
cmp -s "$tmp/twice.jsonl" "$tmp/utf8.jsonl" && ok || fail "scan of a file named twice prints its facts once"
expect 1 "missing.txt: cannot open" -- scan "$tmp/missing.txt" "$art"
[ "$(wc -l <"$tmp/stdout")" -ge 2 ] && ok || fail "scan goes on past a missing file"

# ---- 13: other encodings are converted, saying so ----
for enc in SHIFT_JIS EUC-JP UTF-16 UTF-16LE UTF-16BE; do
  iconv -f UTF-8 -t "$enc" "$art" >"$tmp/enc.txt"
  "$zuhyo" scan "$tmp/enc.txt" >"$tmp/enc.jsonl" 2>"$tmp/stderr"
  sed 's/"doc":"[^"]*"//' "$tmp/enc.jsonl" >"$tmp/enc.cmp"
  sed 's/"doc":"[^"]*"//' "$tmp/utf8.jsonl" >"$tmp/utf8.cmp"
  cmp -s "$tmp/enc.cmp" "$tmp/utf8.cmp" && grep -q "not UTF-8; converted" "$tmp/stderr" &&
    ok || fail "an article in $enc gives the facts of its UTF-8 text, with a warning"
done
printf '名前,値\nA,1\nB,2\n' | iconv -f UTF-8 -t UTF-16 >"$tmp/u16.csv"
expect 0 "u16.csv: written in UTF-16" -- bar --data "$tmp/u16.csv" --label 名前 --value 値 -o "$tmp/u16.svg"

# ---- 5: -o and --db write only regular files or new paths ----
printf '名前,値\nA,1\nB,2\n' >"$tmp/ok.csv"
base=(--data "$tmp/ok.csv" --label 名前 --value 値)
expect 1 "/dev/null: is a device; only a regular file or a new path is written" -- bar "${base[@]}" -o /dev/null --format png
[ -c /dev/null ] && ok || fail "/dev/null is still a device"
mkfifo "$tmp/out.fifo"
expect 1 "out.fifo: is a FIFO" -- bar "${base[@]}" -o "$tmp/out.fifo" --format svg
[ -p "$tmp/out.fifo" ] && ok || fail "the FIFO given to -o is still a FIFO"
expect 2 "is a folder; give a file name such as" -- bar "${base[@]}" -o "$tmp"
expect 1 "out.fifo: is not a regular file" -- extract --db "$tmp/out.fifo" "$art"
"$zuhyo" bar "${base[@]}" -o - --format svg 2>/dev/null | grep -q "<svg" && ok || fail "-o - streams"

# ---- 6: texts that cannot be drawn are refused naming the option ----
expect 2 "--title: invalid UTF-8 (byte 0xFF at byte 3)" -- bar "${base[@]}" -o "$tmp/t.svg" --title $'ab\xff'
expect 2 "--unit: invalid UTF-8" -- bar "${base[@]}" -o "$tmp/t.svg" --unit $'\xe3\x81'
expect 2 "--subtitle: a control character (0x01)" -- bar "${base[@]}" -o "$tmp/t.svg" --subtitle $'a\x01b'
expect 2 "--source: invalid UTF-8" -- bar "${base[@]}" -o "$tmp/t.svg" --source $'\xed\xa0\x80'
expect 2 "--label: invalid UTF-8" -- bar --data "$tmp/ok.csv" --label $'\xc0\xaf' --value 値 -o "$tmp/t.svg"
printf '名前,値\nA\xff,1\nB,2\n' >"$tmp/badcell.csv"
expect 1 "badcell.csv:2:2: invalid UTF-8" -- bar --data "$tmp/badcell.csv" --label 名前 --value 値 -o "$tmp/t.svg"
[ ! -e "$tmp/t.svg" ] && ok || fail "a refused text left a chart"
# a label of 5,000 lines is clipped with …, not a refused chart; 200 groups get a message that helps
python3 -c "print('name,v'); print('\"' + '\\n'.join(['行'] * 5000) + '\",5'); print('b,3')" >"$tmp/longlabel.csv"
"$zuhyo" bar --data "$tmp/longlabel.csv" --label name --value v -o "$tmp/ll.png" 2>"$tmp/stderr" && [ -s "$tmp/ll.png" ] &&
  ok || fail "a 5,000-line label refused the chart: $(cat "$tmp/stderr")"
python3 -c "
print('name,g,v')
for i in range(3):
    for g in range(200): print(f'n{i},g{g},{g + 1}')" >"$tmp/g200.csv"
expect 1 "200 groups side by side do not fit .* stack them (--stack)" -- bar --data "$tmp/g200.csv" --label name --value v --group g -o "$tmp/g200.png"
printf '日付,出来事\n2024-01-05,発表\n2024-03-01,発売\n' >"$tmp/ev.csv"
expect 2 "--title: invalid UTF-8" -- timeline --data "$tmp/ev.csv" --date 日付 --label 出来事 -o "$tmp/t.svg" --title $'x\xff'
expect 2 "--label: invalid UTF-8" -- timeline --data "$tmp/ev.csv" --date 日付 --label $'\xc0\xaf' -o "$tmp/t.svg"
[ ! -e "$tmp/t.svg" ] && ok || fail "a refused timeline text left a chart"

# ---- 7: impossible times ----
expect 2 "--time 2025-13: expected a time that exists" -- facts --db "$tmp/f.db" --time 2025-13
expect 2 "--time 2025-02-30: expected a time that exists" -- bar --db "$tmp/f.db" --time 2025-02-30 -o "$tmp/t.png"
expect 0 "" -- facts --db "$tmp/f.db" --time 2024

# ---- 8: SOURCE_DATE_EPOCH and --scale ----
SOURCE_DATE_EPOCH=99999999999999 expect 2 "SOURCE_DATE_EPOCH=99999999999999: expected whole seconds" -- bar "${base[@]}" -o "$tmp/t.pdf"
SOURCE_DATE_EPOCH=yesterday expect 2 "SOURCE_DATE_EPOCH=yesterday" -- bar "${base[@]}" -o "$tmp/t.pdf"
SOURCE_DATE_EPOCH=1700000000 expect 0 "" -- bar "${base[@]}" -o "$tmp/t.pdf"
grep -aq "20231114221320" "$tmp/t.pdf" && ok || fail "SOURCE_DATE_EPOCH is the PDF's date"
expect 2 "--scale 1e-9: expected a number from 0.1 to 8" -- bar "${base[@]}" -o "$tmp/s.png" --scale 1e-9
expect 2 "each side must be 1 to 32767 pixels" -- bar "${base[@]}" -o "$tmp/s.png" --scale 8 --size 9000x900
printf '日付,出来事\n2024-01-05,発表\n2024-03-01,発売\n' >"$tmp/ev.csv"
expect 2 "each side must be 1 to 32767 pixels" -- timeline --data "$tmp/ev.csv" --date 日付 --label 出来事 -o "$tmp/s.png" --scale 1e-9
[ ! -e "$tmp/s.png" ] && ok || fail "a refused scale left a PNG"

# ---- 9: a header naming a column twice ----
printf '名前,値,名前\nA,1,x\nB,2,y\n' >"$tmp/dup.csv"
expect 1 'dup.csv:1:6: the header names column "名前" twice (fields 1 and 3)' -- bar --data "$tmp/dup.csv" --label 名前 --value 値 -o "$tmp/d.svg"
printf '名前,値,,\nA,1,,\nB,2,,\n' >"$tmp/unnamed.csv"
expect 0 "" -- bar --data "$tmp/unnamed.csv" --label 名前 --value 値 -o "$tmp/d.svg"

# ---- 13: ZUHYO_FONT_DIR pointing nowhere ----
ZUHYO_FONT_DIR="$tmp/nowhere" expect 1 "ZUHYO_FONT_DIR=$tmp/nowhere: no readable fonts.conf there" -- bar "${base[@]}" -o "$tmp/f.png"
ZUHYO_FONT_DIR="$tmp/nowhere" expect 1 "ZUHYO_FONT_DIR=" -- doctor

echo "hostile: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
