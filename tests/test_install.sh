#!/usr/bin/env bash
# tests/test_install.sh BUILD_DIR SOURCE_DIR: zuhyo installs like a Debian tool.
#   1. `cmake --install --prefix P`: the tree is complete, libzuhyo.so has its SONAME and exports
#      only the public API; a copy of P moved elsewhere still finds its own fonts and data
#      (doctor names them; a word added to the copy's dictionary is read) and draws a chart
#      from another working folder.
#   2. A tiny C program built through pkg-config (shared, and --static) runs.
#   3. The manual pages render without a roff warning, one per command, and name every option
#      --help names; bash completion completes commands, options and option values.
#   4. As root with apt-get: `cpack -G DEB` builds a .deb with the right Depends; it installs
#      with apt-get, /usr/bin/zuhyo runs doctor and a chart, and the package is removed again
#      (ZUHYO_TEST_DEB=0 skips this part).
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
deb_installed=""
pulled_in=()
cleanup() {
  if [ -n "$deb_installed" ]; then
    apt-get remove -y --purge -o DPkg::Lock::Timeout=120 zuhyo "${pulled_in[@]}" >/dev/null 2>&1 ||
      echo "test_install: could not remove the zuhyo package again" >&2
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
unset ZUHYO_FONT_DIR ZUHYO_DATA_DIR
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '%-58s %3ss\n' "$1" "$SECONDS"; }

sanitized=$(sed -n 's/^ZUHYO_SANITIZE:BOOL=//p' "$build/CMakeCache.txt")
cflags=(-std=c17 -Wall -Werror)
case "$sanitized" in ON | on | 1 | TRUE | true) cflags+=("-fsanitize=address,undefined") ;; esac

# ---- 1. cmake --install into a prefix, then moved ------------------------------------------
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/zuhyo lib/libzuhyo.a lib/libzuhyo.so lib/libzuhyo.so.0 include/zuhyo/zuhyo.h \
         lib/pkgconfig/zuhyo.pc share/zuhyo/fonts/fonts.conf share/zuhyo/data/entities.tsv \
         share/man/man1/zuhyo.1.gz share/bash-completion/completions/zuhyo; do
  [ -e "$prefix/$f" ] || fail "cmake --install left out $f"
