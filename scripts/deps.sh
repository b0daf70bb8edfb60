#!/usr/bin/env bash
# scripts/deps.sh: install the Debian packages zuhyo needs to build, test and benchmark.
# Sourced by scripts/demo and scripts/test. As root it runs apt-get; otherwise it prints the
# sudo line and stops, so a newcomer sees exactly what is missing.
set -euo pipefail

ZUHYO_BUILD_DEPS=(build-essential cmake pkg-config
  libcairo2-dev libpango1.0-dev libfontconfig-dev libsqlite3-dev
  libcmocka-dev libutf8proc-dev libjansson-dev libharfbuzz-dev
  fonts-morisawa-bizud-gothic fonts-noto-cjk)
ZUHYO_TEST_DEPS=(python3 python3-pil libxml2-utils chromium nodejs fonts-dejavu-core)
ZUHYO_BENCH_DEPS=(gnuplot-nox hyperfine python3-matplotlib time)

zuhyo_missing_packages() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  printf '%s\n' "${missing[@]}"
}

# zuhyo_install_packages PKG...: install what is missing, or explain how and fail.
zuhyo_install_packages() {
  local missing
  mapfile -t missing < <(zuhyo_missing_packages "$@" | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "zuhyo: missing Debian packages; run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "zuhyo: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update >/dev/null
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  }
}

# Install what the benchmarks need and build the release binary in build/ (tests off).
zuhyo_bench_build() {
  zuhyo_install_packages "${ZUHYO_BUILD_DEPS[@]}" "${ZUHYO_BENCH_DEPS[@]}"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DZUHYO_TESTS=OFF >/dev/null
  cmake --build build -j"$(nproc)" >/dev/null
}
