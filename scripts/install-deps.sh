#!/usr/bin/env bash
# Installs the Debian packages hlsv needs, only those that are missing, so a second run is a no-op.
# The tree-sitter C++ grammar is fetched from npm by CMake at configure time (see cmake/TreeSitterCpp.cmake).
#
# usage: scripts/install-deps.sh [demo|test]
#   demo  what building the `hlsv` binary and running `make demo` need (the default)
#   test  that plus what the tests and benchmarks need (GoogleTest, a loopback HTTP server,
#         Google Benchmark, a headless browser for the report test, clang for fuzzing, a
#         single-host Slurm cluster for the scale-out test, ...)
set -euo pipefail
profile=${1:-demo}
case "$profile" in
  demo | test) ;;
  *) echo "install-deps: unknown profile '$profile' (expected demo or test)" >&2; exit 2 ;;
esac

# Building and running hlsv: compilers (C simulation runs g++), libclang, the libraries we link.
build_packages=(
  build-essential cmake ninja-build pkg-config ccache git
  g++ libclang-14-dev
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libsqlite3-dev sqlite3
  libfmt-dev libcli11-dev libtomlplusplus-dev libtree-sitter-dev
  nodejs npm
)
# Tests and benchmarks only.
test_packages=(
  clang-14 libclang-rt-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  slurm-wlm munge
  neovim # its built-in LSP client drives `hlsv lsp` in tests/lsp/neovim_test.cpp
)
if [ "${HLSV_WITH_BROWSER:-1}" = 1 ]; then
  test_packages+=(chromium)
fi

packages=("${build_packages[@]}")
if [ "$profile" = test ]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # npm/nodejs may come from elsewhere (e.g. a NodeSource build); accept any working binary.
    case "$p" in
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "hlsv: installing missing packages ($profile): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "hlsv: error: missing packages (${missing[*]}) and not root; install them with apt-get" >&2
    exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
