#!/bin/sh
# eco-rencontre: the calendar of the cycle written as meeting files (never
# over one), a meeting's agenda in text, md and html with records added
# from a pipe, notes appended after a meeting without touching what a
# person wrote, the open to-dos as records; every error and status.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo

# A scratch copy of the demo, made afresh: new_demo NAME
new_demo() {
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r $DEMO/. "$SCRATCH/$1/"
}

# --- ordre-du-jour --------------------------------------------------------

golden rencontre-agenda-13 "eco-rencontre -C $DEMO ordre-du-jour 13"
# without a number: the next meeting not held (13 in the demo)
same 'ordre-du-jour without N is the next meeting' \
    "eco-rencontre -C $DEMO ordre-du-jour" "eco-rencontre -C $DEMO ordre-du-jour 13"
same 'agenda is ordre-du-jour, -C after the subcommand' \
    "eco-rencontre agenda 5 -C $DEMO" "eco-rencontre -C $DEMO ordre-du-jour 5"
golden rencontre-agenda-2-md "eco-rencontre -C $DEMO ordre-du-jour 2 -o md"
golden rencontre-agenda-13-html "eco-rencontre -C $DEMO ordre-du-jour -o html 13"
# A letter of another subcommand (planifie -n) is said to be another's,
# not unknown; a letter of none is unknown.
golden rencontre-agenda-letter-elsewhere "eco-rencontre -C $DEMO ordre-du-jour -n"
golden rencontre-agenda-letter-unknown "eco-rencontre -C $DEMO ordre-du-jour -x"
# a meeting of the cycle without a file yet: from the cycle alone
golden rencontre-agenda-16 "eco-rencontre -C $DEMO ordre-du-jour 16"
# records from a pipe become agenda items, any kind
if [ -f cmd/eco-plan.c ]; then
	golden rencontre-agenda-plan-actions \
	    "cd $DEMO && eco-plan actions | eco-rencontre ordre-du-jour 9 --ajoute -"
fi
# the pipeline of DESIGN.md: late actions to the next meeting's agenda
if [ -f cmd/eco-plan.c ]; then
	golden rencontre-agenda-next-ajoute \
	    "cd $DEMO && eco-plan actions | eco-cat --ou responsable=ville-val | eco-rencontre ordre-du-jour --ajoute -"
fi
golden rencontre-agenda-ajoute-cat \
    "cd $DEMO && eco-cat --kind constat --ou analyse=offre-services constats.yaml | eco-rencontre ordre-du-jour 4 --ajoute -"
golden rencontre-agenda-ajoute-file \
    "eco-rencontre -C $DEMO ordre-du-jour 13 --ajoute suivis/act-navette.yaml -o md"
# every string of the user is escaped in html and md (a record is named
# by its kind's title: a constat by its enonce)
printf 'kind: action\nid: a-1\ntitre: "<b>Lire & jouer</b>"\n---\nkind: constat\nenonce: "*Varia* [1]"\n---\n- pas un tableau\n' \
    >"$SCRATCH/bizarre.yaml"
golden rencontre-agenda-escape-html \
    "eco-rencontre -C $DEMO ordre-du-jour 13 -o html --ajoute -" "$SCRATCH/bizarre.yaml"
golden rencontre-agenda-escape-md \
    "eco-rencontre -C $DEMO ordre-du-jour 13 -o md --ajoute -" "$SCRATCH/bizarre.yaml"
# a record that cannot be read is reported; the agenda still comes out
printf 'kind: action\nid: a-1\nid: a-2\n' >"$SCRATCH/double.yaml"
golden rencontre-agenda-ajoute-error \
    "eco-rencontre -C $DEMO ordre-du-jour 13 --ajoute -" "$SCRATCH/double.yaml"
golden rencontre-agenda-ajoute-missing \
    "eco-rencontre -C $DEMO ordre-du-jour 13 --ajoute absent.yaml"
