#!/bin/sh
# eco, the dispatcher: "eco TOOL ARG..." runs eco-TOOL with the same
# arguments and exit status; "eco" alone lists the tools it finds;
# --help, --version; usage errors exit 2 with the usage line.
. "$(dirname "$0")/lib.sh"

bin=$(dirname "$(command -v eco)")

# A stable world for the list: a copy of eco and eco-cat in a folder of
# their own, PATH reduced to it and the system folders, plus decoys.
mkdir -p "$SCRATCH/bin" "$SCRATCH/path" "$SCRATCH/eco-dossier"
cp "$bin/eco" "$bin/eco-cat" "$SCRATCH/bin/"
printf '#!/bin/sh\necho "faux eco-cat $*"\n' >"$SCRATCH/path/eco-cat"
printf '#!/bin/sh\necho "eco-zz: $# argument(s): $*"\nexit 7\n' >"$SCRATCH/path/eco-zz"
printf 'not a program\n' >"$SCRATCH/path/eco-texte"
mkdir -p "$SCRATCH/path/eco-dossier"
chmod +x "$SCRATCH/path/eco-cat" "$SCRATCH/path/eco-zz"
export SCRATCH

golden eco-list 'PATH="$SCRATCH/bin:/usr/bin:/bin" eco'
# Tools beside eco and on PATH, each once, in name order; neither a
# file that cannot run nor a folder named eco-* is a tool.
golden eco-list-path 'PATH="$SCRATCH/bin:$SCRATCH/path:/usr/bin:/bin" "$SCRATCH/bin/eco"'
# The real build: every eco-* program built is listed.
for t in "$bin"/eco-*; do
	name=${t##*/eco-}
	if PATH="$bin:/usr/bin:/bin" eco | grep -qx "  $name"; then
		ok "eco lists $name"
	else
		not_ok "eco lists $name"
	fi
done

# Dispatch: arguments, stdin and the exit status pass through.
golden eco-cat-dispatch 'eco cat -o json tests/cli/data/records.yaml'
same 'eco cat is eco-cat' 'eco cat --kind service tests/cli/data/records.yaml' \
    'eco-cat --kind service tests/cli/data/records.yaml'
golden eco-cat-stdin 'printf "a: [1, 2]\n" | eco cat -o json -'
golden eco-cat-status 'eco cat tests/cli/data/err-duplicate-key.yaml'
golden eco-cat-sys-status 'eco cat tests/cli/data/absent.yaml'
golden eco-cat-version 'eco cat --version'
# The tool beside eco wins over one earlier on PATH (a build tree runs
# its own tools); a tool found only on PATH runs too.
golden eco-beside-first 'PATH="$SCRATCH/path:$PATH" "$SCRATCH/bin/eco" cat --version'
golden eco-path-tool 'PATH="$SCRATCH/path:/usr/bin:/bin" "$SCRATCH/bin/eco" zz "un deux" trois'

# Help and version.
golden eco-help 'eco --help'
golden eco-help-short 'eco -h'
golden eco-version 'eco --version'
golden eco-version-short 'eco -V'

# Usage errors: exit 2, one message, the usage line.
golden eco-unknown-tool 'eco nimporte'
golden eco-not-a-tool-path 'eco ../eco-cat'
golden eco-not-a-program 'PATH="$SCRATCH/path:/usr/bin:/bin" "$SCRATCH/bin/eco" texte'
# eco takes no option of its own before the tool: eco-cat's options go
# after "cat".
golden eco-option-before-tool 'eco -o json cat tests/cli/data/records.yaml'
golden eco-long-option-before-tool 'eco --kind service cat tests/cli/data/records.yaml'
# A common option eco does not take is said so.
golden eco-format-before-tool 'eco --format json cat tests/cli/data/records.yaml'

# A failed write of the list, of --help or of --version is a system
# error (3) and says so.
expect 3 'eco >/dev/full: status 3' 'eco >/dev/full'
expect 3 'eco --help >/dev/full: status 3' 'eco --help >/dev/full'
expect 3 'eco --version >/dev/full: status 3' 'eco --version >/dev/full'
for a in '' --help --version; do
	if eco $a 2>&1 >/dev/full | grep -q .; then
		ok "eco $a >/dev/full: a message"
	else
		not_ok "eco $a >/dev/full: a message (silent)"
	fi
done

done_testing
