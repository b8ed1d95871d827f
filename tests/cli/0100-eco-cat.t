#!/bin/sh
# eco-cat: valid streams in, YAML or JSON out, selection; every error
# the loader reports, with its position, check name and exit status.
. "$(dirname "$0")/lib.sh"

D=tests/cli/data

# --- Valid input -------------------------------------------------------

golden cat-yaml "eco-cat $D/records.yaml"
golden cat-json "eco-cat -o json $D/records.yaml"
golden cat-json-long "eco-cat --format json $D/records.yaml"
golden cat-scalars-yaml "eco-cat $D/scalars.yaml"
golden cat-scalars-json "eco-cat -o json $D/scalars.yaml"
golden cat-anchors-yaml "eco-cat $D/anchors.yaml"
golden cat-anchors-json "eco-cat -o json $D/anchors.yaml"
# An empty sequence as the first thing of a stream.
golden cat-empty-seq "eco-cat -o json $D/empty-seq.yaml"
golden cat-empty-docs "printf -- '---\n---\n# rien\n' | eco-cat"
golden cat-empty-stream "printf '# rien\n' | eco-cat"

# YAML output reads back as the same values.
same 'yaml output reads back the same (records)' \
    "eco-cat -o json $D/records.yaml" "eco-cat $D/records.yaml | eco-cat -o json"
same 'yaml output reads back the same (scalars)' \
    "eco-cat -o json $D/scalars.yaml" "eco-cat $D/scalars.yaml | eco-cat -o json"
same 'yaml output reads back the same (anchors)' \
    "eco-cat -o json $D/anchors.yaml" "eco-cat $D/anchors.yaml | eco-cat -o json"
same 'yaml output is stable' \
    "eco-cat $D/scalars.yaml" "eco-cat $D/scalars.yaml | eco-cat"

# Standard input: no operand, or "-" among the files, in order.
golden cat-stdin "eco-cat -o json" "$D/records.yaml"
golden cat-dash "eco-cat -o json $D/dossier/a.yml - $D/dossier/b.yaml" \
    "$D/records.yaml"

# A folder: its *.yaml and *.yml files, subfolders included, in name
# order; other files and hidden ones are skipped.
golden cat-folder "eco-cat -o json $D/dossier"
golden cat-folder-slash "eco-cat -o json $D/dossier/"

# Selection.
golden cat-kind "eco-cat --kind service $D/records.yaml"
golden cat-kind-two "eco-cat -o json --kind service --kind constat $D/records.yaml"
golden cat-kind-none "eco-cat --kind plan $D/records.yaml"
golden cat-id "eco-cat -o json --id c-transport $D/records.yaml"
golden cat-id-two "eco-cat -o json --id c-transport --id s-halte $D/records.yaml"
golden cat-kind-id "eco-cat -o json --kind constat --id s-halte $D/records.yaml"
golden cat-ou "eco-cat -o json --ou systeme=enfant $D/records.yaml"
golden cat-ou-dotted "eco-cat -o json --ou source.annee=2021 $D/records.yaml"
golden cat-ou-dotted-text "eco-cat -o json --ou 'source.nom=Portrait du quartier' $D/records.yaml"
golden cat-ou-seq "eco-cat -o json --ou facteurs=eveil-langage $D/records.yaml"
golden cat-ou-several "eco-cat -o json --ou clientele=parents --ou gratuit=true $D/records.yaml"
golden cat-ou-several-none "eco-cat -o json --ou clientele=parents --ou gratuit=false $D/records.yaml"
golden cat-ou-where "eco-cat -o json --where places=12 --kind service $D/records.yaml"
golden cat-ou-mapping "eco-cat -o json --ou source=x $D/records.yaml"
golden cat-ou-missing-path "eco-cat -o json --ou source.nom.x=y $D/records.yaml"
golden cat-ou-scalar-root "printf -- '- 1\n' | eco-cat --kind x"

# --- Errors in the data: position, check, status 1 ----------------------

