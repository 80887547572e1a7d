#!/usr/bin/env bash
# Echo throughput of libenet's echo server vs the Java host's echo server (./run enet-echo server,
# inline mode: events handled on the event loop, as libenet does on its one thread), driven by the
# same libenet load generator: reliable packets, a fixed window in flight, echoes counted per second.
#
# Both servers get one unmeasured warm-up run of <seconds> first (the JVM compiles its hot paths; libenet needs
# none, so this only removes start-up from the comparison). Then <rounds> measured rounds alternate
# which server goes first, and the medians are compared, because the machine is shared and noisy.
# Server CPU (user + system, from /proc, including the 1 s warm-up of each load run) per echoed
# message is printed too: it is less sensitive to other load than the rate.
# usage: bench/enet-compare.sh [seconds=5] [window=64] [size=64] [rounds=3]
#        JAVA_SERVER_ARGS=--ring bench/enet-compare.sh   (the Java server in ring mode instead)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"; window="${2:-64}"; size="${3:-64}"; rounds="${4:-3}"
work="$here/bench/target"; mkdir -p "$work"
gcc -O2 -Wall -o "$work/enet_echo_server" "$here/transport/src/test/c/enet_echo_server.c" -lenet
gcc -O2 -Wall -o "$work/enet_load" "$here/bench/c/enet_load.c" -lenet
# Build the Java side up front so its compile time is not part of the run.
"$here/run" >/dev/null 2>&1 || true

port_c=47811; port_j=47812
"$work/enet_echo_server" "$port_c" 8 2 > "$work/c-server.log" &
c_pid=$!
# shellcheck disable=SC2086
"$here/run" enet-echo server --port "$port_j" --bind 127.0.0.1 --channels 2 ${JAVA_SERVER_ARGS:-} \
  --seconds $(( (rounds * 2 + 4) * (seconds + 2) + 30 )) > "$work/java-server.log" &
j_pid=$!
trap 'kill $c_pid $j_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q listening "$work/java-server.log" 2>/dev/null && break; sleep 0.1; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure <pid> <port> <name>: one load run; prints "<rate> <server cpu us per message>"
measure() {
  local before after rate
  before=$(cpu_ticks "$1")
  rate=$("$work/enet_load" 127.0.0.1 "$2" "$seconds" "$window" "$size" | awk '/MSGS_PER_SEC/{print $2}')
  after=$(cpu_ticks "$1")
  awk -v r="$rate" -v t=$((after - before)) -v s="$seconds" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%d %.2f\n", r, (r > 0 ? t / hz * 1e6 / (r * (s + 1)) : 0) }'
}

"$work/enet_load" 127.0.0.1 "$port_c" "$seconds" "$window" "$size" >/dev/null
"$work/enet_load" 127.0.0.1 "$port_j" "$seconds" "$window" "$size" >/dev/null

c_rates=(); j_rates=()
echo "echo load: reliable ${size}-byte packets, window ${window}, ${seconds} s per run, one libenet client"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 == 1 )); then
    c=$(measure "$c_pid" "$port_c"); j=$(measure "$j_pid" "$port_j")
  else
    j=$(measure "$j_pid" "$port_j"); c=$(measure "$c_pid" "$port_c")
  fi
  read -r c_rate c_cpu <<< "$c"; read -r j_rate j_cpu <<< "$j"
  c_rates+=("$c_rate"); j_rates+=("$j_rate")
  awk -v c="$c_rate" -v j="$j_rate" -v cc="$c_cpu" -v jc="$j_cpu" -v n="$round" 'BEGIN {
    printf "round %d: libenet %d msgs/s (%.2f us CPU/msg), java %d msgs/s (%.2f us CPU/msg), java / libenet = %.2f\n",
      n, c, cc, j, jc, (c > 0 ? j / c : 0) }'
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
c_med=$(median "${c_rates[@]}"); j_med=$(median "${j_rates[@]}")
echo "libenet echo server: ${c_med} msgs/s (median of ${rounds})"
echo "java EnetHost echo:  ${j_med} msgs/s (median of ${rounds})"
awk -v j="$j_med" -v c="$c_med" 'BEGIN { if (c > 0) printf "java / libenet = %.2f\n", j / c }'
