#!/usr/bin/env bash
# Media benchmark (README, Benchmarks): upload throughput beside a raw write of the same bytes to the same store.
exec "$(dirname "$0")/bench.sh" MediaBenchmark
