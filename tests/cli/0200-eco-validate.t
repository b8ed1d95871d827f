#!/bin/sh
# eco-validate: every file of examples/invalide with its exact diagnostics,
# the demo project clean, and each option, output form and exit status.
. "$(dirname "$0")/lib.sh"

for f in examples/invalide/*.yaml; do
	n=${f##*/}
	golden "validate-invalide-${n%.yaml}" "eco-validate $f"
done
golden validate-invalide-all "eco-validate -j 2 examples/invalide"
golden validate-invalide-json "eco-validate -q -o json examples/invalide"
golden validate-demo "eco-validate examples/demo"
golden validate-demo-quiet "eco-validate -q examples/demo"
golden validate-demo-here "cd examples/demo/rencontres && eco-validate"
golden validate-one-file-of-project "cd examples/demo && eco-validate plan.yaml suivis"
golden validate-stdin "eco-cat --kind constat examples/demo/constats.yaml | eco-validate -"
golden validate-stdin-bad "printf 'kind: constat\nversion: 1\nid: x\nenonce: e\nsysteme: famile\nnature: enjeu\nanalyse: situation\n' | eco-validate -"
golden validate-strict "cd $SCRATCH && printf 'kind: suivi\nversion: 1\nid: s1\naction: a\ndate: 2027-01-10\nstatut: abandonnee\n' >s.yaml && { eco-validate s.yaml; echo \$?; eco-validate --strict s.yaml; }"
golden validate-schema-generic "eco-validate --schema schemas/constat.schema.json examples/invalide/valeur-enum-inconnue.yaml"
golden validate-schema-meta "eco-validate --schema schemas/meta/schema.json schemas/plan.schema.json"
golden validate-schema-bad "cd $SCRATCH && printf '{\"type\": 12}' >bad.json && eco-validate --schema bad.json $PWD/examples/demo/eco.yaml"
golden validate-schema-missing "eco-validate --schema nulle-part.json examples/demo/eco.yaml"
golden validate-no-project "cd $SCRATCH && eco-validate"
golden validate-missing-file "eco-validate absent.yaml examples/demo/eco.yaml"
golden validate-bad-jobs "eco-validate -j 0 examples/demo"
golden validate-bad-format "eco-validate -o xml examples/demo"
golden validate-help "eco-validate --help"
golden validate-jobs-long "eco-validate --jobs=300 examples/demo"
golden validate-option-close "eco-validate --stirct examples/demo"
golden validate-dossier-long "eco-validate -q --dossier examples/demo; echo \$?"
golden validate-dev-full "eco-validate -o json examples/invalide/cle-inconnue.yaml >/dev/full"
# Only regular files are read from folders: a FIFO named like a YAML file
# is skipped (it would block), a symbolic link back up is said once.
P=$SCRATCH/fichiers
mkdir -p "$P"
cp -R examples/demo/. "$P/"
mkfifo "$P/suivis/tube.yaml"
mkdir "$P/suivis/boucle"
ln -s .. "$P/suivis/boucle/haut"
golden validate-fifo-and-loop "cd $P && timeout 60 eco-validate"
golden validate-fifo-and-loop-folder "cd $P && timeout 60 eco-validate -o json suivis"
# A plan whose YAML cannot be read: its ids are unknown, so the references
# to its actions and indicators are not judged (one note says how many)
# instead of a false « introuvable » for each; the same with the plan
# alone among the operands, and a suivi of an action truly missing while
# the plan reads is still refused.
C=$SCRATCH/casse
mkdir -p "$C"
cp -R examples/demo/. "$C/"
printf 'kind: plan\nversion: 1: x\n' >"$C/plan.yaml"
golden validate-plan-unread "cd $C && eco-validate"
golden validate-plan-unread-suivis "cd $C && eco-validate suivis"
# A project keeps one plan: a second one (an old copy left in suivis/) is
# said first, at its kind:.  The same file named twice, or by its name and
# through its folder, is read once.
D=$SCRATCH/deux-plans
mkdir -p "$D"
cp -R examples/demo/. "$D/"
cp examples/demo/plan.yaml "$D/suivis/vieux-plan.yaml"
golden validate-second-plan "cd $D && eco-validate 2>&1 | head -2"
golden validate-same-file-twice "cd examples/demo && eco-validate plan.yaml ./plan.yaml . suivis"
# Two projects in one run: each project's checks come after its last file.
for x in a b; do
	mkdir -p "$SCRATCH/deux/$x/suivis"
	cp examples/demo/eco.yaml "$SCRATCH/deux/$x/"
	printf 'kind: suivi\nversion: 1\nid: s-%s\naction: act-%s\ndate: 2027-01-10\nstatut: en-cours\nnotes: [1]\n' \
	    $x $x >"$SCRATCH/deux/$x/suivis/s.yaml"
done
golden validate-two-projects "cd $SCRATCH/deux && eco-validate a b"
eco-validate -j 1 examples/invalide examples/demo >"$SCRATCH/j1" 2>&1
eco-validate -j 2 examples/invalide examples/demo >"$SCRATCH/j2" 2>&1
if cmp -s "$SCRATCH/j1" "$SCRATCH/j2" && [ -s "$SCRATCH/j1" ]; then
	ok 'output order does not depend on -j'
else
	not_ok 'output order does not depend on -j'
fi
expect 1 'a batch with one bad project fails' 'eco-validate examples/demo examples/invalide'
expect 0 'the demo project is valid' 'eco-validate -q examples/demo'
done_testing
