#!/bin/sh
# Every EXAMPLES line of every man page runs, from examples/demo, with
# the commands just built.  A line ".\" status: N" before an example
# gives its expected exit status (0 otherwise); ".\" stdin: FILE" feeds
# it a file of examples/demo.  Nothing may print a sanitizer report.
. "$(dirname "$0")/lib.sh"

unmdoc() {
	sed -e 's/\\e/\\/g' -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" \
	    -e 's/\\(dq/"/g' -e 's/\\&//g' -e 's/\\(Fo/«/g' -e 's/\\(Fc/»/g'
}

for page in man/*.[1-9]; do
	awk '
		/^\.Sh / { ex = ($0 ~ /^\.Sh EXAMPLES/) ; next }
		!ex { next }
		/^\.\\" status: / { st = $3; next }
		/^\.\\" stdin: / { in_ = $3; next }
		/^\.Dl / { sub(/^\.Dl /, ""); print (st == "" ? 0 : st) "\t" (in_ == "" ? "/dev/null" : in_) "\t" $0; st = ""; in_ = "" }
	' "$page" | unmdoc >"$SCRATCH/ex"
	if ! [ -s "$SCRATCH/ex" ]; then
		not_ok "$page has no runnable EXAMPLES"
		continue
	fi
	while IFS='	' read -r st input cmd; do
		(cd examples/demo && sh -c "$cmd" <"$input" >"$SCRATCH/out" 2>"$SCRATCH/err")
		rc=$?
		if [ "$rc" -eq "$st" ] && ! grep -q 'Sanitizer' "$SCRATCH/err"; then
			ok "$page: $cmd"
		else
			not_ok "$page: $cmd (status $rc, expected $st)"
			sed 's/^/# /' "$SCRATCH/err" | head -10
		fi
	done <"$SCRATCH/ex"
done
done_testing