# an ESC written in a meeting's sujet never reaches the terminal or the page
new_demo esc
sed 's/^  - {sujet: La parole aux parents, duree: 15}$/  - {sujet: "\\e[31mLa parole\\e[0m aux parents", duree: 15}/' \
    $DEMO/rencontres/r13.yaml >"$SCRATCH/esc/rencontres/r13.yaml"
golden rencontre-agenda-esc "eco-rencontre -C $SCRATCH/esc ordre-du-jour 13"
golden rencontre-agenda-esc-md "eco-rencontre -C $SCRATCH/esc ordre-du-jour 13 -o md"
golden rencontre-agenda-esc-html "eco-rencontre -C $SCRATCH/esc ordre-du-jour 13 -o html"
esc=$(for f in texte md html; do
	eco-rencontre -C "$SCRATCH/esc" ordre-du-jour 13 -o $f; done | tr -dc '\033' | wc -c)
if grep -q 'e\[31m' "$SCRATCH/esc/rencontres/r13.yaml" && [ "$esc" -eq 0 ]; then
	ok 'no ESC byte in the agenda, in any format'
else
	not_ok 'no ESC byte in the agenda, in any format'
fi
# reports never lie: invalid meetings give their diagnostics, no report
new_demo invalide
sed 's/^lieu:/lieux:/' $DEMO/rencontres/r13.yaml >"$SCRATCH/invalide/rencontres/r13.yaml"
printf -- '---\nkind: note\nversion: 1\nid: r12-note-9\nrencontre: r12\nfaites: [r12-version-courte]\ndecisions: oui\n' \
    >>"$SCRATCH/invalide/rencontres/r12.yaml"
golden rencontre-agenda-invalid "eco-rencontre -C $SCRATCH/invalide ordre-du-jour 13"
golden rencontre-suivis-invalid "eco-rencontre -C $SCRATCH/invalide suivis -o texte"
golden rencontre-agenda-99 "eco-rencontre -C $DEMO ordre-du-jour 99"
golden rencontre-agenda-bad-n "eco-rencontre -C $DEMO ordre-du-jour treize"
golden rencontre-agenda-two-n "eco-rencontre -C $DEMO ordre-du-jour 12 13"
golden rencontre-agenda-bad-format "eco-rencontre -C $DEMO ordre-du-jour -o csv"

# --- suivis ----------------------------------------------------------------

golden rencontre-suivis "eco-rencontre -C $DEMO suivis"
golden rencontre-suivis-json "eco-rencontre -C $DEMO suivis -o json"
golden rencontre-suivis-texte "eco-rencontre -C $DEMO suivis -o texte"
same 'todo is suivis' "eco-rencontre -C $DEMO todo" "eco-rencontre -C $DEMO suivis"
# the records are valid tache records, and filter with eco-cat
golden rencontre-suivis-valides "eco-rencontre -C $DEMO suivis | eco-validate -"
golden rencontre-suivis-cat \
    "eco-rencontre -C $DEMO suivis | eco-cat --ou responsable=ville-val -o json"
golden rencontre-suivis-operand "eco-rencontre -C $DEMO suivis tout"

# --- note -------------------------------------------------------------------

new_demo note
P=$SCRATCH/note
cp $P/rencontres/r13.yaml "$SCRATCH/r13.avant"
golden rencontre-note "eco-rencontre -C $P note 13 --presence cpe-soleil,maison-famille \
    --presence ville-val --absence alpha-cedres \
    --decision 'La navette est maintenue : mardi et samedi.' \
    --a-faire 'Envoyer le bilan annuel aux élus' --responsable maison-famille --echeance 2027-10-01 \
    --a-faire 'Réserver la salle pour l’hiver' --personne 'Geneviève Lalonde' \
    --fait r12-lettres-mandat --fait r11-bilan-annuel"
