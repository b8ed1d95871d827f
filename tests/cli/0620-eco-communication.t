#!/bin/sh
# eco-communication: the activities listed and filtered in every format,
# the calendar by month and audience, what is late on a day (status 1),
# the plan as a page, an activity appended without touching what a
# person wrote; old files, broken files and every usage error.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
E="eco-communication -C $DEMO"

# A scratch copy of the demo, made afresh: new_demo NAME
new_demo() {
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r $DEMO/. "$SCRATCH/$1/"
}

# --- liste ------------------------------------------------------------------

golden com-liste "$E liste"
golden com-liste-public "$E liste --public parents"
golden com-liste-statut-responsable \
    "$E liste --statut realisee --responsable maison-famille"
golden com-liste-entre "$E liste --entre 2027-01-01:2027-03-31"
golden com-liste-md "$E liste -o md --public elus,bailleurs"
golden com-liste-csv "$E liste -o csv"
golden com-liste-json "$E liste -o json --public partenaires"
golden com-liste-none "$E liste --public medias --statut prevue"
same 'list is liste, -C after the subcommand' \
    "eco-communication list -C $DEMO" "$E liste"
# the records of -o yaml are the documents, valid as they are
expect 0 'liste -o yaml gives valid records' \
    "cd $DEMO && eco-communication liste -o yaml | eco-validate -q -"
same 'an operand replaces communication.yaml' \
    "cd $DEMO && eco-communication liste communication.yaml" "$E liste"
same 'standard input too' \
    "cd $DEMO && eco-communication liste -o yaml | eco-communication liste -" \
    "$E liste"
# records of other kinds pass through, untouched
golden com-liste-passe "cd $DEMO && { eco-plan actions --responsable ville-val; \
    eco-communication liste -o yaml --public elus; } | eco-communication liste -o json --statut prevue -"
# a file names its project; outside any, standard input is read alone
golden com-liste-fichier-de-loin "eco-communication liste -o csv $DEMO/communication.yaml"
golden com-liste-hors-projet-stdin "cd $SCRATCH && eco-communication liste -" \
    $DEMO/communication.yaml
# what comes from a pipe is checked in the project's context
golden com-liste-stdin-membre \
    "cd $DEMO && eco-communication liste -o yaml --public elus | sed 's/: maison-famille/: cpe-soliel/' | eco-communication liste -"

# --- calendrier -------------------------------------------------------------

golden com-calendrier "$E calendrier"
golden com-calendrier-entre "$E calendrier --entre 2027-01-01:2027-06-30"
golden com-calendrier-csv "$E calendrier --public bailleurs,elus -o csv"
golden com-calendrier-json "$E calendrier --responsable ville-val -o json"
golden com-calendrier-html "$E calendrier --au 2027-03-31 -o html"

# --- retards ----------------------------------------------------------------

golden com-retards "$E retards --au 2027-03-31"
golden com-retards-aucun "$E retards --au 2027-01-10"
golden com-retards-yaml "$E retards --au 2027-12-31 -o yaml"
golden com-retards-public "$E retards --au 2027-03-31 --public parents -o json"
# the day of an activity is not late yet
golden com-retards-jour "$E retards --au 2027-03-15 --public partenaires"

# --- plan -------------------------------------------------------------------

golden com-plan "$E plan"
golden com-plan-md "$E plan -o md"
golden com-plan-html "$E plan -o html --au 2027-03-31"
same 'show is plan' "$E show" "$E plan"
# a file written before the plan part: valid, the plan says what it lacks
mkdir "$SCRATCH/ancien"
cp $DEMO/eco.yaml $DEMO/plan.yaml "$SCRATCH/ancien/"
sed -n '/^id: com-lancement-plan$/,$p' $DEMO/communication.yaml |
    sed '1i ---\nkind: communication\nversion: 1' >"$SCRATCH/ancien/communication.yaml"
golden com-ancien-valide "eco-validate -C $SCRATCH/ancien -q communication.yaml"
golden com-ancien-plan "eco-communication -C $SCRATCH/ancien plan"
# a plan part still being written
mkdir "$SCRATCH/partiel"
cp $DEMO/eco.yaml $DEMO/plan.yaml "$SCRATCH/partiel/"
printf -- '---\nkind: communication\nversion: 1\nid: plan-com\ntitre: Plan\nplan:\n  objectifs: [Informer les familles]\n  publics: [{public: parents}]\n' \
    >"$SCRATCH/partiel/communication.yaml"
golden com-partiel-plan "eco-communication -C $SCRATCH/partiel plan"
golden com-partiel-liste "eco-communication -C $SCRATCH/partiel liste"

# --- what cannot be read is reported, no report ---------------------------------

mkdir "$SCRATCH/casse"
cp $DEMO/eco.yaml $DEMO/plan.yaml "$SCRATCH/casse/"
cat >"$SCRATCH/casse/communication.yaml" <<'EOF'
---
kind: communication
version: 1
id: plan-com
titre: Plan
plan:
  objectifs: [Informer]
