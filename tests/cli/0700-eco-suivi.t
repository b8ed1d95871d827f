#!/bin/sh
# eco-suivi: the follow-ups due as records (and on the next agenda), the
# sheets pre-filled from the plan in yaml, md and html, returned sheets
# received (checked, whole or not at all, never twice), late and silent
# actions with their exit status, the bilan in every format; the cycle's
# objectives suivre-plan and ajuster-actions judged by what eco-suivi
# computes; every error.  --au fixes the day so the goldens hold.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
D=-C\ $DEMO

# A scratch copy of a project, made afresh: new_copy NAME [FROM]
new_copy() {
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r "${2:-$DEMO}/." "$SCRATCH/$1/"
}

# --- a-faire ---------------------------------------------------------------

golden suivi-afaire-texte "eco-suivi $D a-faire --au 2027-12-15 -o texte"
golden suivi-afaire-yaml "eco-suivi $D a-faire --au 2027-03-31"
golden suivi-afaire-json-responsable \
    "eco-suivi $D a-faire --au 2027-12-15 --responsable maison-famille -o json"
golden suivi-afaire-none "eco-suivi $D a-faire --au 2026-12-01"
same 'due is a-faire' "eco-suivi $D due --au 2027-12-15" \
    "eco-suivi $D a-faire --au 2027-12-15"
# the pipeline of DESIGN.md, exactly as written
golden suivi-afaire-agenda \
    "cd $DEMO && eco-suivi a-faire --au 2027-03-31 | eco-rencontre ordre-du-jour --ajoute -"
# its records are valid records of their kind
expect 0 'a-faire prints valid suivi-attendu records' \
    "cd $DEMO && eco-suivi a-faire --au 2027-12-15 | eco-validate -"
# a follow-up dated after the day is not received yet: on 2027-05-31 the
# June follow-ups are not due, on 2027-06-01 those dated that day answer
golden suivi-afaire-before-june "eco-suivi $D a-faire --au 2027-05-31 -o texte"
golden suivi-afaire-june "eco-suivi $D a-faire --au 2027-06-01 -o texte"

# --- feuille, feuilles -----------------------------------------------------

golden suivi-feuille-yaml "eco-suivi $D feuille --au 2027-12-15 act-navette"
golden suivi-feuille-md "eco-suivi $D feuille --au 2027-12-15 act-halte-nord -o md"
golden suivi-feuille-echeance \
    "eco-suivi $D feuille --au 2027-12-15 --echeance 2027-06-01 act-coins-lecture"
golden suivi-feuille-bad-echeance \
    "eco-suivi $D feuille --au 2027-12-15 --echeance 2027-02-01 act-navette"
golden suivi-feuille-unknown "eco-suivi $D feuille --au 2027-12-15 act-nulle-part"
golden suivi-feuille-no-action "eco-suivi $D feuille --au 2027-12-15"
golden suivi-feuille-done \
    "eco-suivi $D feuille --au 2029-12-31 act-formation-langage"
golden suivi-feuilles-yaml "eco-suivi $D feuilles --au 2027-12-15"
golden suivi-feuilles-md-responsable \
    "eco-suivi $D feuilles --au 2027-12-15 --responsable ville-val -o md"
golden suivi-feuilles-html "eco-suivi $D feuilles --au 2027-12-15 -o html"
golden suivi-feuilles-none "eco-suivi $D feuilles --au 2026-12-01"
# a sheet filled in as it comes is a valid follow-up
new_copy fill
eco-suivi -C $DEMO feuille --au 2027-12-15 act-coins-lecture |
    sed -e 's/^date:$/date: 2027-12-10/' -e 's/^statut:$/statut: en-cours/' \
    -e 's/^# depenses: $/depenses: 1200.50/' \
    -e '/^# realisations:$/{s/^# //;n;s/^#   - $/  - Deux coins ouverts/;}' \
    >"$SCRATCH/coins.yaml"
expect 0 'a filled sheet is a valid suivi' "eco-validate -C $SCRATCH/fill $SCRATCH/coins.yaml"

# --- recois ----------------------------------------------------------------

