#!/bin/sh
# Runs a command in a fresh network namespace that has only loopback (needs root, or user
# namespaces: unshare -n), so the WebRTC tests and benchmarks can send nothing off this machine.
# Chromium gets a throw-away HOME (it writes ~/.config/chromium and would try Google hosts).
#   sh tests/e2e/netns/run-in-netns.sh node_modules/.bin/playwright test tests/e2e/minutes-peers.spec.ts
set -eu
if ! command -v unshare >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1; then
  echo "run-in-netns: needs unshare (util-linux) and ip (iproute2)" >&2
  exit 2
fi
home=$(mktemp -d "${TMPDIR:-/tmp}/courtyard-netns-home.XXXXXX")
trap 'rm -rf "$home"' EXIT
unshare -n sh -c 'ip link set lo up && exec "$@"' sh env COURTYARD_NETNS=1 HOME="$home" "$@"
