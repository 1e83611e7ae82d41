#!/usr/bin/env bash
# Builds the libmodbus RTU server (the Modbus meter peer) into bin/server. Needs a C compiler, pkg-config and
# libmodbus-dev (Debian: apt-get install -y gcc pkg-config libmodbus-dev; tests/run installs them when missing).
# Rebuilds only when server.c is newer than the binary. Prints the path of the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/bin/server"
if [ ! -x "$out" ] || [ "$here/server.c" -nt "$out" ] || [ "${BASH_SOURCE[0]}" -nt "$out" ]; then
  mkdir -p "$here/bin"
  # shellcheck disable=SC2046  # pkg-config prints several words on purpose
  cc -std=c11 -O2 -Wall -Wextra -Werror "$here/server.c" $(pkg-config --cflags --libs libmodbus) -lm -o "$out.tmp"
  mv "$out.tmp" "$out"
fi
echo "$out"