cp "$SCRATCH/coins.yaml" "$SCRATCH/fill/retour.yaml"
golden suivi-recois-new "cd $SCRATCH/fill && eco-suivi recois --au 2027-12-15 retour.yaml"
golden suivi-recois-new-file "cat $SCRATCH/fill/suivis/act-coins-lecture.yaml"
expect 0 'the sheet received stays where it was' "test -f $SCRATCH/fill/retour.yaml"
golden suivi-recois-twice "cd $SCRATCH/fill && eco-suivi recois --au 2027-12-15 retour.yaml"
golden suivi-recois-twice-file "cat $SCRATCH/fill/suivis/act-coins-lecture.yaml"
sed 's/^depenses: 1200.50/depenses: 1300/' "$SCRATCH/coins.yaml" >"$SCRATCH/fill/autre.yaml"
golden suivi-recois-other-content \
    "cd $SCRATCH/fill && eco-suivi recois --au 2027-12-15 autre.yaml"
expect 0 'no follow-up missing once received' \
    "cd $SCRATCH/fill && ! eco-suivi a-faire --au 2027-12-15 | grep -q act-coins-lecture-2027-06-01"
# appended to a file that exists, after its documents, its comments kept
new_copy app
eco-suivi -C $DEMO feuille --au 2027-12-15 act-navette |
    sed -e 's/^date:$/date: 2028-01-20/' -e 's/^statut:$/statut: en-cours/' \
    -e 's/^# depenses: $/depenses: 2000/' >"$SCRATCH/app/navette.yaml"
golden suivi-recois-append "cd $SCRATCH/app && eco-suivi recois --au 2028-01-20 navette.yaml && tail -n 14 suivis/act-navette.yaml && head -n 3 suivis/act-navette.yaml"
# refused: the sheet left empty; every reason said, nothing written
new_copy ref
eco-suivi -C $DEMO feuille --au 2027-12-15 act-coins-lecture >"$SCRATCH/ref/vide.yaml"
golden suivi-recois-empty "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 vide.yaml"
expect 1 'nothing written for a refused sheet' "test -f $SCRATCH/ref/suivis/act-coins-lecture.yaml"
# refused against the plan: a date not of the calendar, a period outside
# the action, a follow-up dated after the day; warnings: a stranger
# reporting, spending over the budget
cat >"$SCRATCH/ref/faux.yaml" <<'EOF'
kind: suivi
version: 1
id: suivi-visites-ecole-2027-02
action: act-visites-ecole
echeance: 2027-02-01
date: 2028-02-01
periode: {debut: 2027-01-01, fin: 2029-12-31}
statut: en-cours
rapporteur: alpha-cedres
depenses: 20
EOF
golden suivi-recois-against-plan "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 faux.yaml"
cat >"$SCRATCH/ref/budget.yaml" <<'EOF'
kind: suivi
version: 1
id: suivi-visites-ecole-2028-06
action: act-visites-ecole
echeance: 2028-06-01
date: 2028-06-05
statut: en-cours
rapporteur: alpha-cedres
depenses: 300
EOF
golden suivi-recois-warnings "cd $SCRATCH/ref && eco-suivi recois -n --au 2028-06-30 budget.yaml"
# an action the plan lacks, a key mistyped, YAML that does not read
printf 'kind: suivi\nversion: 1\nid: suivi-x\naction: act-nulle\ndate: 2027-06-01\nstatut: en-cours\ndepense: 12\n' \
    >"$SCRATCH/ref/inconnue.yaml"
golden suivi-recois-unknown "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 inconnue.yaml"
printf 'kind: suivi\nid: [\n' >"$SCRATCH/ref/casse.yaml"
golden suivi-recois-broken "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 casse.yaml"
# a sheet of two follow-ups goes in whole or not at all
{ cat "$SCRATCH/coins.yaml"; echo '---'; cat "$SCRATCH/ref/faux.yaml"; } >"$SCRATCH/ref/deux.yaml"
golden suivi-recois-whole "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 deux.yaml; echo \"status \$?\"; test ! -f suivis/act-coins-lecture.yaml"
# several sheets: each judged alone, the status says one was refused
cp "$SCRATCH/coins.yaml" "$SCRATCH/ref/coins.yaml"
golden suivi-recois-several \
    "cd $SCRATCH/ref && eco-suivi recois --au 2027-12-15 coins.yaml faux.yaml"
