#!/usr/bin/env bash
# Runs N hub instances on this machine, on one PostgreSQL and one Redis that you name (docs/deployment.md).
#
#   scripts/run-instances.sh start N     start instances 1..N, wait until each answers /actuator/health with UP
#   scripts/run-instances.sh stop        stop the instances started here (SIGTERM: graceful shutdown)
#   scripts/run-instances.sh status      show which are running, with their ports and health
#
# Required (environment):
#   SPRING_R2DBC_URL        r2dbc:postgresql://host:5432/hub   (the database must exist; migrations run at start)
#   SPRING_DATA_REDIS_URL   redis://host:6379
# Optional:
#   SPRING_R2DBC_USERNAME, SPRING_R2DBC_PASSWORD   (also used for the migrations unless HUB_JDBC_* are set)
#   HUB_REDIS_NAMESPACE     prefix of the hub's Redis keys and channels (default hub); one per hub
#   HUB_RUN_DIR             folder of logs, pid files, data folders and the shared key (default ./run)
#   HUB_SECURITY_KEY_DIR    folder of the signing key shared by all instances (default $HUB_RUN_DIR/keys)
#   HUB_HTTP_BASE_PORT      HTTP port of instance 1; instance i gets base+i-1 (default 8080)
#   HUB_CITY_LINK_BASE_PORT city link (TCP) port of instance 1; instance i gets base+i-1 (default 7000)
#   HUB_JAR                 the application (default command-center/target/command-center.jar)
#   JAVA_OPTS               JVM options (default -Xmx512m)
#   HUB_START_TIMEOUT       seconds to wait for each instance to be healthy (default 180)
# Any other hub setting can be given in its environment form (HUB_..., SPRING_...): every instance inherits it.
#
# The instances never start embedded servers (hub.embedded.enabled=false): an instance that cannot reach the
# PostgreSQL or Redis named here fails to start instead of quietly becoming a hub of its own.
set -euo pipefail

cd "$(dirname "$0")/.."
RUN_DIR=${HUB_RUN_DIR:-run}
JAR=${HUB_JAR:-command-center/target/command-center.jar}
HTTP_BASE=${HUB_HTTP_BASE_PORT:-8080}
LINK_BASE=${HUB_CITY_LINK_BASE_PORT:-7000}
TIMEOUT=${HUB_START_TIMEOUT:-180}

die() {
	echo "run-instances: $*" >&2
	exit 1
}

pids() {
	shopt -s nullglob
	for file in "$RUN_DIR"/instance-*.pid; do
		echo "$file"
	done
}

running() {
	[[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

start() {
	local n=$1
	[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "start needs a number of instances, got '$n'"
	[[ -n "${SPRING_R2DBC_URL:-}" ]] || die "set SPRING_R2DBC_URL, e.g. r2dbc:postgresql://127.0.0.1:5432/hub"
	[[ -n "${SPRING_DATA_REDIS_URL:-}" ]] || die "set SPRING_DATA_REDIS_URL, e.g. redis://127.0.0.1:6379"
	[[ -f "$JAR" ]] || die "no $JAR: build it first (./mvnw -B -DskipTests package)"
	mkdir -p "$RUN_DIR"
	local keys=${HUB_SECURITY_KEY_DIR:-$RUN_DIR/keys}
	local i
	for ((i = 1; i <= n; i++)); do
		local pidfile="$RUN_DIR/instance-$i.pid"
		if running "$pidfile"; then
			echo "instance $i already runs (pid $(cat "$pidfile"))"
			continue
		fi
		local http=$((HTTP_BASE + i - 1)) link=$((LINK_BASE + i - 1))
		mkdir -p "$RUN_DIR/instance-$i"
		# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
		HUB_EMBEDDED_ENABLED=false \
			HUB_REDIS_NAMESPACE=${HUB_REDIS_NAMESPACE:-hub} \
			HUB_DATA_DIR="$RUN_DIR/instance-$i" \
			HUB_SECURITY_KEY_DIR="$keys" \
			SERVER_PORT=$http \
			HUB_CITY_LINK_PORT=$link \
			nohup java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" >>"$RUN_DIR/instance-$i.log" 2>&1 &
		echo $! >"$pidfile"
		echo "instance $i: pid $!, http $http, city link $link, log $RUN_DIR/instance-$i.log"
	done
	for ((i = 1; i <= n; i++)); do
		local http=$((HTTP_BASE + i - 1)) waited=0
		until curl -fsS "http://127.0.0.1:$http/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
			running "$RUN_DIR/instance-$i.pid" || die "instance $i stopped; see $RUN_DIR/instance-$i.log"
			((waited += 2)) || true
			((waited <= TIMEOUT)) || die "instance $i not healthy after ${TIMEOUT}s; see $RUN_DIR/instance-$i.log"
			sleep 2
		done
		echo "instance $i healthy: http://127.0.0.1:$http/actuator/health"
	done
}

stop() {
	local file
	for file in $(pids); do
		if running "$file"; then
			local pid
			pid=$(cat "$file")
			kill "$pid"
			for _ in $(seq 60); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 1
			done
			if kill -0 "$pid" 2>/dev/null; then
				echo "$file: pid $pid still runs after 60 s; stop it yourself" >&2
				continue
			fi
			echo "stopped $(basename "$file" .pid) (pid $pid)"
		fi
		rm -f "$file"
	done
}

status() {
	local file
	for file in $(pids); do
		local i=${file##*instance-}
		i=${i%.pid}
		local http=$((HTTP_BASE + i - 1))
		if running "$file"; then
			echo "instance $i: pid $(cat "$file"), http $http: $(curl -s "http://127.0.0.1:$http/actuator/health" || echo unreachable)"
		else
			echo "instance $i: not running"
		fi
	done
}

case "${1:-}" in
	start) start "${2:-}" ;;
	stop) stop ;;
	status) status ;;
	*) die "usage: $0 start N | stop | status" ;;
esac
