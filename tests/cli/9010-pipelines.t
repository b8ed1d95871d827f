#!/bin/sh
# The pipelines of eco.7 (section PIPELINES) run as written, each block in
# a fresh copy of examples/demo (holding a regroupements/ folder of two
# projects for the regional example): every line succeeds, no sanitizer
# report.
. "$(dirname "$0")/lib.sh"

awk '/^\.Sh PIPELINES/ { f = 1; next } /^\.Sh / { f = 0 } f' man/eco.7 |
    awk '/^\.Bd -literal/ { b = 1; n++; next } /^\.Ed/ { b = 0; next }
	b { print > (dir "/block-" n ".sh") }' dir="$SCRATCH"
for block in "$SCRATCH"/block-*.sh; do
	[ -f "$block" ] || { not_ok "eco.7 has no PIPELINES blocks"; break; }
	sed -i -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\e/\\/g' "$block"
	rm -rf "$SCRATCH/demo" && cp -R examples/demo "$SCRATCH/demo"
	if grep -q regroupements "$block"; then
		mkdir "$SCRATCH/demo/regroupements" &&
		cp -R examples/demo "$SCRATCH/demo/regroupements/val-des-cedres" &&
		cp -R examples/demo "$SCRATCH/demo/regroupements/autre"
	fi
	(cd "$SCRATCH/demo" && sh -e "$block") >"$SCRATCH/out" 2>"$SCRATCH/err"
	rc=$?
	what=$(head -1 "$block")
	if [ $rc -eq 0 ] && ! grep -q Sanitizer "$SCRATCH/err"; then
		ok "eco.7: $what"
	else
		not_ok "eco.7: $what (status $rc)"
		sed 's/^/# /' "$SCRATCH/err" | head -10
	fi
done
done_testing