for f in duplicate-key unknown-anchor unknown-tag tag-value merge-scalar \
    tab-indent mapping-values expected-key unclosed-quote invalid-utf8 \
    nul-byte billion-laughs several; do
	golden "cat-err-$f" "eco-cat $D/err-$f.yaml"
done
# A tab where a key should start.
golden cat-err-tab-start "printf 'a:\n\tb: 1\n' | eco-cat"
# A merge of a sequence holding a scalar.
golden cat-err-merge-seq "printf 'a:\n  <<: [{b: 1}, 2]\n' | eco-cat"
# Tags on the wrong kind of node.
golden cat-err-tag-node "printf 'a: !!map x\nb: !!seq {c: 1}\n' | eco-cat"
# Keys equal as values but written differently are duplicates too.
golden cat-err-duplicate-equal "eco-cat $D/err-duplicate-equal.yaml"
# More than 16 keys (a hash table), some of them infinite or NaN floats.
golden cat-keys-many-floats "eco-cat $D/keys-many-floats.yaml"
# Integers past 64 bits: YAML keeps them as written; JSON gets numbers
# (never "inf", which is not JSON).
golden cat-big-ints-yaml "eco-cat $D/big-ints.yaml"
eco-cat -o json $D/big-ints.yaml >"$SCRATCH/big.json" 2>&1
if grep -q '"decimal":9223372036854775808,' "$SCRATCH/big.json" &&
    ! grep -qi 'inf\|nan' "$SCRATCH/big.json"; then
	ok 'big integers in JSON are numbers'
else
	not_ok 'big integers in JSON are numbers'
	sed 's/^/# /' "$SCRATCH/big.json"
fi
# Errors of the same file on stdin are named <stdin>.
golden cat-err-stdin "eco-cat" "$D/err-duplicate-key.yaml"
# Every error of every file, then status 1.
golden cat-err-files "eco-cat $D/err-dup-a.yaml $D/err-dup-b.yaml $D/records.yaml"
# What JSON cannot carry: reported (each value), the document not printed.
golden cat-err-json-inf "eco-cat -o json $D/err-json-inf.yaml $D/dossier/a.yml"
golden cat-err-json-key "eco-cat -o json $D/err-json-complex-key.yaml"

# Every message libyaml can give is translated (none left in English).
printf '%%FOO bar\n--- a\n' >"$SCRATCH/directive.yaml"
printf 'a: b\001c\n' >"$SCRATCH/control.yaml"
printf 'a: "\\uD800"\n' >"$SCRATCH/surrogate.yaml"
printf 'a: "\\xZZ"\n' >"$SCRATCH/hex.yaml"
printf 'a: !<tag:%%zz> b\n' >"$SCRATCH/uri.yaml"
printf '%%TAG !e! a:\n%%TAG !e! b:\n--- x\n' >"$SCRATCH/tagdup.yaml"
printf '%%YAML 1.x\n--- x\n' >"$SCRATCH/version.yaml"
for f in directive control surrogate hex uri tagdup version; do
	eco-cat "$SCRATCH/$f.yaml" >/dev/null 2>"$SCRATCH/err"
	if grep -q 'erreur: ' "$SCRATCH/err" &&
	    ! grep -Eq 'found |while |did not|could not|control char|not allowed|expected ' "$SCRATCH/err"; then
		ok "libyaml message in French ($f)"
	else
		not_ok "libyaml message in French ($f)"
		sed 's/^/# /' "$SCRATCH/err"
	fi
done

# --- Limits -------------------------------------------------------------

