#!/usr/bin/env bash
# Builds and starts the all-in-one Plaza application.
#
# PostgreSQL and Elasticsearch come from DATABASE_URL (+ DATABASE_USER/DATABASE_PASSWORD) and ELASTICSEARCH_URL when
# set; otherwise the app starts embedded ones whose data persists in $PLAZA_DATA_DIR (default <checkout>/.plaza-data).
# Ctrl-C / SIGTERM stops the app and the services it started. Extra arguments go to the application.
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAZA_DATA_DIR="${PLAZA_DATA_DIR:-$PWD/.plaza-data}"

./mvnw -q -B -DskipTests -pl app -am package
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} -jar app/target/plaza.jar "$@"
