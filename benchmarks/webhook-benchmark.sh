#!/usr/bin/env bash
# Webhook consumer throughput: wrk (64 connections, loopback) against
#   (a) messenger:webhook with a route that only counts, and
#   (b) a plain platform-http route that verifies the HMAC and parses with Jackson,
# both in one Camel Main (Vert.x platform-http) started by WebhookBenchmark.
# Usage: benchmarks/webhook-benchmark.sh [seconds=20] [warmup=10] [rounds=2] [connections=64] [threads=2] [port=18080]
#        [ingress=platform-http]   (serve (a) through a platform-http consumer, as on servlet engines)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk > /dev/null; then
  echo "wrk not found: installing the Debian package" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y wrk || { $SUDO apt-get update && $SUDO apt-get install -y wrk; }
fi

# package (never install): the benchmark runs from the reactor's jars
./mvnw -B -q -pl benchmarks -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

echo "java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xms512m -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.github.camelmessenger.benchmarks.webhook.WebhookBenchmark "$@"
