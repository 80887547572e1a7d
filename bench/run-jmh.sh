#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH with the project's JVM flags and the GC profiler.
# usage: bench/run-jmh.sh [JMH regex and options...]   e.g. bench/run-jmh.sh LocalHubBenchmark
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/mvnw" -B -q -f "$here/pom.xml" -pl jmh -am package -DskipTests
# JMH forks inherit the host JVM's flags, so the Chronicle flags reach every fork.
# shellcheck disable=SC2046
exec java $(cat "$here/jmh/target/jvm.args") -jar "$here/jmh/target/benchmarks.jar" -prof gc "$@"
