#!/bin/sh
# sync-suite.sh [SUITE] - copy the claimed files of the JSON Schema Test
# Suite (draft 2020-12) into tests/conformance/jsonschema-test-suite/.
# ../shared holds the suite without optional/: for optional/format/, give
# the tests/draft2020-12 folder of an upstream checkout as SUITE.
cd "$(dirname "$0")" || exit 3
src=${1:-../../../shared/jsonschema-test-suite}
mkdir -p jsonschema-test-suite
for f in $(grep -v '^#' claimed) LICENSE; do
	mkdir -p "jsonschema-test-suite/$(dirname "$f")" &&
	    cp "$src/$f" "jsonschema-test-suite/$f" || exit 1
done
