#!/bin/sh
# eco-offre: the worksheets of the organisations (yaml that concatenates,
# md and html for paper), returned sheets received (checked against the
# members, the factors and the sectors, whole or not at all, never twice,
# organisations outside the regroupement marked, refused sheets left as
# they are), the analysis and the gaps in every format, the old forms of
# a service with their messages, the cycle's commands as printed.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
RET=../retours
D=-C\ $DEMO
# the returned sheets, beside the copies as examples/retours is beside
# examples/demo
cp -r examples/retours "$SCRATCH/retours"

new_copy() {	# a scratch copy of the demo without its offer: new_copy NAME
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r "$DEMO/." "$SCRATCH/$1/"
	rm "$SCRATCH/$1/offre.yaml" "$SCRATCH/$1/interventions.yaml"
}

# --- feuille, feuilles --------------------------------------------------------

golden offre-feuille-yaml "eco-offre $D feuille maison-famille"
golden offre-feuille-md "eco-offre $D feuille -o md cpe-soleil"
golden offre-feuille-html "eco-offre $D feuille -o html maison-famille"
golden offre-feuille-hors "eco-offre $D feuille -o md centre-aquatique"
golden offre-feuille-sans-service "eco-offre $D feuille -o md comite-parents"
golden offre-feuille-inconnu "eco-offre $D feuille maison-familles"
golden offre-feuille-sans-organisme "eco-offre $D feuille"
golden offre-feuilles-md "eco-offre $D feuilles -o md"
# sheets put end to end read as one stream, each document starting "---"
expect 0 'the yaml sheets of every organisation concatenate' \
    "eco-offre $D feuilles | eco-cat -o json >/dev/null"
expect 0 'two sheets end to end are one stream' \
    "{ eco-offre $D feuille cpe-soleil; eco-offre $D feuille ville-val; } | eco-cat --kind service -o json | grep -c . | grep -qx 4"
# paper carries no command line and no YAML syntax
expect 1 'the paper sheet names no command and no key' \
    "eco-offre $D feuilles -o html | grep -E 'eco-|clientele|kind:|femmes-enceintes'"

# --- recois -------------------------------------------------------------------

# the returned sheets of examples/retours give the demo's offer
new_copy r
golden offre-recois "cd $SCRATCH/r && eco-offre recois $RET/offre-*.yaml"
same 'the received sheets give the demo offer' \
    "eco-cat -o json $DEMO/offre.yaml" "eco-cat -o json $SCRATCH/r/offre.yaml"
expect 0 'the project with the received offer is valid' "eco-validate $SCRATCH/r"
cp "$SCRATCH/r/offre.yaml" "$SCRATCH/offre-avant"
# a sheet sent twice is recognised, nothing is written
golden offre-recois-deux-fois "cd $SCRATCH/r && eco-offre recois $RET/offre-cpe-soleil.yaml"
expect 0 'nothing written the second time' "cmp $SCRATCH/offre-avant $SCRATCH/r/offre.yaml"
# a dry run says where each service would go and writes nothing
new_copy n
golden offre-recois-n "cd $SCRATCH/n && eco-offre recois -n $RET/offre-maison-famille.yaml"
expect 1 'a dry run writes no offre.yaml' "test -e $SCRATCH/n/offre.yaml"
# a refused sheet: every reason, FILE:LINE:COL, nothing written, the
# sheet left as it was
cp $DATA/offre-erreurs.yaml "$SCRATCH/erreurs.yaml"
golden offre-recois-refus "cd $SCRATCH/r && eco-offre recois ../erreurs.yaml"
expect 0 'the refused sheet is untouched' "cmp $DATA/offre-erreurs.yaml $SCRATCH/erreurs.yaml"
expect 0 'a refused sheet writes nothing' "cmp $SCRATCH/offre-avant $SCRATCH/r/offre.yaml"
# a service of the project changed on its sheet is refused: edit offre.yaml
golden offre-recois-autre "cd $SCRATCH/r && sed 's/^places: 80/places: 90/' $RET/offre-cpe-soleil.yaml | eco-offre recois -"
# a sheet sent back blank has nothing to receive
golden offre-recois-vide "cd $SCRATCH/r && eco-offre feuille comite-parents | eco-offre recois -"
golden offre-recois-yaml "cd $SCRATCH/r && printf 'kind: service\nnom: [\n' | eco-offre recois -"
golden offre-recois-sans-fichier "cd $SCRATCH/r && eco-offre recois"
golden offre-recois-hors-projet "cd $SCRATCH/retours && eco-offre recois offre-cpe-soleil.yaml"
# a new service filled on the blank column is received
golden offre-recois-nouveau "cd $SCRATCH/r && eco-offre feuille ville-val | sed -e 's/^id:$/id: ville-val-piscine/' -e 's/^nom:$/nom: Bain libre familial/' | eco-offre recois -"

# --- the old forms of a service ------------------------------------------------

golden offre-ancienne "eco-validate $DATA/offre-ancienne.yaml"
new_copy vieux
cp $DATA/offre-ancienne.yaml "$SCRATCH/vieux/offre.yaml"
golden offre-analyse-invalide "cd $SCRATCH/vieux && eco-offre analyse"

# --- analyse, lacunes -----------------------------------------------------------

golden offre-analyse "eco-offre $D analyse"
golden offre-analyse-md "eco-offre $D analyse -o md"
golden offre-analyse-html "eco-offre $D analyse -o html"
golden offre-analyse-csv "eco-offre $D analyse -o csv"
golden offre-analyse-json "eco-offre $D analyse -o json"
golden offre-analyse-fichier "cd $DEMO && eco-offre analyse -o md ../retours/offre-centre-aquatique.yaml"
golden offre-lacunes "eco-offre $D lacunes"
golden offre-lacunes-md "eco-offre $D lacunes -o md"
golden offre-lacunes-html "eco-offre $D lacunes -o html"
golden offre-lacunes-csv "eco-offre $D lacunes -o csv"
golden offre-lacunes-json "eco-offre $D lacunes -o json"
golden offre-lacunes-format "eco-offre $D lacunes -o yaml"
golden offre-sans-sous-commande "eco-offre"
golden offre-help "eco-offre --help"
golden offre-recois-help "eco-offre recois --help"

# --- The cycle: the Outil 6 and 7 objectives' commands run as printed ----------

for id in presenter-outils-collecte analyser-offre constats-offre; do
	cmd=$(awk -v id="$id" '$0 ~ "- id: " id "$" { f = 1; next }
	    f && /commande:/ { sub(/.*commande: /, ""); print; exit }' data/demarche.yaml)
	expect 0 "demarche $id: $cmd" "cd $DEMO && $cmd >/dev/null"
done

done_testing
