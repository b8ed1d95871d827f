#!/bin/sh
# eco-priorites: proposals from the project's constats and from a pipe,
# records that validate; liste, montre, facteurs and page over the demo;
# ajoute (dry run and real) in a scratch copy; the rules on a priority's
# factor and analysis and on objectives kept in priorites.yaml; the
# skeleton drafted from the priorities; the cycle's Outil 8 objectives
# name commands that run as printed.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo

# --- propose ------------------------------------------------------------------

golden pri-propose "cd $DEMO && eco-priorites propose"
golden pri-propose-enjeu-texte "cd $DEMO && eco-priorites propose --nature enjeu -o texte"
golden pri-propose-json "cd $DEMO && eco-priorites propose --nature enjeu -o json"
# DESIGN §4's first pipeline, with - for the pipe: the project's records
# on a pipe are that project's, not second ones with their ids.
golden pri-propose-pipe "cd $DEMO && eco-constats liste --systeme famille --nature enjeu | eco-priorites propose -"
golden pri-propose-valid "cd $DEMO && eco-priorites propose | eco-validate -"
expect 0 'propose: one --- per proposal' \
    "cd $DEMO && test \$(eco-priorites propose --nature enjeu | grep -c '^---\$') -eq 10"
# No constat yet: a note, status 0; an analysis without constats is said.
cp -R $DEMO "$S/vide"
rm "$S/vide/constats.yaml" "$S/vide/priorites.yaml" "$S/vide/plan.yaml"
rm -r "$S/vide/evaluations" "$S/vide/suivis"
golden pri-propose-vide "cd $S/vide && eco-priorites propose"
golden pri-propose-une-analyse "cd $DEMO && eco-constats liste --analyse situation | eco-priorites propose - -o texte | head -3"

# --- liste, montre, facteurs, page -------------------------------------------

golden pri-liste "cd $DEMO && eco-priorites liste"
golden pri-liste-csv "cd $DEMO && eco-priorites liste -o csv"
golden pri-liste-json "cd $DEMO && eco-priorites liste -o json --systeme communaute"
golden pri-liste-yaml "cd $DEMO && eco-priorites liste -o yaml --facteur transition-scolaire"
golden pri-liste-none "cd $DEMO && eco-priorites liste --facteur habiletes-cognitives"
golden pri-liste-facteur-inconnu "cd $DEMO && eco-priorites liste --facteur habiletes-langagiere"
same 'list is liste' "cd $DEMO && eco-priorites liste" "cd $DEMO && eco-priorites list"
golden pri-montre "cd $DEMO && eco-priorites montre pri-langage"
golden pri-montre-md "cd $DEMO && eco-priorites montre -o md pri-transition"
golden pri-montre-json "cd $DEMO && eco-priorites montre -o json pri-acces-nord"
golden pri-montre-inconnu "cd $DEMO && eco-priorites montre pri-lang"
golden pri-facteurs "cd $DEMO && eco-priorites facteurs"
golden pri-facteurs-csv "cd $DEMO && eco-priorites facteurs -o csv"
golden pri-page-md "cd $DEMO && eco-priorites page -o md"
expect 0 'page: html, no id and no command line' \
    "cd $DEMO && eco-priorites page > $S/p.html && ! grep -q 'pri-\\|const-\\|eco-' $S/p.html && grep -c '<h3' $S/p.html | grep -qx 5"
golden pri-usage-montre "cd $DEMO && eco-priorites montre"

# --- ajoute -------------------------------------------------------------------

cp -R $DEMO "$S/demo"
golden pri-ajoute-n "cd $S/demo && eco-priorites ajoute -n --systeme enfant --facteur habiletes-cognitives --constats const-cognitif-absent --analyse interventions"
expect 0 'ajoute -n writes nothing' "cmp $DEMO/priorites.yaml $S/demo/priorites.yaml"
golden pri-ajoute "cd $S/demo && eco-priorites ajoute --systeme enfant --facteur habiletes-cognitives --constats const-cognitif-absent --analyse interventions --enonce 'Éveiller la curiosité des enfants' --rang 6"
golden pri-ajoute-valid "cd $S/demo && eco-validate priorites.yaml && eco-priorites liste --facteur habiletes-cognitives -o csv"
# A factor of another system, an analysis its constats do not have.
golden pri-ajoute-mauvais-systeme "cd $S/demo && eco-priorites ajoute --systeme famille --facteur habiletes-cognitives --constats const-cognitif-absent --analyse situation"
golden pri-ajoute-usage "cd $S/demo && eco-priorites ajoute --systeme famille"

# --- the rules ----------------------------------------------------------------

cp -R $DEMO "$S/regles"
sed -i 's/^facteur: habitudes-lecture-parent-enfant/facteur: habiletes-langagieres/' "$S/regles/priorites.yaml"
sed -i '0,/analyse_origine: offre-services/s//analyse_origine: interventions/' "$S/regles/priorites.yaml"
cat >>"$S/regles/priorites.yaml" <<'EOT'
---
kind: objectif
version: 1
id: obj-ancien
libelle: Un objectif écrit à l'ancienne
facteur: habiletes-langagieres
EOT
golden pri-regles "cd $S/regles && eco-validate"
golden pri-regles-liste "cd $S/regles && eco-priorites liste"
# The plan's objectives, printed, are records that validate anywhere.
golden pri-objectifs-copies "cd $DEMO && eco-plan objectifs | eco-validate -"

# --- into the plan ------------------------------------------------------------

golden pri-squelette-tete "cd $DEMO && eco-plan squelette | grep -n '^  - id:\\|^    facteur:\\|^    priorites:\\|Ideas for action'"
expect 0 'squelette: the pistes of the fiche, as comments' \
    "cd $DEMO && eco-plan squelette | grep -q '^      # - Lecture d.histoires en petits groupes'"
cp -R "$S/vide" "$S/sq"
cp $DEMO/priorites.yaml $DEMO/constats.yaml "$S/sq/"
golden pri-squelette-ecrit "cd $S/sq && eco-plan squelette -e && eco-plan verifie | tail -3"
golden pri-squelette-sans-facteur "cd $S && printf 'kind: priorite\\nversion: 1\\nid: pri-x\\nconstats: [c1]\\nsysteme: enfant\\n' | eco-plan squelette -"

# --- the cycle: Outil 8's objectives name commands that run -------------------

for c in $(awk '/id: (choisir-priorites|choisir-facteurs|definir-objectifs)$/ { f = 1 } f && /commande:/ { sub(/.*commande: /, ""); gsub(/ /, "_"); print; f = 0 }' data/demarche.yaml); do
	c=$(echo "$c" | tr _ ' ')
	expect 0 "cycle: $c runs in the demo" "cd $DEMO && $c"
	expect 0 "cycle: $c runs in a project with constats only" "cd $S/vide && cp ../sq/constats.yaml . && $c >/dev/null; test \$? -le 1"
done

done_testing