# File size (64 MiB): a sparse file says its size without being read.
truncate -s 65M "$SCRATCH/gros.yaml"
golden cat-limit-file "cd \"$SCRATCH\" && eco-cat gros.yaml"
# The same through a pipe, which must be read to be measured.
golden cat-limit-stdin 'head -c 68157440 /dev/zero | tr "\\0" " " | eco-cat'
# Nesting depth (256): 256 levels pass, 257 do not.
awk 'BEGIN { for (i = 0; i < 300; i++) printf "["; for (i = 0; i < 300; i++) printf "]"; print "" }' >"$SCRATCH/profond.yaml"
golden cat-limit-depth "cd \"$SCRATCH\" && eco-cat profond.yaml"
awk 'BEGIN { for (i = 0; i < 256; i++) printf "["; printf "0"; for (i = 0; i < 256; i++) printf "]"; print "" }' >"$SCRATCH/d256.yaml"
awk 'BEGIN { for (i = 0; i < 257; i++) printf "["; printf "0"; for (i = 0; i < 257; i++) printf "]"; print "" }' >"$SCRATCH/d257.yaml"
expect 0 'depth 256 is accepted' "eco-cat \"$SCRATCH/d256.yaml\""
expect 1 'depth 257 is refused' "eco-cat \"$SCRATCH/d257.yaml\""
# Node count (1 000 000): a flow sequence of 1 000 001 items.
awk 'BEGIN { printf "["; for (i = 0; i < 1000000; i++) printf "0,"; print "0]" }' >"$SCRATCH/noeuds.yaml"
golden cat-limit-nodes "cd \"$SCRATCH\" && eco-cat noeuds.yaml"
# Exactly 1 000 000 nodes: the sequence and 999 999 items.
awk 'BEGIN { printf "["; for (i = 1; i < 999999; i++) printf "0,"; print "0]" }' >"$SCRATCH/noeuds-ok.yaml"
expect 0 '1 000 000 nodes are accepted' "eco-cat -o json \"$SCRATCH/noeuds-ok.yaml\""
# Scalar length (1 MiB).
awk 'BEGIN { printf "a: "; for (i = 0; i < 1048577; i++) printf "x"; print "" }' >"$SCRATCH/long.yaml"
golden cat-limit-scalar "cd \"$SCRATCH\" && eco-cat long.yaml"
# Alias expansion (1 000 000): billion laughs, above.

# --- System errors: status 3, the run goes on --------------------------

golden cat-missing "eco-cat $D/absent.yaml $D/dossier/a.yml"
golden cat-missing-and-bad "eco-cat $D/absent.yaml $D/err-dup-a.yaml $D/dossier/b.yaml"
golden cat-dev-full "eco-cat $D/records.yaml >/dev/full"
golden cat-dev-full-json "eco-cat -o json $D/records.yaml $D/records.yaml >/dev/full"
# A folder without YAML: a warning, nothing to print.
golden cat-folder-empty "eco-cat $D/vide"
golden cat-folder-empty-then "eco-cat -o json $D/vide $D/dossier/a.yml"

# --- Usage --------------------------------------------------------------

golden cat-help "eco-cat --help"
golden cat-help-short "eco-cat -h"
golden cat-version "eco-cat --version"
golden cat-bad-format "eco-cat -o xml $D/records.yaml"
golden cat-bad-format-texte "eco-cat -o texte $D/records.yaml"
golden cat-bad-ou "eco-cat --ou systeme $D/records.yaml"
golden cat-bad-ou-empty-key "eco-cat --ou =enfant $D/records.yaml"
# Options through the common table: an empty value, a close name.
golden cat-kind-empty "eco-cat --kind '' $D/records.yaml"
golden cat-option-close "eco-cat --knid service $D/records.yaml"
# getopt's own messages come from the C library: only the status and
# the usage line are checked.
for args in "-x $D/records.yaml" "--bogus $D/records.yaml" -o --kind; do
	expect 2 "eco-cat $args: status 2" "eco-cat $args"
	if grep -q '^usage : eco-cat ' "$SCRATCH/err" && ! [ -s "$SCRATCH/out" ]; then
		ok "eco-cat $args: usage line"
	else
		not_ok "eco-cat $args: usage line"
	fi
done
expect 3 'eco-cat --help >/dev/full: status 3' 'eco-cat --help >/dev/full'
expect 3 'eco-cat --version >/dev/full: status 3' 'eco-cat --version >/dev/full'

# Nothing above may have printed a sanitizer report.
if grep -l 'runtime error\|Sanitizer' "$GOLDEN"/*.err >/dev/null 2>&1; then
	not_ok 'no sanitizer report recorded in the golden files'
else
	ok 'no sanitizer report recorded in the golden files'
fi

done_testing
