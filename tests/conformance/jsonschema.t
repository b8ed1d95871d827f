#!/bin/sh
# The JSON Schema Test Suite, whole, for every file listed in claimed.
# The suite lives beside the project (../shared/jsonschema-test-suite) or
# where JSONSCHEMA_SUITE points.
cd "$(dirname "$0")/../.." || exit 3
suite=${JSONSCHEMA_SUITE:-../shared/jsonschema-test-suite}
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
