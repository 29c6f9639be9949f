# Shared by the bench/ scripts (sourced, not run).
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

# start_service LOG [VAR=value ...]: starts the jar ($jar) on $port with the given environment,
# sets $service_pid and waits for /actuator/health UP (fails with the log's tail if it dies).
# Tomcat's work directory is a temporary one, removed by stop_service.
start_service() {
	local log=$1
	shift
	service_tomcat=$(mktemp -d)
	env SERVER_PORT="$port" SERVER_TOMCAT_BASEDIR="$service_tomcat" "$@" java -jar "$jar" > "$log" 2>&1 &
	service_pid=$!
	until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
		kill -0 "$service_pid" 2>/dev/null || { tail -30 "$log" >&2; return 1; }
		sleep 0.2
	done
}

stop_service() {
	if [ -n "${service_pid:-}" ]; then
		kill "$service_pid" 2>/dev/null || true
		wait "$service_pid" 2>/dev/null || true
		service_pid=
	fi
	rm -rf "${service_tomcat:-}"
	service_tomcat=
}

jdbc_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }

# result NAME FIGURE BASELINE RATIO: the line bench/run collects into its table
result() { printf 'RESULT %s|%s|%s|%s\n' "$1" "$2" "$3" "$4"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.3f\n", a / b }'; }

# profile_start NAME / profile_stop NAME TITLE: with PROFILE=1, records the service ($service_pid)
# with JFR into $work/NAME.jfr and prints where its request threads spent their time
profile_start() {
	[ "${PROFILE:-0}" = 1 ] || return 0
	jcmd "$service_pid" JFR.start name="$1" settings=profile filename="$work/$1.jfr" > /dev/null
}
profile_stop() {
	[ "${PROFILE:-0}" = 1 ] || return 0
	jcmd "$service_pid" JFR.stop name="$1" > /dev/null
	echo "== where the time goes: $2" >&2
	bench/jfr-hot-methods "$work/$1.jfr" >&2
}
