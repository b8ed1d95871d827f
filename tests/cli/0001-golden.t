#!/bin/sh
# The golden harness itself: an empty output has no file, ECO_UPDATE_GOLDEN
# rewrites only the test it names, and a test without its .status fails.
. "$(dirname "$0")/lib.sh"

GOLDEN=$SCRATCH/golden
# Run golden() in a subshell so that its ok/not ok lines are data here.
run() { (_n=0 _fail=0; eval "$1") 2>&1; }

out=$(run 'golden g1 "echo hi"')
case $out in *"not ok"*) ok 'no golden: the test fails' ;; *) not_ok 'no golden: the test fails' ;; esac
ECO_UPDATE_GOLDEN=g1 run 'golden g1 "echo hi"; golden g2 "echo no"' >/dev/null
if [ -f "$GOLDEN/g1.out" ] && [ -f "$GOLDEN/g1.status" ] &&
    [ ! -e "$GOLDEN/g1.err" ] && [ ! -e "$GOLDEN/g2.status" ]; then
	ok 'ECO_UPDATE_GOLDEN=NAME writes only its non-empty outputs'
else
	not_ok 'ECO_UPDATE_GOLDEN=NAME writes only its non-empty outputs'
fi
out=$(run 'golden g1 "echo hi"')
case $out in "ok 1 - g1") ok 'a missing .err means nothing printed' ;; *) not_ok "a missing .err means nothing printed: $out" ;; esac
out=$(run 'golden g1 "echo hi >&2; echo hi"')
case $out in *"not ok"*err*) ok 'an unexpected stderr fails' ;; *) not_ok 'an unexpected stderr fails' ;; esac
ECO_UPDATE_GOLDEN=g1 run 'golden g1 "echo hi; exit 1"' >/dev/null
ECO_UPDATE_GOLDEN=g1 run 'golden g1 "exit 1"' >/dev/null
if [ ! -e "$GOLDEN/g1.out" ] && [ "$(cat "$GOLDEN/g1.status")" = 1 ]; then
	ok 'a rewrite removes an output that became empty'
else
	not_ok 'a rewrite removes an output that became empty'
fi
done_testing
