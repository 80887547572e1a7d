#!/usr/bin/env bash
# What secure mode costs end to end: the Java echo server (./run enet-echo server, inline mode) once
# plain and once secure (connect tokens, ChaCha20-Poly1305 on every datagram), both running side by
# side, driven by the same Java load client (./run enet-echo load: <window> reliable packets of
# <size> bytes in flight, plain, or with a token minted for each run by ./run enet-echo token).
#
# Each server gets one unmeasured warm-up run per size first. Then <rounds> rounds, each of which
# measures every size on both servers, alternating which server goes first, because the machine is
# shared and noisy. Per run:
#  - server CPU per echoed message: user + system time of the server process (from /proc/<pid>/stat)
#    while the load client's measured window is open (it prints MEASURE_START and MEASURE_END after
#    its 1 s warm-up), divided by the echoes counted in that window;
#  - bytes per datagram: the average size of the server's datagrams as the load client received
#    them over the whole run, on the wire, and for the secure server also as ENet made them (the
#    difference is what sealing adds: prefix, sequence number and tag).
# The table gives medians over the rounds; "secure / plain" is the median of the rounds' ratios.
# usage: bench/secure-compare.sh [seconds=5] [window=64] [sizes="64 1200"] [rounds=5]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-5}"; window="${2:-64}"; sizes="${3:-64 1200}"; rounds="${4:-5}"
work="$here/bench/target"; mkdir -p "$work"
# Build the Java side up front so its compile time is not part of the run.
"$here/run" >/dev/null 2>&1 || true

key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
protocol=4242
port_plain=47831; port_secure=47832
runs_per_server=$(( (rounds + 1) * $(wc -w <<< "$sizes") ))
lifetime=$(( runs_per_server * 2 * (seconds + 6) + 60 ))
"$here/run" enet-echo server --port "$port_plain" --bind 127.0.0.1 --channels 2 --seconds "$lifetime" > "$work/plain-server.log" &
plain_pid=$!
"$here/run" enet-echo server --port "$port_secure" --bind 127.0.0.1 --channels 2 --seconds "$lifetime" \
  --secure-key-hex "$key" --protocol "$protocol" > "$work/secure-server.log" &
secure_pid=$!
trap 'kill $plain_pid $secure_pid 2>/dev/null || true' EXIT
for log in plain-server secure-server; do
  for _ in $(seq 1 100); do grep -q listening "$work/$log.log" 2>/dev/null && break; sleep 0.1; done
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# measure plain|secure <size>: one load run; prints
# "<msgs/s> <server CPU us per message> <server datagram bytes, wire> <the same as ENet made them>"
measure() {
  local pid port token=()
  if [ "$1" = plain ]; then
    pid=$plain_pid; port=$port_plain
  else
    pid=$secure_pid; port=$port_secure
    # a token connects from one client address: each run (a new client port) needs its own
    "$here/run" enet-echo token --secure-key-hex "$key" --protocol "$protocol" --host 127.0.0.1 --port "$port" \
      --out "$work/token.bin"
    token=(--token-file "$work/token.bin")
  fi
  "$here/run" enet-echo load --host 127.0.0.1 --port "$port" --seconds "$seconds" --window "$window" --size "$2" "${token[@]}" | {
    local t0=0 t1=0 rate=0 echoes=0 wire=0 enet=0
    while read -r name a b c; do
      case "$name" in
        MEASURE_START) t0=$(cpu_ticks "$pid") ;;
        MEASURE_END) t1=$(cpu_ticks "$pid") ;;
        MSGS_PER_SEC) rate=$a ;;
        MEASURED_ECHOES) echoes=$a ;;
        DATAGRAMS_RECEIVED) wire=$b; enet=$c ;;
      esac
    done
    if (( echoes == 0 )); then echo "a $1 load run of ${2} B echoed nothing: see $work/*-server.log" >&2; exit 1; fi
    awk -v r="$rate" -v n="$echoes" -v t=$((t1 - t0)) -v hz="$hz" -v w="$wire" -v e="$enet" \
      'BEGIN { printf "%d %.3f %.2f %.2f\n", r, (n > 0 ? t / hz * 1e6 / n : 0), w, e }'
  }
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "secure vs plain Java echo server: reliable packets, window ${window}, ${seconds} s measured per run, one Java load client"
echo "warm-up: one unmeasured run per size on each server"
for size in $sizes; do measure plain "$size" >/dev/null; measure secure "$size" >/dev/null; done

declare -A rate cpu wire enet ratio last_cpu
for round in $(seq 1 "$rounds"); do
  for size in $sizes; do
    if (( round % 2 == 1 )); then order="plain secure"; else order="secure plain"; fi
    for mode in $order; do
      result=$(measure "$mode" "$size")
      read -r r c w e <<< "$result"
      rate[$mode,$size]+="$r "; cpu[$mode,$size]+="$c "; wire[$mode,$size]+="$w "; enet[$mode,$size]+="$e "
      last_cpu[$mode]=$c
    done
    ratio[$size]+="$(awk -v s="${last_cpu[secure]}" -v p="${last_cpu[plain]}" 'BEGIN { printf "%.4f", (p > 0 ? s / p : 0) }') "
    echo "round $round, ${size} B: plain ${last_cpu[plain]} us CPU/msg, secure ${last_cpu[secure]} us CPU/msg"
  done
done

echo
printf '%-6s %-14s %10s %12s %16s %16s\n' "size" "server" "msgs/s" "CPU us/msg" "B/datagram wire" "B/datagram ENet"
for size in $sizes; do
  for mode in plain secure; do
    # shellcheck disable=SC2086
    printf '%-6s %-14s %10.0f %12.3f %16.1f %16.1f\n' "$size" "$mode" "$(median ${rate[$mode,$size]})" \
      "$(median ${cpu[$mode,$size]})" "$(median ${wire[$mode,$size]})" "$(median ${enet[$mode,$size]})"
  done
  # shellcheck disable=SC2086
  awk -v rr="$(median ${ratio[$size]})" -v sr="$(median ${rate[secure,$size]})" -v pr="$(median ${rate[plain,$size]})" \
      -v sw="$(median ${wire[secure,$size]})" -v se="$(median ${enet[secure,$size]})" -v pw="$(median ${wire[plain,$size]})" \
      -v size="$size" 'BEGIN {
    printf "%-6s %-14s %10.2f %12.3f %16s %16s\n", size, "secure / plain", sr / pr, rr,
      sprintf("%+.1f", sw - pw), sprintf("sealing %+.1f", sw - se) }'
done
echo "(secure / plain: msgs/s ratio of medians, CPU per message median of the rounds' ratios; bytes: secure minus plain on the wire,"
echo " and what sealing adds to the secure server's own datagrams; rounds' CPU ratios for each size:"
for size in $sizes; do echo "  ${size} B: ${ratio[$size]}"; done
echo ")"