# what a person wrote is kept byte for byte, the note follows it
n=$(wc -c <"$SCRATCH/r13.avant")
if cmp -s -n "$n" "$SCRATCH/r13.avant" $P/rencontres/r13.yaml &&
    [ "$(wc -c <$P/rencontres/r13.yaml)" -gt "$n" ]; then
	ok 'note appends after the meeting, which is unchanged'
else
	not_ok 'note appends after the meeting, which is unchanged'
fi
golden rencontre-note-valide "cd $P && eco-validate"
golden rencontre-note-suivis "eco-rencontre -C $P suivis -o texte"
golden rencontre-note-agenda-14 "eco-rencontre -C $P ordre-du-jour 14"
# a second note gets the next number; -n writes nothing
golden rencontre-note-2 "eco-rencontre -C $P note 13 --fait r12-version-courte -n \
    --a-faire 'Envoyer le bilan annuel aux élus'"
cp $P/rencontres/r13.yaml "$SCRATCH/r13.apres"
golden rencontre-note-2-ecrite "eco-rencontre -C $P note 13 --fait r12-version-courte"
if cmp -s -n "$(wc -c <"$SCRATCH/r13.apres")" "$SCRATCH/r13.apres" $P/rencontres/r13.yaml; then
	ok 'a second note appends after the first'
else
	not_ok 'a second note appends after the first'
fi
# a meeting file without a final newline
printf 'kind: rencontre\nversion: 1\nid: r14\nnumero: 14\netape: mise-en-oeuvre\nstatut: prevue' \
    >$P/rencontres/r14.yaml
golden rencontre-note-no-newline "eco-rencontre -C $P note 14 --decision 'Rien à signaler.' && cat $P/rencontres/r14.yaml"
golden rencontre-note-valide-2 "cd $P && eco-validate -q"
# what cannot be recorded: nothing is written, status 1
cp $P/rencontres/r13.yaml "$SCRATCH/r13.avant-erreurs"
golden rencontre-note-unknown-member "eco-rencontre -C $P note 13 --presence cpe-soliel"
golden rencontre-note-unknown-responsable \
    "eco-rencontre -C $P note 13 --a-faire 'Appeler' --responsable ville"
golden rencontre-note-unknown-todo "eco-rencontre -C $P note 13 --fait r12-version-courtes"
golden rencontre-note-unknown-todo-far "eco-rencontre -C $P note 13 --fait zzz"
golden rencontre-note-done-already "eco-rencontre -C $P note 13 --fait r01-recensement -n"
golden rencontre-note-no-meeting "eco-rencontre -C $P note 19 --decision 'Oui.'"
if cmp -s "$SCRATCH/r13.avant-erreurs" $P/rencontres/r13.yaml; then
	ok 'a refused note writes nothing'
else
	not_ok 'a refused note writes nothing'
fi
# a write killed in mid-air leaves the file whole; its temporary file is
# removed, with a note, by the next write
new_demo tue
cp $SCRATCH/tue/rencontres/r13.yaml "$SCRATCH/r13.tue"
printf 'kind: note\n' >$SCRATCH/tue/rencontres/r13.yaml.tmp.AbC123
golden rencontre-note-stale "eco-rencontre -C $SCRATCH/tue note 13 --decision 'Oui.'"
i=0
while [ $i -lt 20 ]; do
	eco-rencontre -C $SCRATCH/tue note 13 --decision "Essai $i." >/dev/null 2>&1 &
	kill -9 $! 2>/dev/null
	wait $! 2>/dev/null
	i=$((i + 1))
done
n=$(wc -c <"$SCRATCH/r13.tue")
eco-rencontre -C $SCRATCH/tue note 13 --decision 'Après.' >/dev/null 2>&1
if cmp -s -n "$n" "$SCRATCH/r13.tue" $SCRATCH/tue/rencontres/r13.yaml &&
    grep -q 'Après' $SCRATCH/tue/rencontres/r13.yaml &&
    [ -z "$(ls $SCRATCH/tue/rencontres | grep '\.tmp\.')" ] &&
    eco-validate -q $SCRATCH/tue >/dev/null 2>&1; then
	ok 'kill -9 during note: the meeting whole, no temporary file left'
