#!/usr/bin/env bash
# Local Step Functions engine throughput vs a hand-written Jackson baseline, same run.
# Usage: bench/engine.sh [rounds]   (default 5). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="$(bench/find-java.sh)"
./mvnw -B -q package -Dmaven.test.skip=true -pl benchmarks -am
"$JAVA" -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.fulfillment.benchmarks.engine.EngineBenchmark "${1:-5}"
