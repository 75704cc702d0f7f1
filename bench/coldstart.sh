#!/usr/bin/env bash
# Cold first invocation of each Lambda: tuned (as deployed) vs naive (SDK defaults), same run.
# Usage: bench/coldstart.sh [rounds] [unpinned]   (default 5 rounds; each cold JVM pinned to one CPU with
# taskset unless "unpinned"). Results go to stdout as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="$(bench/find-java.sh)"
./mvnw -B -q package -Dmaven.test.skip=true -pl benchmarks -am
mkdir -p target/coldstart-jars
cp tasks/target/tasks-lambda.jar api/target/api-lambda.jar target/coldstart-jars/
"$JAVA" -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.fulfillment.benchmarks.coldstart.ColdStartBenchmark \
  target/coldstart-jars benchmarks/target/naive.classpath benchmarks/target/classes "${1:-5}" ${2:+"$2"}
