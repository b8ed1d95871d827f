#!/bin/sh
# run.sh BUILD [cli] - run every test against the commands built in BUILD.
# Unit tests (cmocka), end-to-end scripts (tests/cli/*.t, TAP) and the
# conformance suite; prints one "N passed, N failed" line and fails when
# anything failed.  With "cli", only the end-to-end scripts (make golden).
B=${1:?usage: run.sh BUILD [cli]}
only=$2
top=$(cd "$(dirname "$0")/.." && pwd)
B=$(cd "$B" && pwd)
cd "$top" || exit 3
PATH=$B/bin:$PATH
ECO_LOCALEDIR=$B/locale
LANGUAGE=fr
LC_ALL=C.UTF-8
# one day for every run: reports judged on today stay as the goldens say
ECO_AUJOURDHUI=2026-12-07
# one data folder, whatever PREFIX: worksheets' first line as the goldens say
ECO_DATADIR=/usr/local/share/eco
export PATH ECO_LOCALEDIR LANGUAGE LC_ALL ECO_AUJOURDHUI ECO_DATADIR
unset NO_COLOR ECO_SCHEMAS COLUMNS
pass=0 fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() {	# count a TAP stream read from $log, echo its failures
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	pass=$((pass + p))
	fail=$((fail + f))
	grep '^not ok ' "$log" | sed "s|^|$1: |"
	grep '^# golden .* rewritten' "$log"
}

units="$B"/tests/test_*
scripts="tests/cli/*.t tests/conformance/*.t"
[ "$only" = cli ] && units= scripts="tests/cli/*.t"
# No test may write into the sources' examples: their sums before and after.
sums() { find examples -type f ! -name .eco.lock | LC_ALL=C sort | xargs cksum; }
before=$(mktemp)
trap 'rm -f "$log" "$before"' EXIT
sums >"$before"
for t in $units; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	rc=$?
	count "${t##*/}"
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		fail=$((fail + 1)); echo "${t##*/}: exit $rc"; tail -20 "$log"
	fi
done
for t in $scripts; do
	[ -f "$t" ] || continue
	sh "$t" >"$log" 2>&1
	rc=$?
	count "$t"
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$log"; then
		fail=$((fail + 1)); echo "$t: exit $rc"; tail -20 "$log"
	fi
	[ -n "$VERBOSE" ] && cat "$log"
done
if ! sums | cmp -s - "$before"; then
	fail=$((fail + 1))
	echo "examples/ changed while the tests ran:"
	sums | diff "$before" - | sed -n 's/^[<>] //p' | head -10
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
