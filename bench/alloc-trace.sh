#!/usr/bin/env bash
# Runs an entitynet program under a JVMTI agent that prints every allocation the main thread makes
# with a given frame on its stack (by default the arena server's tick), with its stack, and the text
# of the Strings among them at exit. For finding what allocates in a tick that should allocate nothing.
#
#   bench/alloc-trace.sh [--arm MS] [--frame 'Lpkg/Class;.method'] -- <./run arguments>
#   bench/alloc-trace.sh --arm 7000 -- arena --seconds 60
#
# Needs gcc and a JDK with include/jvmti.h. Output: lines starting with ALLOC on stderr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
arm=7000
frame='Ldev/entitynet/examples/arena/ArenaServer;.tick'
while [ $# -gt 0 ]; do
  case "$1" in
    --arm) arm="$2"; shift 2 ;;
    --frame) frame="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [--arm MS] [--frame 'Lpkg/Class;.method'] -- <./run arguments>" >&2; exit 2 ;;
  esac
done
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
out="$here/../target/alloc-trace"
mkdir -p "$out"
gcc -shared -fPIC -O2 -I"$java_home/include" -I"$java_home/include/linux" -o "$out/libtraceagent.so" "$here/c/alloc_trace_agent.c"
ENTITYNET_JAVA_OPTS="${ENTITYNET_JAVA_OPTS:-} -agentpath:$out/libtraceagent.so=$arm,$frame" exec "$here/../run" "$@"
