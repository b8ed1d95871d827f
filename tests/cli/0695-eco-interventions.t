#!/bin/sh
# eco-interventions: the worksheet of an organisation (every factor with
# its sub-factors, a level to tick, its services), returned sheets
# received as eco-offre receives them, the rules (one record per
# organisation and factor, a sub-factor of its factor, a service of its
# organisation), the matrix organisations × factors in every format.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
RET=../retours
D=-C\ $DEMO
cp -r examples/retours "$SCRATCH/retours"

new_copy() {	# a scratch copy of the demo without its interventions
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r "$DEMO/." "$SCRATCH/$1/"
	rm "$SCRATCH/$1/interventions.yaml"
}

# --- feuille, feuilles --------------------------------------------------------

golden iv-feuille-yaml "eco-interventions $D feuille ville-val"
golden iv-feuille-md "eco-interventions $D feuille -o md cpe-soleil"
golden iv-feuille-html "eco-interventions $D feuille -o html maison-famille"
golden iv-feuille-inconnu "eco-interventions $D feuille cpe-soleill"
golden iv-feuille-sans-organisme "eco-interventions $D feuille"
expect 0 'the yaml sheets of every member concatenate' \
    "eco-interventions $D feuilles | eco-cat -o json >/dev/null"
expect 1 'the paper sheets name no command and no key' \
    "eco-interventions $D feuilles -o html | grep -E 'eco-|niveau:|kind:|habiletes-'"

# --- recois -------------------------------------------------------------------

new_copy r
golden iv-recois "cd $SCRATCH/r && eco-interventions recois $RET/interventions-*.yaml"
same 'the received sheets give the demo interventions' \
    "eco-cat -o json $DEMO/interventions.yaml" "eco-cat -o json $SCRATCH/r/interventions.yaml"
cp "$SCRATCH/r/interventions.yaml" "$SCRATCH/avant"
golden iv-recois-deux-fois "cd $SCRATCH/r && eco-interventions recois $RET/interventions-cpe-soleil.yaml"
# a sheet sent back with nothing ticked has nothing to receive
golden iv-recois-vide "cd $SCRATCH/r && eco-interventions feuille comite-parents | eco-interventions recois -"
# a level ticked on a factor left blank comes in; the others are left out
golden iv-recois-niveau "cd $SCRATCH/r && eco-interventions feuille comite-parents | sed '0,/^niveau:\$/s//niveau: 1/' | eco-interventions recois -"
cp "$SCRATCH/r/interventions.yaml" "$SCRATCH/avant"
# every rule broken, each said where; nothing written, the sheet kept
cp $DATA/interventions-erreurs.yaml "$SCRATCH/erreurs.yaml"
golden iv-recois-refus "cd $SCRATCH/r && eco-interventions recois ../erreurs.yaml"
expect 0 'the refused sheet is untouched' "cmp $DATA/interventions-erreurs.yaml $SCRATCH/erreurs.yaml"
expect 0 'a refused sheet writes nothing' "cmp $SCRATCH/avant $SCRATCH/r/interventions.yaml"
golden iv-recois-n "cd $SCRATCH/r && eco-interventions feuille comite-parents | sed '0,/^niveau:\$/s//niveau: 2/' | eco-interventions recois -n -"
expect 0 'a dry run writes nothing' "cmp $SCRATCH/avant $SCRATCH/r/interventions.yaml"
# the same rules for eco-validate
golden iv-validate-regles "cd $SCRATCH/r && eco-validate . ../erreurs.yaml"

# --- matrice --------------------------------------------------------------------

golden iv-matrice "eco-interventions $D matrice"
golden iv-matrice-md "eco-interventions $D matrice -o md"
golden iv-matrice-html "eco-interventions $D matrice -o html"
golden iv-matrice-csv "eco-interventions $D matrice -o csv"
golden iv-matrice-json "eco-interventions $D matrice -o json"
# a record on a sub-factor counts for its factor
golden iv-matrice-sous-facteur "cd $DEMO && printf 'kind: intervention\nversion: 1\nid: biblio-quartier-lecture\norganisme: biblio-quartier\nfacteur: eveil-ecrit\nniveau: 2\n' | eco-interventions matrice -"
new_copy vide
golden iv-matrice-sans-fiche "cd $SCRATCH/vide && eco-interventions matrice"
golden iv-matrice-invalide "cd $SCRATCH/r && cat ../erreurs.yaml >> interventions.yaml && eco-interventions matrice"
golden iv-sans-sous-commande "eco-interventions"
golden iv-help "eco-interventions --help"

done_testing