else
	not_ok 'kill -9 during note: the meeting whole, no temporary file left'
fi
golden rencontre-note-nothing "eco-rencontre -C $P note 13"
golden rencontre-note-no-n "eco-rencontre -C $P note --decision 'Oui.'"
golden rencontre-note-bad-n "eco-rencontre -C $P note 0 --decision 'Oui.'"
golden rencontre-note-two-n "eco-rencontre -C $P note 12 13 --decision 'Oui.'"
golden rencontre-note-responsable-first \
    "eco-rencontre -C $P note 13 --responsable cpe-soleil --a-faire 'Appeler'"
golden rencontre-note-echeance-first "eco-rencontre -C $P note 13 --echeance 2027-10-01"
golden rencontre-note-personne-first "eco-rencontre -C $P note 13 --personne 'Julie'"
golden rencontre-note-bad-echeance \
    "eco-rencontre -C $P note 13 --a-faire 'Appeler' --echeance 2027-02-30"
golden rencontre-note-bad-id "eco-rencontre -C $P note 13 --presence 'CPE Soleil'"
golden rencontre-note-empty-decision "eco-rencontre -C $P note 13 --decision ''"
# each id of a list is checked
golden rencontre-note-bad-id-list "eco-rencontre -C $P note 13 --presence cpe-soleil,Ville-Val"
golden rencontre-note-help "eco-rencontre note --help"

# --- planifie ----------------------------------------------------------------

# A new project: every meeting of the cycle is written, one plan year
mkdir "$SCRATCH/neuf"
printf 'kind: regroupement\nversion: 1\nnom: Regroupement neuf\nterritoire: {nom: Val-Neuf}\n' \
    >"$SCRATCH/neuf/eco.yaml"
golden rencontre-planifie-neuf-n "cd $SCRATCH/neuf && eco-rencontre planifie --debut 2026-09-03 -n"
if [ ! -e "$SCRATCH/neuf/rencontres" ]; then ok 'planifie -n writes nothing'; else
	not_ok 'planifie -n writes nothing'; fi
same 'planifie -n prints what planifie writes' \
    "cd $SCRATCH/neuf && eco-rencontre planifie --debut 2026-09-03 --dry-run | eco-cat -o json" \
    "cd $SCRATCH/neuf && eco-rencontre planifie --debut 2026-09-03 >/dev/null && eco-cat -o json rencontres"
rm -rf "$SCRATCH/neuf/rencontres"
golden rencontre-planifie-neuf "cd $SCRATCH/neuf && eco-rencontre planifie --debut 2026-09-03 --frequence 3"
golden rencontre-planifie-neuf-r06 "cat $SCRATCH/neuf/rencontres/r06.yaml"
golden rencontre-planifie-neuf-valide "cd $SCRATCH/neuf && eco-validate -q rencontres"
# again: every meeting is there, nothing is written over
cp "$SCRATCH/neuf/rencontres/r01.yaml" "$SCRATCH/r01.avant"
printf '# notes de la coordination\n' >>"$SCRATCH/neuf/rencontres/r01.yaml"
golden rencontre-planifie-neuf-encore "cd $SCRATCH/neuf && eco-rencontre planifie --debut 2027-01-07"
if grep -q 'notes de la coordination' "$SCRATCH/neuf/rencontres/r01.yaml"; then
	ok 'planifie never writes over a meeting'; else
	not_ok 'planifie never writes over a meeting'; fi
