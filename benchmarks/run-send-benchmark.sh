#!/usr/bin/env bash
# Builds the component and the benchmarks from this work tree, then runs the Send producer benchmark in a JVM of
# its own (the mock Send API runs in a second JVM that the benchmark starts). Extra arguments are JVM options,
# e.g. -Dmessages=20000 -Dinflight=64 -Dlatencies=0,20 -Drounds=3 -Dwarmup=5000 -Dscenarios=component,vertx,jdk
#
# Why not `mvn -pl benchmarks exec:java`: without -am it resolves camel-messenger from the local repository, which
# may hold an older build than this tree; with -am exec:java would run in every module of the reactor.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
exec java ${JAVA_OPTS:--Xms512m -Xmx512m} "$@" -cp "$classpath" \
    "${BENCHMARK:-io.github.camelmessenger.benchmarks.SendBenchmark}"
