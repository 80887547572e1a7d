#!/usr/bin/env bash
# libenet's echo server vs the Java host's echo server (./run enet-echo server, inline mode: events
# handled on the event loop, as libenet does on its one thread), driven by the same libenet load
# generator (bench/c/enet_load.c), in three parts:
#   one   one client peer keeps <window> reliable <size>-byte packets in flight; echoes per second
#   many  $PEERS peers from one load process (one socket), each keeping $PEER_WINDOW packets in flight
#   idle  $IDLE_PEERS peers connect and then only keep alive (ENet pings); the server's CPU is sampled
#
# Each server of a part is fresh and gets one unmeasured warm-up run first (the JVM compiles its hot
# paths; libenet needs none, so this only removes start-up from the comparison). Then <rounds>
# measured rounds alternate which server goes first, because the machine is shared and noisy, and
# the medians are compared. Server CPU (user + system, from /proc) is sampled over each measured
# window only (after connecting and the load's 1 s warm-up) and given per echoed message, and for
# the idle part as a percentage of one core.
#
# The Java servers of the many and idle parts are given --half-open-per-address (and --half-open)
# as large as their peer limit: all their peers open their handshakes at once from one address,
# which EnetConfig's defaults (128 per address) deliberately slow down.
#
# usage: bench/enet-compare.sh [seconds=5] [window=64] [size=64] [rounds=3]
#        PARTS="many idle" PEERS=500 PEER_WINDOW=8 IDLE_PEERS=4095 IDLE_SECONDS=10 bench/enet-compare.sh
#        JAVA_SERVER_ARGS=--ring bench/enet-compare.sh   (the Java server in ring mode instead)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"; window="${2:-64}"; size="${3:-64}"; rounds="${4:-3}"
parts="${PARTS:-one many idle}"
peers="${PEERS:-500}"; peer_window="${PEER_WINDOW:-8}"
idle_peers="${IDLE_PEERS:-4095}"; idle_seconds="${IDLE_SECONDS:-10}"
work="$here/bench/target"; mkdir -p "$work"
gcc -O2 -Wall -o "$work/enet_echo_server" "$here/transport/src/test/c/enet_echo_server.c" -lenet 2>/dev/null
gcc -O2 -Wall -o "$work/enet_load" "$here/bench/c/enet_load.c" -lenet
# Build the Java side up front so its compile time is not part of the run.
"$here/run" >/dev/null 2>&1 || true
hz="$(getconf CLK_TCK)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# start_servers <peer limit> <java extra args...>: sets c_pid, j_pid, port_c, port_j
start_servers() {
  local limit="$1"; shift
  port_c=$((47811 + RANDOM % 1000)); port_j=$((port_c + 1000))
  "$work/enet_echo_server" "$port_c" "$limit" 2 > "$work/c-server.log" &
  c_pid=$!
  # shellcheck disable=SC2086
  "$here/run" enet-echo server --port "$port_j" --bind 127.0.0.1 --channels 2 --peers "$limit" "$@" ${JAVA_SERVER_ARGS:-} \
    > "$work/java-server.log" &
  j_pid=$!
  pids=("$c_pid" "$j_pid")
  for _ in $(seq 1 200); do grep -q listening "$work/java-server.log" 2>/dev/null && break; sleep 0.1; done
  grep -q PORT "$work/c-server.log" || sleep 0.5
}

stop_servers() {
  kill "$c_pid" "$j_pid" 2>/dev/null || true
  wait "$c_pid" "$j_pid" 2>/dev/null || true
}

# load <pid> <port> <out> <enet_load args...>: runs the load generator, sampling the server's CPU
# from the end of the load's warm-up (<warm-up> s after CONNECTED) to its exit; prints the ticks.
load() {
  local pid="$1" port="$2" out="$3" warm="$4"; shift 4
  "$work/enet_load" 127.0.0.1 "$port" "$@" > "$out" &
  local lp=$!
  for _ in $(seq 1 200); do grep -q CONNECTED "$out" && break; sleep 0.05; done
  sleep "$warm"
  local before; before=$(cpu_ticks "$pid")
  wait "$lp" || { echo "load generator failed: $(cat "$out")" >&2; }
  echo $(( $(cpu_ticks "$pid") - before ))
}

# echo_run <pid> <port> <seconds> <enet_load args...>: prints "<rate> <us CPU per message> <connect ms>"
echo_run() {
  local pid="$1" port="$2" s="$3"; shift 3
  local ticks rate
  ticks=$(load "$pid" "$port" "$work/load.out" 1 "$s" "$@")
  rate=$(awk '/MSGS_PER_SEC/{print $2}' "$work/load.out")
  awk -v r="${rate:-0}" -v t="$ticks" -v s="$s" -v hz="$hz" -v c="$(awk '/CONNECTED/{print $6}' "$work/load.out")" \
    'BEGIN { printf "%d %.2f %d\n", r, (r > 0 ? t / hz * 1e6 / (r * s) : 0), c }'
}

