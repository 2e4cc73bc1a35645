#!/usr/bin/env bash
# Write benchmark (README, Benchmarks): ad create and profile PATCH at 1 and 8 clients beside raw JDBC, projection lag.
exec "$(dirname "$0")/bench.sh" WriteBenchmark
