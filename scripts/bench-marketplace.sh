#!/usr/bin/env bash
# Marketplace benchmark (README, Benchmarks): 100,000 ads, nearby and text search, indexing throughput.
exec "$(dirname "$0")/bench.sh" MarketplaceBenchmark
