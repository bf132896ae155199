#!/usr/bin/env bash
# PDF evidence report of 200 annotations with stills of 1920x1080 frames (target: <= 15 s).
# Usage: bench/report-pdf.sh [ANNOTATIONS]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx2g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.frameproof.exchange.ReportPdfBench "${1:-200}"
