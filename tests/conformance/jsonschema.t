#!/bin/sh
# The JSON Schema Test Suite, whole, for every file listed in claimed.
# The claimed files are copied, with the suite's LICENSE, into
# tests/conformance/jsonschema-test-suite/ (JSONSCHEMA_SUITE may point at
# a whole checkout instead); tests/conformance/sync-suite.sh refreshes them
# from ../shared/jsonschema-test-suite.
cd "$(dirname "$0")/../.." || exit 3
suite=${JSONSCHEMA_SUITE:-tests/conformance/jsonschema-test-suite}
runner=${ECO_BUILD:-build}/tests/conformance-suite
if ! [ -d "$suite" ]; then
	echo "not ok 1 - JSON Schema Test Suite not found at $suite"
	exit 1
fi
files=
for f in $(grep -v '^#' tests/conformance/claimed); do
	files="$files $suite/$f"
done
"$runner" $files
