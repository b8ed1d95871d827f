#!/bin/sh
# sync-suite.sh [SUITE] - copy the claimed files of the JSON Schema Test
# Suite (draft 2020-12) into tests/conformance/jsonschema-test-suite/.
cd "$(dirname "$0")" || exit 3
src=${1:-../../../shared/jsonschema-test-suite}
mkdir -p jsonschema-test-suite
for f in $(grep -v '^#' claimed) LICENSE; do
	cp "$src/$f" jsonschema-test-suite/ || exit 1
done
