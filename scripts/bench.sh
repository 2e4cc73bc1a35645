#!/usr/bin/env bash
# Runs one benchmark client (app/src/test/java/co/plaza/app/bench/<Name>) against the all-in-one deployment:
# starts PostgreSQL + Elasticsearch (embedded) and the platform on a fresh data directory, runs the client, which
# prints a table, and stops everything. Usage: scripts/bench.sh WriteBenchmark
# The client gets: port, JDBC URL, user, password, the platform's data directory, Elasticsearch URL; and the
# platform's pid in BENCH_APP_PID (to record it with JFR). JAVA_OPTS go to the platform's JVM only.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:?usage: scripts/bench.sh <BenchmarkClass>}
work=$(mktemp -d)
chmod 755 "$work" # Elasticsearch runs as an unprivileged user below it when started as root
app_pid=""
svc_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    [ -n "$svc_pid" ] && kill "$svc_pid" 2>/dev/null && wait "$svc_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# builds in the reactor and writes nothing to ~/.m2 (other checkouts share it); the app's test classpath names the
# modules' jars in their target directories (each module writes the file in turn, the app last)
./mvnw -q -o -B -DskipTests package dependency:build-classpath -pl app -am -DincludeScope=test \
    -Dmdep.outputFile="$work/app.cp" >/dev/null
./mvnw -q -o -B -pl dev-services dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/dev.cp" >/dev/null
java -cp "dev-services/target/classes:$(cat "$work/dev.cp")" co.plaza.devservices.DevServicesMain "$work/services" \
    --env-file "$work/services.env" --watch-pid $$ >"$work/services.log" 2>&1 &
svc_pid=$!
for _ in $(seq 1 300); do [ -f "$work/services.env" ] && break; sleep 1; done
set -a; . "$work/services.env"; set +a

port=${BENCH_PORT:-18080}
export PLAZA_ADMIN_USERNAME=bench-admin PLAZA_ADMIN_PASSWORD=Bench-Admin-Clave-1
# the clients register their accounts from one address: more than the 20 per address production allows
SERVER_PORT=$port PLAZA_DATA_DIR="$work/app" java -Dplaza.auth.register.max-per-address=1000 ${JAVA_OPTS:-} -jar app/target/plaza.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/health/" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health/" >/dev/null || { tail -50 "$work/app.log"; exit 1; }

BENCH_APP_PID=$app_pid java -cp "app/target/test-classes:platform/target/test-classes:app/target/classes:$(cat "$work/app.cp")" \
    "co.plaza.app.bench.$bench" "$port" "$DATABASE_URL" "$DATABASE_USER" "$DATABASE_PASSWORD" "$work/app" \
    "${ELASTICSEARCH_URL:-}"
