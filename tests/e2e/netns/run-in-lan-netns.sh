#!/bin/sh
# Runs a command in a fresh network namespace with loopback and a private "LAN": a veth pair
# lan0/lan1 (10.77.0.1, 10.77.0.2) that is connected to nothing outside the namespace. The host
# sees these as its LAN addresses; a browser that opens http://10.77.0.1:PORT/ reaches the host
# from a non-loopback address, as a phone on the courtyard's Wi-Fi would, and nothing leaves.
#   sh tests/e2e/netns/run-in-lan-netns.sh node_modules/.bin/playwright test tests/e2e/access-lan.spec.ts
set -eu
if ! command -v unshare >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1; then
  echo "run-in-lan-netns: needs unshare (util-linux) and ip (iproute2)" >&2
  exit 2
fi
home=$(mktemp -d "${TMPDIR:-/tmp}/courtyard-netns-home.XXXXXX")
trap 'rm -rf "$home"' EXIT
unshare -n sh -c '
  ip link set lo up &&
  ip link add lan0 type veth peer name lan1 &&
  ip addr add 10.77.0.1/24 dev lan0 && ip addr add 10.77.0.2/24 dev lan1 &&
  ip link set lan0 up && ip link set lan1 up &&
  exec "$@"' sh env COURTYARD_NETNS=lan HOME="$home" "$@"
