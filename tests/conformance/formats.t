#!/bin/sh
# The field reference of eco-formats(5) is generated from the schemas by
# tools/gen-formats.py, between the lines ".\" BEGIN généré par
# tools/gen-formats.py" and ".\" END généré".  The page must hold what
# the schemas give today; when this fails, run
#   python3 tools/gen-formats.py --update man/eco-formats.5
# and review the diff.  The generator's --check and --update are checked
# too, on a scratch copy of the page.
. "$(dirname "$0")/../cli/lib.sh"

page=man/eco-formats.5
gen=tools/gen-formats.py

if ! command -v python3 >/dev/null 2>&1; then
	not_ok "python3 (apt-get install python3)"
	done_testing
	exit
fi

if python3 "$gen" --check "$page" >"$SCRATCH/out" 2>"$SCRATCH/err"; then
	ok "$page: the field reference matches schemas/*.schema.json"
else
	not_ok "$page: the field reference differs from the schemas (python3 $gen --update $page)"
	sed 's/^/# /' "$SCRATCH/err" | head -30
fi

# Two runs give the same text: nothing depends on the order of files,
# the date or the locale.
python3 "$gen" >"$SCRATCH/a" 2>&1 &&
    LC_ALL=C PYTHONHASHSEED=1 python3 "$gen" >"$SCRATCH/b" 2>&1
if [ $? -eq 0 ] && cmp -s "$SCRATCH/a" "$SCRATCH/b"; then
	ok "$gen prints the same block twice"
else
	not_ok "$gen prints the same block twice"
fi

# --check sees a change inside the block; --update puts it back and
# leaves the rest of the page alone.
awk '/^\.\\" BEGIN généré/ { print; print "Une ligne de trop."; next } { print }' \
    "$page" >"$SCRATCH/page"
python3 "$gen" --check "$SCRATCH/page" >/dev/null 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok "--check exits 1 when the block differs"; else
	not_ok "--check exits 1 when the block differs (status $rc)"
fi
if python3 "$gen" --update "$SCRATCH/page" 2>"$SCRATCH/err" &&
    cmp -s "$SCRATCH/page" "$page"; then
	ok "--update rewrites the block in place"
else
	not_ok "--update rewrites the block in place"
	sed 's/^/# /' "$SCRATCH/err" | head -10
fi

# A page without the two lines is refused, untouched.
printf '.Dd 2026-11-25\n.Dt X 5\n' >"$SCRATCH/nomark"
cp "$SCRATCH/nomark" "$SCRATCH/nomark.orig"
python3 "$gen" --update "$SCRATCH/nomark" >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ] && cmp -s "$SCRATCH/nomark" "$SCRATCH/nomark.orig"; then
	ok "--update refuses a page without the BEGIN and END lines"
else
	not_ok "--update refuses a page without the BEGIN and END lines (status $rc)"
fi

# Every kind of schemas/ has its subsection.
kinds=$(python3 -c 'import glob, json
for f in sorted(glob.glob("schemas/*.schema.json")):
    k = json.load(open(f, encoding="utf-8")).get("properties", {}).get("kind", {}).get("const")
    if isinstance(k, str):
        print(k)')
for k in $kinds; do
	if grep -q "^\.Ss \"$k \\\\(em " "$page"; then
		ok "$page describes kind $k"
	else
		not_ok "$page describes kind $k"
	fi
done
done_testing