done
soname=$(objdump -p "$prefix/lib/libzuhyo.so" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libzuhyo.so.0 ] || fail "SONAME is '$soname', not libzuhyo.so.0"
# exported: exactly functions the public header declares
api=$(grep -o 'zy_[a-z0-9_]*(' "$src/include/zuhyo/zuhyo.h" | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$prefix/lib/libzuhyo.so" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort -u)
extra=$(comm -13 <(echo "$api") <(echo "$exported"))
[ -z "$extra" ] || fail "libzuhyo.so exports functions zuhyo.h does not declare: $extra"
echo "$exported" | grep -qx zy_bar_chart_create || fail "libzuhyo.so does not export zy_bar_chart_create"
grep -qx "prefix=$prefix" "$prefix/lib/pkgconfig/zuhyo.pc" || fail "zuhyo.pc does not name the install prefix"
step "install: tree, SONAME, exported symbols, zuhyo.pc"

moved="$tmp/elsewhere/zuhyo"
mkdir -p "$tmp/elsewhere" "$tmp/work"
cp -a "$prefix" "$moved"
printf 'ミズナラ精機\tcompany\tJP\tミズナラ\n' >>"$moved/share/zuhyo/data/entities.tsv"
cd "$tmp/work"
"$moved/bin/zuhyo" doctor >doctor.txt || fail "installed zuhyo doctor failed: $(cat doctor.txt)"
grep -qx "configuration: $moved/share/zuhyo/fonts/fonts.conf" doctor.txt ||
  fail "installed zuhyo does not use its own fonts.conf: $(head -3 doctor.txt)"
grep -q "$src" doctor.txt && fail "installed zuhyo reads the source tree: $(cat doctor.txt)"
printf 'ミズナラの2024年の売上高は120億円だった。\n' >article.txt
"$moved/bin/zuhyo" scan --date 2025-01-01 article.txt >facts.jsonl
grep -q '"subject":"ミズナラ精機"' facts.jsonl ||
  fail "installed zuhyo does not read its own share/zuhyo/data/entities.tsv"
printf '会社,売上高\nアオバ,120\nツバメ,80\nカエデ,45\n' >sales.csv
"$moved/bin/zuhyo" bar --data sales.csv --label 会社 --value 売上高 --unit 億円 \
  --title 売上高 -o chart.png 2>bar.err || fail "installed zuhyo bar failed: $(cat bar.err)"
[ "$(head -c 4 chart.png | od -An -c | tr -d ' ')" = "211PNG" ] || fail "chart.png is not a PNG"
[ ! -s bar.err ] || fail "installed zuhyo bar warned: $(cat bar.err)"
step "install: moved copy runs doctor, scan, bar from another folder"

# ---- 2. a C program through pkg-config -----------------------------------------------------
cat >prog.c <<'C'
/* A user of the installed library: a table from memory to an SVG bar chart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zuhyo/zuhyo.h>

int main(void)
{
    const char csv[] = "name,value\nA,3\nB,5\n";
    zy_context *ctx;
    zy_table *table = NULL;
    zy_bar_chart *chart = NULL;
    unsigned char *svg = NULL;
    size_t len = 0;
    zy_bar_options o;
    zy_bar_options_defaults(&o);
    o.label_column = "name";
    o.value_column = "value";
    o.title = "図表";
    zy_status st = zy_context_create(NULL, &ctx);
    if (!st) st = zy_table_parse(ctx, "memory.csv", csv, strlen(csv), ',', &table);
    if (!st) st = zy_bar_chart_create(ctx, table, &o, &chart);
    if (!st) st = zy_bar_chart_render(ctx, chart, ZY_FORMAT_SVG, &svg, &len);
    if (st)
        fprintf(stderr, "prog: %s: %s\n", zy_status_str(st), zy_errmsg(ctx));
    else
        printf("%s %zu\n", strstr((const char *)svg, "<svg") ? "svg" : "not-svg", len);
    free(svg);
    zy_bar_chart_destroy(chart);
    zy_table_destroy(table);
    zy_context_destroy(ctx);
    return st ? 1 : 0;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion zuhyo)" = "$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")" ] ||
  fail "pkg-config --modversion zuhyo is not the project's version"
# shellcheck disable=SC2046
cc "${cflags[@]}" $(pkg-config --cflags zuhyo) prog.c -o prog_shared $(pkg-config --libs zuhyo)
objdump -p prog_shared | grep -q 'NEEDED *libzuhyo.so.0' || fail "prog_shared does not link libzuhyo.so.0"
# the shared library finds fonts and data beside itself (share/ next to lib/)
out=$(LD_LIBRARY_PATH="$prefix/lib" ./prog_shared) || fail "prog_shared failed"
[ "${out%% *}" = svg ] || fail "prog_shared printed $out"
# --static: the archive with every private dependency (-l:libzuhyo.a, as -lzuhyo would take the .so)
static_libs=$(pkg-config --static --libs zuhyo | sed 's/-lzuhyo\b/-l:libzuhyo.a/')
# shellcheck disable=SC2046,SC2086
cc "${cflags[@]}" $(pkg-config --cflags zuhyo) prog.c -o prog_static $static_libs
objdump -p prog_static | grep -q 'NEEDED *libzuhyo' && fail "prog_static still needs libzuhyo.so"
# a static program has no share/zuhyo beside it: it is told where the fonts are
out=$(ZUHYO_FONT_DIR="$prefix/share/zuhyo/fonts" ./prog_static) || fail "prog_static failed"
[ "${out%% *}" = svg ] || fail "prog_static printed $out"
unset PKG_CONFIG_PATH
step "pkg-config: shared and static C programs"

# ---- 3. manual pages and completion ---------------------------------------------------------
mapfile -t commands < <("$moved/bin/zuhyo" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\)  .*/\1/p')
[ "${#commands[@]}" -ge 5 ] || fail "could not read the commands from zuhyo --help"
man1="$moved/share/man/man1"
for page in zuhyo "${commands[@]/#/zuhyo-}"; do
  [ -f "$man1/$page.1.gz" ] || fail "no manual page $page(1)"
  warnings=$(zcat "$man1/$page.1.gz" | groff -man -Tutf8 -ww -z 2>&1)
  [ -z "$warnings" ] || fail "$page(1): roff says $warnings"
  MANWIDTH=80 man -l "$man1/$page.1.gz" >"$page.txt" 2>"$page.err" || fail "man -l $page.1.gz failed"
  [ ! -s "$page.err" ] || fail "man -l $page.1.gz: $(cat "$page.err")"
done
for cmd in "${commands[@]}"; do # every option --help names is on the page
  # (leak reports off as in the build's generator: only the text is compared here)
  for opt in $(ASAN_OPTIONS=detect_leaks=0 "$moved/bin/zuhyo" "$cmd" --help | grep -oE '(^|[^a-z-])--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z0-9-]+' | sort -u); do
    grep -q -- "$opt" "zuhyo-$cmd.txt" || fail "zuhyo-$cmd(1) does not mention $opt"
  done
done
grep -q "zuhyo-bar(1)" zuhyo.txt || fail "zuhyo(1) does not point to zuhyo-bar(1)"
MANPATH="$moved/share/man" man -w zuhyo-bar >/dev/null 2>&1 || fail "man does not find zuhyo-bar under share/man"
complete_words() { # complete_words WORD...: what bash completion offers for the last word
  bash --norc -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _zuhyo; echo "${COMPREPLY[*]}"' \
    _ "$moved/share/bash-completion/completions/zuhyo" "$@"
}
[ "$(complete_words zuhyo b)" = bar ] || fail "completion of 'zuhyo b' gives '$(complete_words zuhyo b)'"
[[ " $(complete_words zuhyo bar --ti) " == *" --title "* ]] || fail "completion of 'zuhyo bar --ti' gives '$(complete_words zuhyo bar --ti)'"
[ "$(complete_words zuhyo bar --tit)" = --title ] || fail "completion of 'zuhyo bar --tit' gives '$(complete_words zuhyo bar --tit)'"
[ "$(complete_words zuhyo bar --sort '')" = "desc asc none" ] || fail "completion of 'zuhyo bar --sort' gives '$(complete_words zuhyo bar --sort '')'"
[ "$(complete_words zuhyo facts --format t)" = tsv ] || fail "completion of 'zuhyo facts --format t'"
step "manual pages render; completion completes"

# ---- 4. the Debian package -----------------------------------------------------------------
if [ "${ZUHYO_TEST_DEB:-1}" = 0 ]; then
  step "deb: skipped (ZUHYO_TEST_DEB=0)"; exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null || ! command -v cpack >/dev/null; then
  step "deb: skipped (needs root, apt-get and cpack)"; exit 0
fi
if dpkg-query -W -f='${Status}' zuhyo 2>/dev/null | grep -q 'install ok installed'; then
  step "deb: skipped (a zuhyo package is installed already; left alone)"; exit 0
fi
mkdir -p "$tmp/deb"
(cd "$tmp/deb" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >cpack.log 2>&1) ||
  fail "cpack -G DEB failed: $(tail -20 "$tmp/deb/cpack.log")"
debs=("$tmp"/deb/zuhyo_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no zuhyo_*.deb: $(ls "$tmp/deb")"
depends=$(dpkg-deb -f "${debs[0]}" Depends)
for p in libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0 libfontconfig1 \
         libsqlite3-0 libutf8proc2 libpng16-16 libjansson4 fonts-morisawa-bizud-gothic fonts-noto-cjk; do
  [[ ", $depends," == *", $p"[\ ,]* ]] || fail "the .deb's Depends lacks $p: $depends"
done
contents=$(dpkg-deb -c "${debs[0]}")
for f in ./usr/bin/zuhyo ./usr/share/man/man1/zuhyo.1.gz ./usr/share/bash-completion/completions/zuhyo \
         ./usr/share/zuhyo/fonts/fonts.conf ./usr/share/zuhyo/data/entities.tsv ./usr/include/zuhyo/zuhyo.h; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb lacks $f"
done
grep -q 'libzuhyo.so.0' <<<"$contents" || fail "the .deb lacks libzuhyo.so.0"
step "deb: cpack -G DEB, Depends and contents"

# what apt-get would pull in beside zuhyo, to take away again after
while read -r p; do # each package named first in an item of Depends, without its version
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || pulled_in+=("$p")
done < <(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/(.*//; s/ //g' | sed '/^$/d')
[ "${#pulled_in[@]}" -eq 0 ] || echo "test_install: apt-get will also install ${pulled_in[*]} (removed after)"
deb_installed=yes
(cd "$tmp/deb" && DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=120 \
  ./"$(basename "${debs[0]}")" >apt.log 2>&1) || fail "apt-get install failed: $(tail -20 "$tmp/deb/apt.log")"
step "deb: apt-get install ./zuhyo_*.deb"
[ "$(command -v zuhyo)" = /usr/bin/zuhyo ] || [ -x /usr/bin/zuhyo ] || fail "no /usr/bin/zuhyo after installing"
/usr/bin/zuhyo doctor >doctor-deb.txt || fail "/usr/bin/zuhyo doctor failed: $(cat doctor-deb.txt)"
grep -qx "configuration: /usr/share/zuhyo/fonts/fonts.conf" doctor-deb.txt ||
  fail "/usr/bin/zuhyo does not use /usr/share/zuhyo: $(head -3 doctor-deb.txt)"
/usr/bin/zuhyo bar --data sales.csv --label 会社 --value 売上高 --title 売上高 -o deb.svg 2>bar.err ||
  fail "/usr/bin/zuhyo bar failed: $(cat bar.err)"
grep -q '<svg' deb.svg || fail "/usr/bin/zuhyo bar wrote no SVG"
man -w zuhyo >/dev/null 2>&1 || fail "man -w zuhyo finds no page after installing"
# the packaged library and zuhyo.pc are found without any path given (ldconfig ran)
# shellcheck disable=SC2046
cc "${cflags[@]}" $(pkg-config --cflags zuhyo) prog.c -o prog_deb $(pkg-config --libs zuhyo) ||
  fail "cannot build against the packaged library"
[ "$(./prog_deb | cut -d' ' -f1)" = svg ] || fail "a program linked with the packaged libzuhyo failed"
step "deb: /usr/bin/zuhyo doctor, bar; the packaged library links"
apt-get remove -y --purge -o DPkg::Lock::Timeout=120 zuhyo "${pulled_in[@]}" >apt-remove.log 2>&1 ||
  fail "apt-get remove failed: $(tail -5 apt-remove.log)"
deb_installed=""
[ ! -e /usr/bin/zuhyo ] || fail "/usr/bin/zuhyo is still there after apt-get remove"
step "deb: apt-get remove; the machine is as it was"
