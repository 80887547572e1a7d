#!/usr/bin/env bash
# Hostile traffic against libenet's echo server and the Java echo server (./run enet-echo server),
# side by side: every attack of ./run enet-attack runs against a fresh server of each kind (so one
# attack's leftovers, e.g. slots held for 30 s, never skew the next), then one table of the key
# figures. The timeout attack observes for <timeout-seconds> (default 35, above ENet's 30 s timeout
# maximum); it runs against both servers at once, at the end. About 3 minutes in all.
# Needs gcc and libenet-dev (apt-get install -y gcc libenet-dev). Full RESULT lines: bench/target/hostile/.
# usage: bench/hostile-compare.sh [timeout-seconds=35]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
timeout_seconds="${1:-35}"
work="$here/bench/target/hostile"; mkdir -p "$work"
started=$(date +%s)
gcc -O2 -o "$work/enet_echo_server" "$here/transport/src/test/c/enet_echo_server.c" -lenet
"$here/run" >/dev/null 2>&1 || true # builds the Java side up front

# the attacks and their options; seeds are fixed so a rerun sends the same traffic
names=(reflect slots blind memory stall leak timeout)
declare -A options=(
  [reflect]="--sources 32 --seconds 8"
  [slots]="--rate 2000 --sources 5000 --seconds 4 --honest 8 --honest-timeout-ms 2000"
  [blind]="--guess-peers 4 --guess-sessions 4"
  [memory]="--peers 24 --groups 24 --group-bytes 1048576 --ooo-bytes 2097152"
  [stall]="--mode both --seconds 3 --ooo 20000 --rate 2000 --flood-rate 20000"
  [leak]="--groups 200 --total 1000 --covered 16"
  [timeout]="--seconds $timeout_seconds --age-ms 30000"
)
port=47900
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# start_server <c|java> <port> <log>: starts it, waits until it listens, sets $server_pid
start_server() {
  if [ "$1" = c ]; then
    "$work/enet_echo_server" "$2" 64 4 > "$3" 2>&1 &
  else
    "$here/run" enet-echo server --port "$2" --bind 127.0.0.1 --channels 4 --peers 64 > "$3" 2>&1 &
  fi
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 100); do grep -qE 'listening|^PORT' "$3" 2>/dev/null && return 0; sleep 0.1; done
  echo "server $1 on port $2 did not start; see $3" >&2
  return 1
}

stop_server() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# run_attack <c|java> <attack> <seed>: one attack against a fresh server; RESULT lines in $work/<kind>-<attack>.out
run_attack() {
  port=$((port + 1))
  start_server "$1" "$port" "$work/$1-$2.server.log"
  local pid=$server_pid extra=""
  [ "$2" = memory ] && extra="--pid $pid"
  # shellcheck disable=SC2086
  "$here/run" enet-attack "$2" --port "$port" --channels 2 --seed "$3" ${options[$2]} $extra > "$work/$1-$2.out" 2> "$work/$1-$2.err" || true
  stop_server "$pid"
}

echo "servers (fresh for every attack; port P):"
echo "  libenet 1.3.17: $work/enet_echo_server P 64 4   (transport/src/test/c/enet_echo_server.c, gcc -O2 -lenet)"
echo "  java:           ./run enet-echo server --port P --bind 127.0.0.1 --channels 4 --peers 64"
echo "attacks:"
seed=0
for name in "${names[@]}"; do
  seed=$((seed + 1))
  echo "  ./run enet-attack $name --port P --channels 2 --seed $seed ${options[$name]}$([ "$name" = memory ] && echo ' --pid <server pid>')"
done
echo

seed=0
for name in "${names[@]}"; do
  seed=$((seed + 1))
  [ "$name" = timeout ] && continue
  for kind in c java; do
    echo "running $name against $kind..." >&2
    run_attack "$kind" "$name" "$seed"
  done
done
echo "running timeout against both (${timeout_seconds} s)..." >&2
run_attack c timeout 7 &
t1=$!
sleep 0.2
port=$((port + 10))
run_attack java timeout 7 &
t2=$!
wait "$t1" "$t2"

value() { # value <kind> <attack> <figure>
  awk -F= -v key="RESULT $2.$3" '$1 == key { print $2 }' "$work/$1-$2.out" 2>/dev/null | head -1
}
row() { # row <attack> <figure> <meaning>
  local j c
  j=$(value java "$1" "$2"); c=$(value c "$1" "$2")
  printf '%-8s %-28s %14s %14s   %s\n' "$1" "$2" "${j:-n/a}" "${c:-n/a}" "$3"
}
printf '%-8s %-28s %14s %14s   %s\n' attack figure java libenet meaning
printf '%s\n' "-------------------------------------------------------------------------------------------------------------"
row reflect amplification "bytes sent to spoofed sources / CONNECT bytes (fixed: <= 1)"
row reflect bytes_out "bytes sent to 32 sources that never answered (in: 32 x 52 B)"
row reflect max_datagrams_per_source "VERIFY_CONNECT + retransmissions per source in 8 s"
row slots honest_connected "of 8 honest clients, connected within 2 s"
row slots honest_failed "honest clients that did not connect within 2 s"
row slots connect_ms_p50 "median honest connect (ms; -1: none connected)"
row slots connect_ms_max "slowest honest connect (ms; -1: none connected)"
row slots reflected_bytes "bytes the flood's 5,000 sources received"
row blind handshake_completed "server completed a handshake for a blind spoofer"
row blind victim_data_bytes "data bytes streamed to the victim (retransmissions incl.)"
row memory rss_before_kib "server RSS before (KiB)"
row memory rss_peak_kib "server RSS peak with 24 attackers (KiB)"
row memory rss_after_kib "server RSS 2 s after they left (KiB)"
row memory honest_rtt_p99_ms_during "honest echo RTT p99 during the attack (ms)"
row memory responsive "honest client still echoed after the attack"
row stall baseline.rtt_p99_ms "honest RTT p99, no attack (ms)"
row stall flood.rtt_p99_ms "honest RTT p99 during a 20k/s reliable flood (ms)"
row stall flood.honest_survived "honest session survived the flood"
row stall ooo.rtt_p99_ms "honest RTT p99 during the out-of-order walk (ms) *"
row stall ooo.recovery_ms "ms until echoes resumed after it (-1: not in 10 s)"
row stall ooo.honest_survived "honest session survived the walk"
row leak untiled_echoed "untiled fragment groups delivered and echoed (of 180)"
row leak unsent_bytes_echoed "echoed bytes the tool never sent"
row leak victim_marker_hits "echoes holding another session's secret"
row leak control_echoed "honest 2-piece packets echoed intact (of 20)"
row timeout forged_handshake_accepted "handshake ACK echoing a time 30 s old accepted"
row timeout last_ack_ms "server still answered the silent peer at (ms)"
row timeout dropped "peer dropped within the ${timeout_seconds} s observed"
row timeout echo_bytes_requested "bytes it was asked to queue for the silent peer"
row timeout echo_bytes_received "bytes it sent to it (window-limited)"
echo "* unanswered probes count with the time they have waited (up to 10 s after the phase): a p99 above the 3 s phase means echoes stopped"
echo
echo "full results: $work/<java|c>-<attack>.out; whole run: $(( $(date +%s) - started )) s"
