#!/bin/sh
# eco-constats: every subcommand and every filter over the demo; the chain
# both ways; records for pipes that validate; sectors declared and free;
# ajoute (dry run and real) in a scratch copy; unknown ids with the closest
# ones, bad dates, a file with a schema error; the commands of the cycle's
# Outil 5 objectives run as printed.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo

# --- liste: records for pipes, tables for people ----------------------------

golden constats-liste-famille-enjeu "cd $DEMO && eco-constats liste --systeme famille --nature enjeu"
# DESIGN §4's first pipeline: records, one document each, that validate.
golden constats-liste-valid "cd $DEMO && eco-constats liste --systeme famille --nature enjeu | eco-validate -"
expect 0 'liste: one --- per record' \
    "cd $DEMO && test \$(eco-constats liste --systeme famille --nature enjeu | grep -c '^---\$') -eq 3"
golden constats-liste-texte "cd $DEMO && eco-constats liste -o texte --sorte constat"
golden constats-liste-json "cd $DEMO && eco-constats liste -o json --sorte donnee --systeme enfant"
golden constats-liste-md "cd $DEMO && eco-constats liste -o md --facteur pratiques-parentales"
golden constats-liste-csv "cd $DEMO && eco-constats liste -o csv --analyse interventions"
golden constats-liste-html-count "cd $DEMO && eco-constats liste -o html --sorte observation | grep -c '<tr'"
# Each filter.
golden constats-filtre-sorte "cd $DEMO && eco-constats liste -o texte --sorte donnee,observation --systeme communaute"
golden constats-filtre-facteur "cd $DEMO && eco-constats liste -o texte --facteur habiletes-langagieres"
golden constats-filtre-nature "cd $DEMO && eco-constats liste -o texte --nature force"
golden constats-filtre-analyse "cd $DEMO && eco-constats liste -o texte --analyse offre-services"
golden constats-filtre-source "cd $DEMO && eco-constats liste -o texte --source recensement"
golden constats-filtre-annee "cd $DEMO && eco-constats liste -o texte --annee 2024"
golden constats-filtre-secteur "cd $DEMO && eco-constats liste -o texte --secteur secteur-nord"
golden constats-filtre-none "cd $DEMO && eco-constats liste -o texte --nature force --sorte donnee"
same 'list is liste' "cd $DEMO && eco-constats liste" "cd $DEMO && eco-constats list"
# Operands: a stream read from a pipe; other kinds pass through.
# Outside a project, a pipe alone: the constats kept, the priorities
# passed through.
cp -R $DEMO "$S/demo"
golden constats-liste-stdin "cd $S && cat demo/constats.yaml demo/priorites.yaml | eco-constats liste --sorte constat --systeme enfant --nature force - | grep '^kind:\\|^id:'"
same 'liste -C' "cd $DEMO && eco-constats liste -o texte" "eco-constats -C $DEMO liste -o texte"

# --- montre: the chain both ways ----------------------------------------------

golden constats-montre-constat "cd $DEMO && eco-constats montre const-lecture-maison"
golden constats-montre-observation "cd $DEMO && eco-constats montre obs-10 -o md"
golden constats-montre-donnee "cd $DEMO && eco-constats montre recensement-2021-faible-revenu-nord"
golden constats-montre-json "cd $DEMO && eco-constats montre const-vocabulaire -o json"
golden constats-montre-html-items "cd $DEMO && eco-constats montre eqdem-2022-communication -o html | grep -c '<li'"
golden constats-montre-rien "cd $DEMO && eco-constats montre const-cognitif-absent"
same 'show is montre' "cd $DEMO && eco-constats montre obs-01" "cd $DEMO && eco-constats show obs-01"

# --- presente, compte -----------------------------------------------------------

golden constats-presente "cd $DEMO && eco-constats presente"
golden constats-presente-md "cd $DEMO && eco-constats presente -o md --systeme communaute"
golden constats-presente-csv "cd $DEMO && eco-constats presente -o csv --systeme famille"
golden constats-presente-html-parts "cd $DEMO && eco-constats presente -o html | grep -o '<h2' | wc -l"
golden constats-presente-constats "cd $DEMO && eco-constats presente --sorte constat --analyse situation"
golden constats-compte "cd $DEMO && eco-constats compte"
golden constats-compte-situation "cd $DEMO && eco-constats compte --analyse situation -o md"
golden constats-compte-json "cd $DEMO && eco-constats compte --systeme famille -o json"
golden constats-compte-csv "cd $DEMO && eco-constats compte --sorte observation,constat -o csv"

# --- Sectors ------------------------------------------------------------------

P=$S/projet
mkdir -p "$P" && cp -R $DEMO/. "$P/"
sed -i 's/^secteurs: \[secteur-pins\]$/secteurs: [Secteur des Pins]/' "$P/offre.yaml"
sed -i 's/^secteur: secteur-nord$/secteur: le nord/' "$P/donnees.yaml"
golden constats-secteur-libre "cd $P && eco-validate; echo \$?"
# Without secteurs in eco.yaml, every secteur is free text.
N=$S/sans-secteurs
mkdir -p "$N" && cp -R $DEMO/. "$N/"
awk '/^secteurs:/ { s = 1; next } s && /^[a-z]/ { s = 0 } !s' $DEMO/eco.yaml >"$N/eco.yaml"
golden constats-secteur-aucun "cd $N && eco-validate -q constats.yaml; echo \$?"