# -n checks and writes nothing; standard input
new_copy dry
golden suivi-recois-dry "cd $SCRATCH/dry && eco-suivi recois -n --au 2027-12-15 - && test ! -f suivis/act-coins-lecture.yaml" \
    "$SCRATCH/coins.yaml"
golden suivi-recois-no-operand "eco-suivi $D recois"

# --- retards ---------------------------------------------------------------

golden suivi-retards "eco-suivi $D retards --au 2027-12-15"
golden suivi-retards-json "eco-suivi $D retards --au 2027-12-15 -o json"
golden suivi-retards-csv "eco-suivi $D retards --au 2027-12-15 -o csv"
golden suivi-retards-none "eco-suivi $D retards --au 2026-12-01"
# an old follow-up without echeance answers the last date before it: the
# adjustment proposed in January is taken up in June
golden suivi-retards-june "eco-suivi $D retards --au 2027-06-01 -o md"

# --- bilan -----------------------------------------------------------------

golden suivi-bilan "eco-suivi $D bilan --au 2027-12-15"
golden suivi-bilan-md "eco-suivi $D bilan --au 2027-12-15 -o md"
golden suivi-bilan-csv "eco-suivi $D bilan --au 2027-12-15 -o csv"
golden suivi-bilan-json "eco-suivi $D bilan --au 2027-12-15 -o json"
golden suivi-bilan-html "eco-suivi $D bilan --au 2027-12-15 -o html"
golden suivi-bilan-start "eco-suivi $D bilan --au 2026-10-01"

# --- the cycle: suivre-plan and ajuster-actions ----------------------------

# a plan whose calendar is behind us whatever the day the tests run
new_copy passe $DATA/suivi-passe
golden suivi-cycle-missing "cd $SCRATCH/passe && eco-demarche etat | grep -A2 '^4\\.'"
golden suivi-cycle-missing-afaire "cd $SCRATCH/passe && eco-suivi a-faire --au 2021-01-01 -o texte"
cat >>"$SCRATCH/passe/suivis/act-a.yaml" <<'EOF'
---
kind: suivi
version: 1
id: suivi-a-2020-06
action: act-a
date: 2020-06-05
echeance: 2020-06-01
statut: en-cours
rapporteur: org-a
participation: {rejoints: 38, enfants: 38}
depenses: 350
ajustements:
  - {ajustement: ajouter un groupe le samedi, etat: applique, date: 2020-03-07}
EOF
golden suivi-cycle-done "cd $SCRATCH/passe && eco-demarche etat | grep -A2 '^4\\.'"
golden suivi-cycle-done-afaire "cd $SCRATCH/passe && eco-suivi a-faire --au 2021-01-01"
# the commands the cycle names run as printed
for c in $(cd $DEMO && eco-demarche -o json | tr ',' '\n' | sed -n 's/.*"commande":"\(eco-suivi [^"]*\)".*/\1/p' | sort -u | tr ' ' '_'); do
	c=$(echo "$c" | tr '_' ' ')
	expect 0 "the cycle's « $c » runs" "cd $SCRATCH/passe && $c >/dev/null"
done

# --- errors ----------------------------------------------------------------

new_copy bad
printf -- '---\nkind: suivi\nversion: 1\nid: suivi-casse\naction: act-navette\ndate: 2027-13-01\nstatut: fini\n' \
    >>"$SCRATCH/bad/suivis/act-navette.yaml"
golden suivi-invalid-project "eco-suivi -C $SCRATCH/bad retards --au 2027-12-15"
golden suivi-no-project "cd $SCRATCH && eco-suivi a-faire"
golden suivi-unknown-sub "eco-suivi $D liste"
golden suivi-bad-format "eco-suivi $D a-faire -o html"
golden suivi-bad-date "eco-suivi $D bilan --au 2027-02-30"
golden suivi-help "eco-suivi --help"
golden suivi-sub-help "eco-suivi recois --help"
done_testing
