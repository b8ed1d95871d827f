#!/bin/sh
# Guidance that can be trusted: in a series of project states (a new
# project, its meetings planned, the analysis done, the plan done, the
# demo), every command that eco and eco-demarche etat advise, and every
# command the cycle's objectives name, runs exactly as printed: never a
# usage error (status 2) nor a system error, never a sanitizer report.
# Each runs in its own copy of the state, so that one that writes leaves
# the next to find the state as it was.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo
top=$PWD

# The states.
eco-init --nom 'Regroupement neuf' --territoire 'Lac-Vert' "$S/neuf" >/dev/null 2>&1
cp -R "$S/neuf" "$S/planifie"
(cd "$S/planifie" && eco-rencontre planifie --debut 2027-01-14 >/dev/null 2>&1)
cp -R $DEMO "$S/analyse"
rm -rf "$S/analyse/plan.yaml" "$S/analyse/suivis" "$S/analyse/evaluations" \
    "$S/analyse/communication.yaml" "$S/analyse/diagnostics"
cp -R $DEMO "$S/plan"
rm -rf "$S/plan/suivis" "$S/plan/evaluations" "$S/plan/diagnostics"
cp -R $DEMO "$S/demo"

# What the objectives of the cycle name, once per command (the outils name
# their programs, not command lines).
awk '/^            commande: / { sub(/^ *commande: /, ""); print }' data/demarche.yaml |
    sort -u >"$S/cycle"
expect 0 'the cycle names commands' "test -s $S/cycle"

n=0
for state in neuf planifie analyse plan demo; do
	(cd "$S/$state" && { eco; eco-demarche etat; } 2>/dev/null) |
	    sed -n 's/^ *\$ //p' >"$S/advised"
	expect 0 "$state: eco advises a next command" "test -s $S/advised"
	sort -u "$S/advised" "$S/cycle" >"$S/all"
	while IFS= read -r c; do
		n=$((n + 1))
		rm -rf "$S/run"
		cp -R "$S/$state" "$S/run"
		(cd "$S/run" && sh -c "$c" </dev/null >/dev/null 2>"$S/err")
		rc=$?
		if [ "$rc" -lt 2 ] && ! grep -q 'Sanitizer\|runtime error' "$S/err"; then
			ok "$state: $c"
		else
			not_ok "$state: $c (status $rc)"
			sed 's/^/# /' "$S/err" | head -5
		fi
	done <"$S/all"
done
cd "$top" || exit 3
done_testing
