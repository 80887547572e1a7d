#!/usr/bin/env bash
# Runs the whole JMH suite with short settings and writes bench-results/jmh-result.json and
# bench-results/summary.md (throughput and B/op per benchmark). When bench/enet-compare.sh exists
# and libenet is installed, the libenet comparison is appended to the summary.
# usage: bench/suite.sh [--include REGEX] [--iterations N] [--out DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/bench-results"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--out" ] && out="${args[$((i + 1))]}"
done
"$here/mvnw" -B -q -f "$here/pom.xml" -pl jmh -am package -DskipTests
# shellcheck disable=SC2046
java $(cat "$here/jmh/target/jvm.args") -cp "$here/jmh/target/benchmarks.jar" dev.entitynet.jmh.Suite --out "$out" "$@"
if [ -x "$here/bench/enet-compare.sh" ] && [ -f /usr/include/enet/enet.h ]; then
  { echo; echo "## libenet comparison"; echo; echo '```'; "$here/bench/enet-compare.sh"; echo '```'; } >> "$out/summary.md"
fi
cat "$out/summary.md"
