#!/bin/sh
# npm-deps.sh - the npm packages make check needs, each at one version, in
# build/npm/: yaml-language-server, which tests/cli/0810-editeur.t drives
# as an editor does, and ajv, the stock validator that
# tests/conformance/published.t compares the published schemas with.
# Nothing to do when they are there.
set -e
dir=build/npm
want="yaml-language-server@1.15.0 ajv@8.17.1"	# yls 2.x needs node 22
[ -x "$dir/node_modules/.bin/yaml-language-server" ] &&
    [ -d "$dir/node_modules/ajv/dist" ] && exit 0
command -v npm >/dev/null 2>&1 || sh tools/deps.sh npm
mkdir -p "$dir"
echo "npm-deps.sh: installing $want in $dir" >&2
npm install --prefix "$dir" --no-audit --no-fund --no-save $want >&2