# the demo: the planning meetings follow its three retained factors, the
# regular ones its three years of plan; a missing meeting is written back
new_demo plan
rm "$SCRATCH/plan/rencontres/r05.yaml"
golden rencontre-planifie-demo "cd $SCRATCH/plan && eco-rencontre planifie --debut 2027-10-14 --frequence 6"
golden rencontre-planifie-demo-r05 "cat $SCRATCH/plan/rencontres/r05.yaml"
# a file that is no meeting, under the name a meeting would take
rm "$SCRATCH/plan/rencontres/r20.yaml"
printf 'kind: note\nversion: 1\nid: r13-note-1\nrencontre: r13\n' >"$SCRATCH/plan/rencontres/r20.yaml"
golden rencontre-planifie-taken "cd $SCRATCH/plan && eco-rencontre planifie --debut 2028-09-07"
# errors
golden rencontre-planifie-no-debut "eco-rencontre -C $DEMO planifie -n | grep -c ^kind:"
golden rencontre-planifie-bad-debut "eco-rencontre -C $DEMO planifie --debut 2026-02-30"
golden rencontre-planifie-bad-frequence "eco-rencontre -C $DEMO planifie --debut 2026-09-03 --frequence 0"
golden rencontre-planifie-bad-frequence-text "eco-rencontre -C $DEMO planifie --debut 2026-09-03 --frequence quatre"
golden rencontre-planifie-operand "eco-rencontre -C $DEMO planifie --debut 2026-09-03 tout"
# a folder that cannot be written: a system error
if [ "$(id -u)" -ne 0 ]; then
	new_demo lecture
	rm "$SCRATCH/lecture/rencontres/r13.yaml"
	chmod a-w "$SCRATCH/lecture/rencontres"
	expect 3 'planifie in a folder it cannot write' \
	    "eco-rencontre -C $SCRATCH/lecture planifie --debut 2027-09-16"
	chmod u+w "$SCRATCH/lecture/rencontres"
fi

# --- The command -------------------------------------------------------------

golden rencontre-no-sub "eco-rencontre"
golden rencontre-unknown-sub "eco-rencontre planifier"
golden rencontre-help "eco-rencontre --help"
golden rencontre-agenda-help "eco-rencontre ordre-du-jour --help"
same 'planifié is planifie, accents aside' \
    "eco-rencontre -C $DEMO planifié --debut 2030-01-10 -n" \
    "eco-rencontre -C $DEMO planifie --debut 2030-01-10 -n"
same 'record is note' "eco-rencontre -C $DEMO record 13 -n --fait r12-lettres-mandat" \
    "eco-rencontre -C $DEMO note 13 -n --fait r12-lettres-mandat"
golden rencontre-version "eco-rencontre --version"
golden rencontre-bad-option "eco-rencontre suivis --tout"
golden rencontre-no-project "cd $SCRATCH && eco-rencontre suivis"
golden rencontre-bad-dir "eco-rencontre -C nulle-part suivis"
golden rencontre-dev-full "eco-rencontre -C $DEMO suivis >/dev/full"

# --- compte-rendu: the minutes of a held meeting ------------------------------
golden rencontre-cr-5 "eco-rencontre -C $DEMO compte-rendu 5"
golden rencontre-cr-5-md "eco-rencontre -C $DEMO minutes -o md 5"
expect 0 'compte-rendu: html, no id and no command line' \
    "eco-rencontre -C $DEMO compte-rendu 5 -o html > $SCRATCH/cr.html && ! grep -q 'pri-\\|obj-\\|const-\\|eco-rencontre' $SCRATCH/cr.html"
golden rencontre-cr-pas-tenue "eco-rencontre -C $DEMO compte-rendu 13"
golden rencontre-cr-inconnue "eco-rencontre -C $DEMO compte-rendu 40"
golden rencontre-cr-usage "eco-rencontre -C $DEMO compte-rendu"
# A cancelled meeting says so; a held one's agenda says it was held.
cp -R $DEMO "$SCRATCH/annulee"
sed -i 's/^statut: tenue/statut: annulee/' "$SCRATCH/annulee/rencontres/r04.yaml"
golden rencontre-cr-annulee "eco-rencontre -C $SCRATCH/annulee compte-rendu 4 | head -8"
golden rencontre-agenda-tenue "eco-rencontre -C $DEMO ordre-du-jour 5 | head -5"

done_testing
