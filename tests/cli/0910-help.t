#!/bin/sh
# --help of every command: the synopsis, every option the man page's
# SYNOPSIS names (a program with subcommands lists theirs too), one
# example, all within the terminal's width (COLUMNS, else 80).
. "$(dirname "$0")/lib.sh"

for bin in $(cd "$ECO_BUILD/bin" && ls eco eco-*); do
	page=man/$bin.1
	COLUMNS=60 $bin --help >"$SCRATCH/help" 2>"$SCRATCH/err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$SCRATCH/err" ]; then
		not_ok "$bin --help: exit 0, nothing on stderr (status $rc)"
		continue
	fi
	missing=
	# the long options (Fl \-name) and the letters (Fl X) of SYNOPSIS
	for o in $(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$page" |
	    grep -o 'Fl \\-[a-z][a-z-]*\|Fl [a-zA-Z]\>' |
	    sed 's/^Fl \\-/--/; s/^Fl /-/' | sort -u); do
		grep -q -e "^ *$o[ ,]" -e "^ *-., $o[ ,]" -e "^ *$o\$" \
		    -e "^ *-., $o\$" "$SCRATCH/help" || missing="$missing $o"
	done
	if [ -z "$missing" ]; then
		ok "$bin --help: every option of its SYNOPSIS"
	else
		not_ok "$bin --help: every option of its SYNOPSIS (missing:$missing)"
	fi
	if grep -q '^usage : ' "$SCRATCH/help" &&
	    grep -q '^exemple : ' "$SCRATCH/help" &&
	    grep -q '^options :' "$SCRATCH/help"; then
		ok "$bin --help: synopsis, options, example"
	else
		not_ok "$bin --help: synopsis, options, example"
	fi
	# within 60 columns, but for a word longer than the line (one after
	# the program's name in a synopsis)
	long=$(python3 -c '
import sys
for i, l in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
	l = l.rstrip("\n")
	if len(l) > 60 and len(l.split()) > 2:
		print(i, l)' "$SCRATCH/help" | head -3)
	if [ -z "$long" ]; then
		ok "$bin --help: within COLUMNS=60"
	else
		not_ok "$bin --help: within COLUMNS=60"
		echo "$long" | sed 's/^/# /'
	fi
done

# The example --help gives is the first of the man page's EXAMPLES, or
# at least one the page shows.
for bin in $(cd "$ECO_BUILD/bin" && ls eco eco-*); do
	ex=$($bin --help | sed -n 's/^exemple : //p')
	first=${ex%% *}
	if [ "$first" = "$bin" ] || [ "$first" = eco ]; then
		ok "$bin --help: the example runs the command"
	else
		not_ok "$bin --help: the example runs the command ($ex)"
	fi
done

done_testing
