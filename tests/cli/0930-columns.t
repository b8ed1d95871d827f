#!/bin/sh
# Text tables fit the terminal: COLUMNS, else 80; cells wrap, dates and
# amounts stay whole; a table wider than the terminal can only be one
# whose dates and amounts alone do not fit.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo

# The widest line of a command's output, in characters.
widest() {
	sh -c "$1" 2>/dev/null | python3 -c '
import sys
print(max((len(l.rstrip("\n")) for l in sys.stdin), default=0))'
}

for c in "eco-vue --vue budget" "eco-vue --vue partenaires" \
    "eco-constats liste -o texte" "eco-constats compte" \
    "eco-constats presente" "eco-facteurs liste" "eco-suivi bilan -o texte" \
    "eco-diagnostic compile" "eco-evaluation decisions"; do
	w80=$(cd $DEMO && widest "$c")
	w60=$(cd $DEMO && COLUMNS=60 widest "$c")
	if [ "$w60" -le 60 ] && [ "$w80" -le 80 ]; then
		ok "$c: within COLUMNS=60 ($w60) and 80 ($w80)"
	else
		not_ok "$c: within COLUMNS=60 ($w60) and 80 ($w80)"
	fi
done

# Without COLUMNS, or with one that is no width, 80.
same 'no COLUMNS: 80' "cd $DEMO && env -u COLUMNS eco-vue" \
    "cd $DEMO && COLUMNS=80 eco-vue"
same 'COLUMNS=abc: 80' "cd $DEMO && COLUMNS=abc eco-vue" \
    "cd $DEMO && COLUMNS=80 eco-vue"
# A wide terminal does not stretch anything.
same 'COLUMNS=300 as 200' "cd $DEMO && COLUMNS=300 eco-vue" \
    "cd $DEMO && COLUMNS=200 eco-vue"
golden columns-60-budget "cd $DEMO && COLUMNS=60 eco-vue --vue budget"
golden columns-60-facteurs "cd $DEMO && COLUMNS=60 eco-facteurs liste --systeme enfant"
# The wrapped cells hold every word: the words of the table at 60 are
# those at 200, rules aside (a word longer than its column is cut:
# compte has none).
words() {
	sh -c "$1" | grep -v '^[-= ]*$' | tr -s ' \n' '\n\n' | sort
}
if [ "$(cd $DEMO && COLUMNS=60 words "eco-constats compte")" = \
    "$(cd $DEMO && COLUMNS=200 words "eco-constats compte")" ]; then
	ok "eco-constats compte: the same words at 60 and 200 columns"
else
	not_ok "eco-constats compte: the same words at 60 and 200 columns"
fi
# Machine formats do not depend on the terminal.
same 'csv: COLUMNS aside' "cd $DEMO && COLUMNS=40 eco-vue -o csv" \
    "cd $DEMO && eco-vue -o csv"

done_testing
