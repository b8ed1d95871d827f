#!/bin/sh
# Man pages: a date both groff and mandoc print as written ("Month day,
# year"), and an ENVIRONMENT section naming what each command reads:
# COLUMNS and the locale everywhere, ECO_AUJOURDHUI where a report is
# judged on today; eco(7) names every variable the sources read.
. "$(dirname "$0")/lib.sh"

months='January|February|March|April|May|June|July|August|September|October|November|December'
for page in man/*.1 man/*.5 man/*.7; do
	dd=$(sed -n 's/^\.Dd //p' "$page")
	if echo "$dd" | grep -Eqx "($months) [1-9][0-9]?, 20[0-9][0-9]"; then
		ok "$page: .Dd $dd"
	else
		not_ok "$page: .Dd in the form Month day, year ($dd)"
	fi
	if command -v groff >/dev/null 2>&1; then
		if groff -mandoc -Tutf8 "$page" 2>/dev/null | tail -3 |
		    grep -q "$dd"; then
			ok "$page: groff prints $dd"
		else
			not_ok "$page: groff prints $dd"
		fi
	fi
	if mandoc -Tutf8 "$page" 2>/dev/null | tail -1 | grep -q "$dd"; then
		ok "$page: mandoc prints $dd"
	else
		not_ok "$page: mandoc prints $dd"
	fi
done

for page in man/*.1; do
	env=$(sed -n '/^\.Sh ENVIRONMENT/,/^\.Sh /p' "$page")
	want="COLUMNS LANGUAGE LC_ALL LANG"
	# a command with --au, or one that reads the project's calendars
	case $page in
	*/eco-communication.1 | */eco-demarche.1 | */eco-evaluation.1 | \
	*/eco-plan.1 | */eco-rencontre.1 | */eco-suivi.1 | */eco-vue.1)
		want="$want ECO_AUJOURDHUI" ;;
	esac
	missing=
	for v in $want; do
		echo "$env" | grep -q "Ev $v\\>" || missing="$missing $v"
	done
	if [ -n "$env" ] && [ -z "$missing" ]; then
		ok "$page: ENVIRONMENT names $want"
	else
		not_ok "$page: ENVIRONMENT (missing:$missing)"
	fi
done

# Every variable the sources read is in eco(7).
env=$(sed -n '/^\.Sh ENVIRONMENT/,/^\.Sh /p' man/eco.7)
missing=
for v in $(grep -ho 'getenv("[A-Z_]*")' lib/*.c cmd/*.c | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	echo "$env" | grep -q "Ev $v\\>" || missing="$missing $v"
done
if [ -z "$missing" ]; then
	ok "eco.7: ENVIRONMENT names every variable the sources read"
else
	not_ok "eco.7: ENVIRONMENT names every variable the sources read (missing:$missing)"
fi

done_testing
