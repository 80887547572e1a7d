#!/usr/bin/env bash
# Echo throughput of libenet's echo server vs the Java host (./run enet-echo server), driven by the
# same libenet load generator: reliable packets, a fixed window in flight, echoes counted per second.
# usage: bench/enet-compare.sh [seconds=5] [window=64] [size=64]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"; window="${2:-64}"; size="${3:-64}"
work="$here/bench/target"; mkdir -p "$work"
gcc -O2 -Wall -o "$work/enet_echo_server" "$here/transport/src/test/c/enet_echo_server.c" -lenet
gcc -O2 -Wall -o "$work/enet_load" "$here/bench/c/enet_load.c" -lenet
# Build the Java side up front so its compile time is not part of the run.
"$here/run" >/dev/null 2>&1 || true

port_c=47811; port_j=47812
"$work/enet_echo_server" "$port_c" 8 2 > "$work/c-server.log" &
c_pid=$!
"$here/run" enet-echo server --port "$port_j" --bind 127.0.0.1 --channels 2 --seconds $((seconds + 20)) > "$work/java-server.log" &
j_pid=$!
trap 'kill $c_pid $j_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q listening "$work/java-server.log" 2>/dev/null && break; sleep 0.1; done

c_rate=$("$work/enet_load" 127.0.0.1 "$port_c" "$seconds" "$window" "$size" | awk '/MSGS_PER_SEC/{print $2}')
j_rate=$("$work/enet_load" 127.0.0.1 "$port_j" "$seconds" "$window" "$size" | awk '/MSGS_PER_SEC/{print $2}')
echo "echo load: reliable ${size}-byte packets, window ${window}, ${seconds} s, one libenet client"
echo "libenet echo server: ${c_rate} msgs/s"
echo "java EnetHost echo:  ${j_rate} msgs/s"
awk -v j="$j_rate" -v c="$c_rate" 'BEGIN { if (c > 0) printf "java / libenet = %.2f\n", j / c }'
