#!/bin/sh
# The benchmark harness (docs/benchmarks.md): builds the modules, then measures the hub and its physical baselines
# in one run and writes docs/benchmarks.md. Options are the harness's system properties, e.g.
#   ./bench.sh -Dbench.quick=true
#   BENCH_CONDITIONS="quiet machine" ./bench.sh -Dbench.measure=30
# Extra Maven options (e.g. -o for offline) go in MAVEN_ARGS; the load conditions to print in BENCH_CONDITIONS (an
# option value holding spaces cannot pass through -D here).
set -eu
cd "$(dirname "$0")"
args=""
for a in "$@"; do
	case "$a" in
		-D*|-X*) args="$args $a" ;;
		*) echo "usage: $0 [-Dbench.option=value ...] [-X... JVM options of the harness]" >&2; exit 2 ;;
	esac
done
exec ./mvnw -B ${MAVEN_ARGS:-} -Pbench -DskipTests -pl command-center -am verify "-Dbench.args=$args"
