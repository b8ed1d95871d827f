#!/bin/sh
# eco-cat -o json prints the same values that a careful YAML 1.2 reader
# (node-yaml, core schema) reads, over the YAML test suite's cases and
# eco's own fixtures; and refuses the suite's invalid cases.  Needs the
# Debian packages nodejs and node-yaml.  TAP from yaml-compare.js.
cd "$(dirname "$0")/../.." || exit 3
eco_cat=$(command -v eco-cat) || { echo "not ok 1 - eco-cat not on PATH"; echo "1..1"; exit 1; }
if ! command -v node >/dev/null 2>&1; then
	echo "not ok 1 - node not found (apt-get install nodejs node-yaml)"
	echo "1..1"
	exit 1
fi
exec node tests/conformance/yaml-compare.js "$eco_cat" tests/conformance/yaml
