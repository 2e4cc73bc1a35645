#!/usr/bin/env bash
# Runs every test of every module against ONE PostgreSQL and ONE Elasticsearch for the whole build.
#
# If DATABASE_URL and ELASTICSEARCH_URL are both set, they are used as they are. Otherwise dev-services is built and
# DevServicesMain starts whichever is missing (embedded, in a temporary directory) and the variables are exported
# for the Maven build; the services are stopped when this script exits, however it exits.
# Extra arguments go to Maven:  scripts/test.sh -pl dev-services   scripts/test.sh -Dtest=Foo
# Exits with Maven's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

services_pid=""
work=""

# shellcheck disable=SC2317 # invoked by the EXIT trap
stop_services() {
  if [[ -n "$services_pid" ]] && kill -0 "$services_pid" 2>/dev/null; then
    echo "[test.sh] stopping dev services (pid $services_pid)" >&2
    kill -TERM "$services_pid" 2>/dev/null || true
    # Elasticsearch gets 20 s to stop before it is killed; PostgreSQL a few more.
    for _ in $(seq 1 600); do
      kill -0 "$services_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$services_pid" 2>/dev/null; then
      echo "[test.sh] dev services did not stop in 60 s; killing them" >&2
      kill -KILL "$services_pid" 2>/dev/null || true
    fi
    wait "$services_pid" 2>/dev/null || true
  fi
  if [[ -n "$work" ]]; then
    rm -rf "$work" || true
  fi
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${DATABASE_URL:-}" || -z "${ELASTICSEARCH_URL:-}" ]]; then
  ./mvnw -q -B -DskipTests -pl dev-services -am install

  work="$(mktemp -d "${TMPDIR:-/tmp}/plaza-test.XXXXXX")"
  chmod 755 "$work" # Elasticsearch may run as an unprivileged user below it
  ./mvnw -q -B -pl dev-services dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath.txt" -DincludeScope=runtime
  jar=""
  for f in dev-services/target/dev-services-*.jar; do
    case "$f" in *-sources.jar | *-tests.jar | *-javadoc.jar) ;; *) jar="$f" ;; esac
  done
  [[ -n "$jar" ]] || { echo "[test.sh] dev-services jar not found" >&2; exit 1; }
  java_bin="java"
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
  fi

  echo "[test.sh] starting PostgreSQL/Elasticsearch for the build (log: $work/dev-services.log)" >&2
  "$java_bin" -Xmx256m -Dslf4j.internal.verbosity=ERROR -Dplaza.devservices.throwaway=true -cp "$jar:$(cat "$work/classpath.txt")" \
    co.plaza.devservices.DevServicesMain "$work/data" --env-file "$work/services.env" --watch-pid $$ \
    >"$work/dev-services.log" 2>&1 &
  services_pid=$!

  for _ in $(seq 1 3000); do # up to 300 s
    [[ -f "$work/services.env" ]] && break
    if ! kill -0 "$services_pid" 2>/dev/null; then
      echo "[test.sh] dev services failed to start:" >&2
      cat "$work/dev-services.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [[ ! -f "$work/services.env" ]]; then
    echo "[test.sh] dev services not ready after 300 s:" >&2
    cat "$work/dev-services.log" >&2
    exit 1
  fi
  while IFS= read -r line; do
    if [[ "$line" == *=* ]]; then
      export "${line?}"
    fi
  done <"$work/services.env"
  echo "[test.sh] DATABASE_URL=$DATABASE_URL ELASTICSEARCH_URL=$ELASTICSEARCH_URL" >&2
fi

# Maven runs in the background so that a SIGTERM/SIGINT to this script is handled at once (bash defers traps while
# a foreground child runs): it is passed on to Maven, then the EXIT trap stops the services.
rc=0
./mvnw -B verify "$@" &
mvn_pid=$!
trap 'kill -TERM "$mvn_pid" 2>/dev/null || true; wait "$mvn_pid" 2>/dev/null || true; exit 130' INT
trap 'kill -TERM "$mvn_pid" 2>/dev/null || true; wait "$mvn_pid" 2>/dev/null || true; exit 143' TERM
wait "$mvn_pid" || rc=$?
exit "$rc"