# compare <title> <load args...>: warm-up, then alternating rounds and the medians
compare() {
  local title="$1"; shift
  echo_run "$c_pid" "$port_c" 2 "$@" >/dev/null
  echo_run "$j_pid" "$port_j" 2 "$@" >/dev/null
  local c_rates=() j_rates=() c_cpus=() j_cpus=() c j c_rate c_cpu c_conn j_rate j_cpu j_conn round
  echo "$title"
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 == 1 )); then
      c=$(echo_run "$c_pid" "$port_c" "$seconds" "$@"); j=$(echo_run "$j_pid" "$port_j" "$seconds" "$@")
    else
      j=$(echo_run "$j_pid" "$port_j" "$seconds" "$@"); c=$(echo_run "$c_pid" "$port_c" "$seconds" "$@")
    fi
    read -r c_rate c_cpu c_conn <<< "$c"; read -r j_rate j_cpu j_conn <<< "$j"
    c_rates+=("$c_rate"); j_rates+=("$j_rate"); c_cpus+=("$c_cpu"); j_cpus+=("$j_cpu")
    awk -v c="$c_rate" -v j="$j_rate" -v cc="$c_cpu" -v jc="$j_cpu" -v n="$round" -v a="$c_conn" -v b="$j_conn" 'BEGIN {
      printf "  round %d: libenet %d msgs/s (%.2f us CPU/msg, connected in %d ms), java %d msgs/s (%.2f us CPU/msg, connected in %d ms), java / libenet = %.2f\n",
        n, c, cc, a, j, jc, b, (c > 0 ? j / c : 0) }'
  done
  local c_med j_med
  c_med=$(median "${c_rates[@]}"); j_med=$(median "${j_rates[@]}")
  awk -v c="$c_med" -v j="$j_med" -v cc="$(median "${c_cpus[@]}")" -v jc="$(median "${j_cpus[@]}")" -v n="$rounds" 'BEGIN {
    printf "  median of %d: libenet %d msgs/s (%.2f us CPU/msg), java %d msgs/s (%.2f us CPU/msg): java / libenet = %.2f, CPU per message java / libenet = %.2f\n",
      n, c, cc, j, jc, (c > 0 ? j / c : 0), (cc > 0 ? jc / cc : 0) }'
}

# idle_run <pid> <port>: prints the server's CPU over the idle window in % of one core
idle_run() {
  local ticks
  # 3 s after connecting, so handshakes and their retransmissions are over
  ticks=$(load "$1" "$2" "$work/idle.out" 3 $((idle_seconds + 3)) 0 0 --peers "$idle_peers" --idle)
  grep -q "IDLE $idle_peers" "$work/idle.out" || echo "not every idle peer stayed connected: $(cat "$work/idle.out")" >&2
  # the load exits right after its window, so the sample covers idle_seconds
  awk -v t="$ticks" -v s="$idle_seconds" -v hz="$hz" 'BEGIN { printf "%.2f\n", t / hz / s * 100 }'
}

for part in $parts; do
  case "$part" in
    one)
      start_servers 64
      compare "one peer: reliable ${size}-byte packets, window ${window}, ${seconds} s per run" "$window" "$size"
      stop_servers ;;
    many)
      start_servers $((peers + peers / 5)) --half-open-per-address $((peers + peers / 5))
      compare "${peers} peers from one load process: each keeps ${peer_window} reliable ${size}-byte packets in flight, ${seconds} s per run" \
        "$peer_window" "$size" --peers "$peers"
      stop_servers ;;
    idle)
      start_servers "$idle_peers" --half-open "$idle_peers" --half-open-per-address "$idle_peers"
      idle_seconds=2 idle_run "$c_pid" "$port_c" >/dev/null
      idle_seconds=2 idle_run "$j_pid" "$port_j" >/dev/null
      echo "${idle_peers} idle peers (keep-alive only), server CPU over ${idle_seconds} s"
      c_idle=(); j_idle=()
      for round in $(seq 1 "$rounds"); do
        if (( round % 2 == 1 )); then c=$(idle_run "$c_pid" "$port_c"); j=$(idle_run "$j_pid" "$port_j")
        else j=$(idle_run "$j_pid" "$port_j"); c=$(idle_run "$c_pid" "$port_c"); fi
        c_idle+=("$c"); j_idle+=("$j")
        echo "  round $round: libenet ${c}% of a core, java ${j}% of a core"
      done
      echo "  median of ${rounds}: libenet $(median "${c_idle[@]}")% of a core, java $(median "${j_idle[@]}")% of a core"
      stop_servers ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
