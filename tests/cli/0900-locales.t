#!/bin/sh
# Machine formats are the same under every locale (eco(7)): every csv,
# json and yaml output of the commands over the demo gives the same bytes
# and status under LANG=C, under the suite's LANGUAGE=fr, and under
# fr_CA.UTF-8 and fr_FR.UTF-8, which the machine may well not have.  JSON
# keys are French ASCII snake_case (kind and version aside); every
# diagnostic in -o json has a code, the same for one kind of message.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo

# Run "$2" in the demo under environment "$1" (VAR=value words, the
# suite's LANGUAGE and LC_ALL unset first); stdout and status in $3.
run_in() {
	(
		unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE LANG
		cd "$DEMO" && env $1 sh -c "$2" >"$3" 2>/dev/null
		echo "status $?" >>"$3"
	)
}

while IFS= read -r c; do
	case $c in '' | '#'*) continue ;; esac
	run_in "LANGUAGE=fr LC_ALL=C.UTF-8" "$c" "$SCRATCH/fr"
	same=1
	for envs in "LC_ALL=C" "LANG=C.UTF-8" "LANG=fr_CA.UTF-8" \
	    "LANG=fr_FR.UTF-8" "LC_ALL=en_US.UTF-8"; do
		run_in "$envs" "$c" "$SCRATCH/other"
		if ! cmp -s "$SCRATCH/fr" "$SCRATCH/other"; then
			same=0
			not_ok "$c: the same under $envs as under LANGUAGE=fr"
			diff "$SCRATCH/fr" "$SCRATCH/other" | head -6 | sed 's/^/# /'
		fi
	done
	[ $same = 1 ] && ok "$c: the same bytes under every locale"
	# 1 is what the data call for (the plan's warnings, ../invalide)
	if grep -q '^status [2-9]' "$SCRATCH/fr"; then
		not_ok "$c: runs (status $(sed -n 's/^status //p' "$SCRATCH/fr"))"
	fi
done <<'EOF'
eco-vue -o csv
eco-vue -o json
eco-vue --vue calendrier -o csv
eco-vue --vue budget -o yaml
eco-plan actions -o json
eco-plan calendrier -o csv
eco-plan calendrier -o json
eco-plan verifie -o json
eco-demarche etat -o json
eco-facteurs liste -o json
eco-facteurs fiche habiletes-langagieres -o yaml
eco-constats liste -o csv
eco-constats liste -o json
eco-constats compte -o csv
eco-constats presente -o csv
eco-constats montre obs-01 -o json
eco-diagnostic sessions -o json
eco-diagnostic compile --session diag-2027 -o csv
eco-diagnostic compare diag-2026 diag-2027 -o json
eco-evaluation mesures -o csv
eco-evaluation decisions -o csv
eco-evaluation bilan -o json
eco-evaluation revision -o json
eco-suivi a-faire -o json
eco-suivi retards -o csv
eco-suivi bilan -o json
eco-rencontre suivis -o json
eco-communication liste -o csv
eco-communication calendrier -o json
eco-gabarit service
eco-gabarit suivi --exemple
eco-validate -o json ../invalide
EOF

# One language for JSON keys: French words without accents, in
# snake_case; kind and version are the two keys of every document.
for c in "eco-validate -o json ../invalide" "eco-plan verifie -o json" \
    "eco-vue -o json" "eco-demarche etat -o json" "eco-evaluation revision -o json"; do
	run_in "LC_ALL=C" "$c" "$SCRATCH/out"
	bad=$(grep -v '^status' "$SCRATCH/out" | grep -o '"[^"]*":' | sort -u |
	    grep -v '^"[a-z][a-z0-9_]*":$' | head -3)
	english=$(grep -v '^status' "$SCRATCH/out" | grep -o '"[^"]*":' | sort -u |
	    grep -x '"\(file\|line\|column\|path\|check\|severity\|complete\|left\|counts\)":' |
	    head -3)
	if [ -z "$bad$english" ]; then
		ok "$c: JSON keys are French snake_case"
	else
		not_ok "$c: JSON keys are French snake_case ($bad $english)"
	fi
done

# Every diagnostic has a code: the check, a dot, the words of the kind.
run_in "LC_ALL=C" "eco-validate -o json ../invalide" "$SCRATCH/diags"
n=$(grep -c '^{' "$SCRATCH/diags")
good=$(grep -c '"code":"[a-z0-9]*\.[a-z0-9-]*"' "$SCRATCH/diags")
if [ "$n" -gt 10 ] && [ "$n" -eq "$good" ]; then
	ok "eco-validate -o json: a code on each of the $n diagnostics"
else
	not_ok "eco-validate -o json: a code on each diagnostic ($good of $n)"
fi
# One code per kind: two unknown keys, two duplicate keys in other files
# and other places share theirs; different kinds do not.
cat >"$SCRATCH/a.yaml" <<'EOY'
a: 1
a: 2
EOY
cat >"$SCRATCH/b.yaml" <<'EOY'
x: 1

x: [3]
EOY
eco-validate -o json "$SCRATCH/a.yaml" "$SCRATCH/b.yaml" >"$SCRATCH/dups" 2>/dev/null
codes=$(grep -o '"code":"[^"]*"' "$SCRATCH/dups" | sort -u)
if [ "$(grep -c '^{' "$SCRATCH/dups")" -eq 2 ] &&
    [ "$codes" = '"code":"yaml.duplicate-key-already-at-line"' ]; then
	ok "two duplicate keys, one code"
else
	not_ok "two duplicate keys, one code ($codes)"
fi
codes=$(grep -o '"code":"[^"]*"' "$SCRATCH/diags" | sort -u | wc -l)
if [ "$codes" -ge 8 ]; then
	ok "the kinds of examples/invalide have $codes codes"
else
	not_ok "the kinds of examples/invalide have distinct codes ($codes)"
fi

done_testing
