#!/usr/bin/env bash
# Identity benchmark (README, Benchmarks): profile updates and projection lag.
exec "$(dirname "$0")/bench.sh" IdentityBenchmark