date: 2027-01-01
---
kind: communication
version: 1
id: a
titre: A
publics: [parents, voisins]
moyen: [affiches]
responsable: cpe-soliel
actions: [act-navete]
date: 2027-02-30
portee: {visee: -3}
---
kind: communication
version: 1
id: b
titre: B
EOF
golden com-casse "eco-communication -C $SCRATCH/casse liste"
golden com-casse-retards "eco-communication -C $SCRATCH/casse retards --au 2027-03-31"
mkdir "$SCRATCH/deux"
cp $DEMO/eco.yaml $DEMO/plan.yaml "$SCRATCH/deux/"
{ cat $DEMO/communication.yaml
  printf -- '---\nkind: communication\nversion: 1\nid: plan-bis\ntitre: Autre plan\nplan:\n  objectifs: [Informer]\n'; } \
    >"$SCRATCH/deux/communication.yaml"
golden com-deux-plans-valide "eco-validate -C $SCRATCH/deux -q communication.yaml"
golden com-deux-plans "eco-communication -C $SCRATCH/deux plan"

# --- ajoute -----------------------------------------------------------------

new_demo ajoute
P=$SCRATCH/ajoute
cp $P/communication.yaml "$SCRATCH/avant"
golden com-ajoute "eco-communication -C $P ajoute --titre 'Kiosque au marché public' \
    --public parents,grand-public --public medias --date 2027-06-12 \
    --moyen 'kiosque au marché' --moyen 'page Facebook' --responsable maison-famille \
    --budget 75.5 --action act-heure-conte,act-sacs-lecture --objectif obj-lecture \
    --but 'Inscrire des familles à la bibliothèque' --message 'Lire, c’est gratuit' \
    --frequence 'chaque été' --visee 120"
n=$(wc -c <"$SCRATCH/avant")
if cmp -s -n "$n" "$SCRATCH/avant" $P/communication.yaml &&
    [ "$(wc -c <$P/communication.yaml)" -gt "$n" ]; then
	ok 'ajoute appends after the file, which is unchanged'
else
	not_ok 'ajoute appends after the file, which is unchanged'
fi
golden com-ajoute-valide "eco-validate -C $P -q"
golden com-ajoute-liste "eco-communication -C $P liste --entre 2027-06-01:2027-06-30"
# the same title again: the next id; -n writes nothing
cp $P/communication.yaml "$SCRATCH/apres"
golden com-ajoute-2-n "eco-communication -C $P ajoute -n --titre 'Kiosque au marché public' \
    --public parents --statut en-preparation"
if cmp -s "$SCRATCH/apres" $P/communication.yaml; then
	ok 'ajoute -n writes nothing'
else
	not_ok 'ajoute -n writes nothing'
fi
# refused: nothing is written
golden com-ajoute-membre "eco-communication -C $P ajoute --titre Affiches \
    --public parents --responsable cpe-soliel"
golden com-ajoute-action "eco-communication -C $P ajoute --titre Affiches \
    --public parents --action act-navete"
golden com-ajoute-id-pris "eco-communication -C $P ajoute --titre Affiches \
    --public parents --id com-bilan-annuel"
if cmp -s "$SCRATCH/apres" $P/communication.yaml; then
	ok 'a refused activity writes nothing'
else
	not_ok 'a refused activity writes nothing'
fi
# a project without communication.yaml: the file is made
mkdir "$SCRATCH/neuf"
cp $DEMO/eco.yaml "$SCRATCH/neuf/"
golden com-ajoute-neuf "eco-communication -C $SCRATCH/neuf ajoute --titre 'Soirée portes ouvertes' \
    --public parents --date 2027-09-15 && cat $SCRATCH/neuf/communication.yaml"
golden com-ajoute-neuf-plan "eco-communication -C $SCRATCH/neuf plan"

# --- usage errors -------------------------------------------------------------

golden com-usage-sans-titre "$E ajoute --public parents"
golden com-usage-public "$E liste --public parent"
golden com-usage-public-loin "$E ajoute --titre T --public voisins"
golden com-usage-statut "$E liste --statut faite"
golden com-usage-budget "$E ajoute -n --titre T --public parents --budget 12,50"
golden com-usage-date "$E ajoute -n --titre T --public parents --date 2027-02-30"
golden com-usage-au "$E retards --au demain"
golden com-usage-format "$E retards -o csv"
golden com-usage-sub "$E calandrier"
golden com-usage-none "$E"
golden com-usage-operand "$E ajoute -n --titre T --public parents de-trop"
golden com-hors-projet "cd $SCRATCH && eco-communication liste"
golden com-help "eco-communication --help"
golden com-help-ajoute "eco-communication ajoute --help"

done_testing