# --- ajoute -----------------------------------------------------------------------

A=$S/ajoute
mkdir -p "$A" && cp -R $DEMO/. "$A/"
golden constats-ajoute-dry "cd $A && eco-constats ajoute -n constat --titre 'Les familles du secteur nord lisent peu' --systeme famille --nature enjeu --analyse situation --facteurs habitudes-lecture-parent-enfant --observations obs-05 --secteur secteur-nord --rencontre r03"
same 'a dry run writes nothing' "cat $DEMO/constats.yaml" "cat $A/constats.yaml"
golden constats-ajoute-donnee "cd $A && eco-constats ajoute donnee --titre 'Places en CPE' --type quantitative --valeur 80 --unite places --source donnees-organismes --organisme cpe-soleil --annee 2025 --secteur centre-village --systeme enfant"
golden constats-ajoute-donnee-tail "tail -13 $A/donnees.yaml"
# The same title again: the next id.
golden constats-ajoute-again "cd $A && eco-constats ajoute donnee --titre 'Places en CPE' --type quantitative --valeur 15 --source donnees-organismes --annee 2025 2>&1 | grep '^id:'"
golden constats-ajoute-observation "cd $A && eco-constats ajoute observation --titre 'Le CPE compte 80 places pour 545 enfants.' --donnees places-cpe-2025,isq-2024-enfants-0-5 --date 2026-02-12 --systeme communaute"
golden constats-ajoute-chaine "cd $A && eco-constats montre places-cpe-2025"
golden constats-ajoute-valid "cd $A && eco-validate -q; echo \$?"
golden constats-ajoute-qualitative "cd $A && eco-constats ajoute -n donnee --id parole-parents --titre 'Parole de parents' --type qualitative --description 'Les parents du nord demandent un autobus.' --source autre --secteur nord"
# A new constats.yaml is made when there is none.
C=$S/neuf
mkdir -p "$C" && cp $DEMO/eco.yaml "$C/"
golden constats-ajoute-cree "cd $C && eco-constats ajoute observation --titre 'Une première observation.' && cat constats.yaml"
# Errors: nothing written.
golden constats-ajoute-ref "cd $A && eco-constats ajoute observation --titre 'x' --donnees nulle-part"
golden constats-ajoute-id-pris "cd $A && eco-constats ajoute constat --id const-vocabulaire --titre x --systeme enfant --nature enjeu --analyse situation"
golden constats-ajoute-date "cd $A && eco-constats ajoute observation --titre x --date 2026-02-30"
golden constats-ajoute-valeur "cd $A && eco-constats ajoute donnee --titre x --type quantitative --valeur douze --source autre"
golden constats-ajoute-manque "cd $A && eco-constats ajoute constat --titre x --systeme enfant"
golden constats-ajoute-sorte "cd $A && eco-constats ajoute priorite --titre x"
golden constats-ajoute-sans-titre "cd $A && eco-constats ajoute donnee"
golden constats-ajoute-after "cd $A && grep -c '^---' constats.yaml donnees.yaml"

# --- Errors -------------------------------------------------------------------------

golden constats-unknown "cd $DEMO && eco-constats montre const-lecture"
golden constats-unknown-none "cd $DEMO && eco-constats montre zzz"
golden constats-unknown-facteur "cd $DEMO && eco-constats liste --facteur pratique-parentales"
golden constats-bad-nature "cd $DEMO && eco-constats liste --nature faiblesse"
golden constats-bad-sorte "cd $DEMO && eco-constats liste --sorte constats"
golden constats-bad-annee "cd $DEMO && eco-constats liste --annee 22"
golden constats-bad-format "cd $DEMO && eco-constats montre obs-01 -o csv"
golden constats-montre-two "cd $DEMO && eco-constats montre obs-01 obs-02"
# A file with a schema error: the diagnostics at file:line:col, no report.
B=$S/casse
mkdir -p "$B" && cp -R $DEMO/. "$B/"
sed -i 's/^date: 2025-10-23$/date: 2025-13-23/; s/^nature: force$/nature: forte/' "$B/constats.yaml"
golden constats-invalid-liste "cd $B && eco-constats liste"
golden constats-invalid-presente "cd $B && eco-constats presente"
golden constats-invalid-compte "cd $B && eco-constats compte"
golden constats-invalid-montre "cd $B && eco-constats montre obs-01"
golden constats-outside "cd $S && eco-constats liste"
golden constats-no-sub "eco-constats"
golden constats-help "eco-constats --help"
golden constats-ajoute-help "eco-constats ajoute --help"

# --- The cycle: the Outil 5 objectives' commands run as printed ----------------------

for id in presenter-donnees analyser-donnees constats-situation constats-offre \
    presenter-facteurs; do
	cmd=$(awk -v id="$id" '$0 ~ "- id: " id "$" { f = 1; next }
	    f && /commande:/ { sub(/.*commande: /, ""); print; exit }' data/demarche.yaml)
	expect 0 "demarche $id: $cmd" "cd $DEMO && $cmd >/dev/null"
done

done_testing
