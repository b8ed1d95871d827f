#!/bin/sh
# eco-evaluation: the results of the demo's indicators (reached, late,
# going the wrong way, missed), the decisions and their effect on the
# follow-up, the meeting's document, the revision the plan owes, a
# measure or a decision added; errors and what a bad document stops.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo

# --- Results ---------------------------------------------------------------

for f in texte md html csv json; do
	golden "mesures-demo-$f" "eco-evaluation -C $DEMO mesures -o $f"
done
golden mesures-lecture "eco-evaluation -C $DEMO mesures --objectif obj-lecture"
golden mesures-famille-json \
    "eco-evaluation -C $DEMO mesures --systeme famille -o json"
# Before the June evaluation: only the measures dated by then, nothing late.
golden mesures-2027-01 "eco-evaluation -C $DEMO mesures --au 2027-01-01 -o csv"
golden mesures-objectif-inconnu "eco-evaluation -C $DEMO mesures --objectif obj-lectur"
same 'results is mesures' "eco-evaluation -C $DEMO mesures" \
    "eco-evaluation -C $DEMO results"
same 'the day is the records'\'' latest without --au' \
    "eco-evaluation -C $DEMO mesures" \
    "eco-evaluation -C $DEMO mesures --au 2027-12-15"

# --- Decisions ---------------------------------------------------------------

for f in texte csv json; do
	golden "decisions-demo-$f" "eco-evaluation -C $DEMO decisions -o $f"
done
golden decisions-transition "eco-evaluation -C $DEMO decisions --objectif obj-transition"
# The day before the evaluation: no decision yet.
golden decisions-avant "eco-evaluation -C $DEMO decisions --au 2027-06-02"

# An abandoned action leaves the follow-up calendar from the day of its
# decision: none of its 2028 dates is due; the day before, it is late.
golden abandon-a-faire \
    "eco-suivi -C $DEMO a-faire --au 2028-07-01 -o json | grep -c capsules"
golden abandon-avant \
    "eco-vue -C $DEMO --au 2027-06-02 -o csv --vue calendrier | grep capsules"
golden abandon-apres \
    "eco-vue -C $DEMO --au 2027-06-03 -o csv --vue calendrier | grep capsules"
# The sheet of an adapted action gives the adjustments decided.
golden feuille-adaptee \
    "eco-suivi -C $DEMO feuille --au 2027-12-15 act-navette | grep -A3 'Décision'"

# --- The meeting's document -----------------------------------------------

for f in texte html json; do
	golden "bilan-demo-$f" "eco-evaluation -C $DEMO bilan -o $f"
done
golden bilan-sans-evaluation "eco-evaluation -C $DEMO bilan --date 2027-06-04"
golden bilan-trop-tot "eco-evaluation -C $DEMO bilan --au 2027-01-01"

# --- Revision ------------------------------------------------------------------

golden revision-demo "eco-evaluation -C $DEMO revision"
golden revision-demo-json "eco-evaluation -C $DEMO revision -o json"
golden verifie-demo "eco-plan -C $DEMO verifie"
# The plan revised as the evaluations ask: nothing left, and the cycle's
# ajuster-plan is met.
P=$S/revise
cp -R $DEMO "$P"
sed -i 's/^    libelle: Renforcer le langage oral et l.éveil à l.écrit des enfants de 0 à 5 ans$/    libelle: Renforcer le langage oral des enfants de 0 à 5 ans, dès les premiers mois/' "$P/plan.yaml"
awk '/id: act-capsules-langage/ { c = 1 } c && /fin: 2028-06-30/ { sub("2028-06-30", "2027-06-03"); c = 0 } { print }' \
    "$P/plan.yaml" >"$S/plan" && mv "$S/plan" "$P/plan.yaml"
sed -i 's/calendrier_suivi: \[2027-01-15, 2027-06-01, 2028-01-15, 2028-06-01\]/calendrier_suivi: [2027-01-15, 2027-06-01]/' "$P/plan.yaml"
golden revision-faite "eco-evaluation -C $P revision"
golden revision-faite-demarche "eco-demarche -C $P etat | grep ajuster-plan"
# A question without a proposal is settled by a revision of the plan
# since: revise_le moved back before the evaluation reopens it.
sed -i 's/^revise_le: 2027-06-03$/revise_le: 2027-06-02/' "$P/plan.yaml"
golden revision-adaptee "eco-evaluation -C $P revision"

# --- Adding a measure or a decision ---------------------------------------

golden ajoute-mesure-n "eco-evaluation -C $DEMO ajoute -n --indicateur ind-recit --valeur 66 --date 2027-10-20 --commentaire 'Observations d’octobre.'"
golden ajoute-decision-n "eco-evaluation -C $DEMO ajoute -n --action act-navette --decision adaptation --justification 'Le troisième jour a été essayé en juillet.' --ajustement 'Garder le troisième jour' --ajustement 'Annoncer les horaires à la halte'"
A=$S/ajout
cp -R $DEMO "$A"
golden ajoute-mesure "eco-evaluation -C $A ajoute --indicateur ind-fiche-reference --valeur 6 --date 2027-12-10 --rencontre r13"
golden ajoute-fichier "cat $A/evaluations/2027-12-obj-transition.yaml"
golden ajoute-deuxieme "eco-evaluation -C $A ajoute --indicateur ind-fiches-transition --valeur 35 --date 2027-12-10"
golden ajoute-mesures "eco-evaluation -C $A mesures --objectif obj-transition -o csv"
golden ajoute-texte "eco-evaluation -C $A ajoute -n --indicateur ind-parents-prets --valeur 'la plupart des parents' --appreciation en-progres --date 2027-12-10"
golden ajoute-abandon "eco-evaluation -C $A ajoute --action act-fete-lecture --decision abandon --date 2027-12-12 --justification 'Trop peu de familles en décembre.' && eco-vue -C $A --au 2027-12-15 -o csv --vue calendrier | grep act-fete-lecture"
golden ajoute-inconnu "eco-evaluation -C $DEMO ajoute -n --indicateur ind-recti --valeur 3"
golden ajoute-action-inconnue "eco-evaluation -C $DEMO ajoute -n --action act-zzz --decision maintien"
golden ajoute-sans-valeur "eco-evaluation -C $DEMO ajoute -n --indicateur ind-recit"
golden ajoute-les-deux "eco-evaluation -C $DEMO ajoute -n --indicateur ind-recit --valeur 3 --action act-navette --decision maintien"
golden ajoute-rien "eco-evaluation -C $DEMO ajoute -n"
golden ajoute-mauvaise-decision "eco-evaluation -C $DEMO ajoute -n --action act-navette --decision poursuite"
# An adaptation without its adjustments is refused: nothing is written.
golden ajoute-adaptation-vide "eco-evaluation -C $A ajoute --action act-navette --decision adaptation --justification x; echo \$?; ls $A/evaluations"

# --- A bad document: no figure, the diagnostics ----------------------------

B=$S/mauvais
cp -R $DEMO "$B"
cat >"$B/evaluations/2027-06-erreur.yaml" <<'YAML'
kind: evaluation
version: 1
id: eval-erreur
date: 2027-06-31
objectif: obj-lecture
mesures:
  - {indicateur: ind-pret, valeur: 3}
decisions:
  - {action: act-heure-conte, decision: poursuite}
YAML
golden mauvais-mesures "eco-evaluation -C $B mesures"
golden mauvais-revision "eco-evaluation -C $B revision"
golden mauvais-vue "eco-vue -C $B --au 2027-09-01 --vue calendrier"
golden hors-projet "cd $S && eco-evaluation mesures"

done_testing
