#!/bin/sh
# eco-diagnostic: the questionnaire on paper and in YAML, answered sheets
# received into diagnostics/ (checked, appended, recognised when given
# twice, refused whole with their reasons), a session compiled per
# condition and per item, two sessions compared; the cycle objective
# evaluer-fonctionnement reached from what compile counts; every error.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo

new_demo() {
	rm -rf "$SCRATCH/$1"
	mkdir "$SCRATCH/$1"
	cp -r $DEMO/. "$SCRATCH/$1/"
}

# A filled answer from the YAML questionnaire: answer NAME ORG ANSWERS
# (18 letters, or fewer to leave the last items empty).
answer() {
	eco-diagnostic questionnaire -o yaml --session diag-2028 \
	    --date 2028-06-08 --mode individuel-compile --organisme "$2" |
	awk -v a="$3" '/^  "[0-9]+":$/ { n = substr($1, 2) + 0; l = substr(a, n, 1);
		if (l != "") { print $0 " " l; next } } { print }' >"$1"
}

# --- questionnaire ----------------------------------------------------------

golden diagnostic-questionnaire "eco-diagnostic questionnaire"
golden diagnostic-questionnaire-md "eco-diagnostic questionnaire -o md"
golden diagnostic-questionnaire-html "eco-diagnostic questionnaire -o html"
golden diagnostic-questionnaire-yaml \
    "eco-diagnostic questionnaire -o yaml --session diag-2028 --date 2028-06-08 --mode groupe --organisme clsc-val"
# every item's statement is on the paper form
n=$(eco-diagnostic questionnaire -o md | grep -c '^☐\|^- ☐\|^\* ☐')
if [ "$n" -eq 54 ]; then ok "the paper form has A, B and C for 18 items"; else
	not_ok "the paper form has A, B and C for 18 items ($n boxes)"; fi
# the paper carries no command line and no YAML
if eco-diagnostic questionnaire -o html | grep -q 'eco-\|kind:'; then
	not_ok "the paper questionnaire has no command line"
else ok "the paper questionnaire has no command line"; fi
golden diagnostic-questionnaire-bad-mode \
    "eco-diagnostic questionnaire -o yaml --mode ensemble"

# the questionnaire's data follow their schema
expect 0 "data/diagnostic.yaml is valid" "eco-validate data/diagnostic.yaml"

# --- compile, sessions, compare ---------------------------------------------

golden diagnostic-sessions "eco-diagnostic -C $DEMO sessions"
golden diagnostic-sessions-json "eco-diagnostic -C $DEMO sessions -o json"
golden diagnostic-compile "eco-diagnostic -C $DEMO compile --session diag-2027"
same 'compile without --session is the latest session' \
    "eco-diagnostic -C $DEMO compile | sed -n '/^Par condition/,\$p'" \
    "eco-diagnostic -C $DEMO compile --session diag-2027 | sed -n '/^Par condition/,\$p'"
golden diagnostic-compile-group "eco-diagnostic -C $DEMO compile --session diag-2026 -o md"
golden diagnostic-compile-html "eco-diagnostic -C $DEMO compile --session diag-2027 -o html"
golden diagnostic-compile-csv "eco-diagnostic -C $DEMO compile --session diag-2027 -o csv"
golden diagnostic-compile-json "eco-diagnostic -C $DEMO compile --session diag-2027 -o json"
golden diagnostic-compile-files \
    "cd $DEMO && eco-diagnostic compile diagnostics/2027-06-cpe-soleil.yaml diagnostics/2027-06-maison-famille.yaml"
golden diagnostic-compile-unknown "eco-diagnostic -C $DEMO compile --session diag-2030"
golden diagnostic-compare "eco-diagnostic -C $DEMO compare diag-2026 diag-2027"
golden diagnostic-compare-json "eco-diagnostic -C $DEMO compare diag-2026 diag-2027 -o json"
golden diagnostic-compare-one "eco-diagnostic -C $DEMO compare diag-2026"
golden diagnostic-compare-unknown "eco-diagnostic -C $DEMO compare diag-2026 diag-2031"
# the score is our proposal in every output that shows one
for f in texte md html csv json; do
	if eco-diagnostic -C $DEMO compile -o $f | grep -q 'proposition'; then
		ok "compile -o $f says the score is a proposal"
	else not_ok "compile -o $f says the score is a proposal"; fi
done
# reports never lie: an invalid answer, diagnostics only
new_demo bad
sed 's/^  "5": B$/  "5": D/' $DEMO/diagnostics/2027-06-cpe-soleil.yaml \
    >"$SCRATCH/bad/diagnostics/2027-06-cpe-soleil.yaml"
golden diagnostic-compile-invalid "cd $SCRATCH/bad && eco-diagnostic compile"
golden diagnostic-no-project "cd $SCRATCH && eco-diagnostic compile"
# a project without answers yet
new_demo empty
rm "$SCRATCH/empty/diagnostics/"*.yaml
golden diagnostic-sessions-none "cd $SCRATCH/empty && eco-diagnostic sessions"
golden diagnostic-compile-none "cd $SCRATCH/empty && eco-diagnostic compile"

# --- recois -------------------------------------------------------------------

new_demo r
(cd "$SCRATCH/r" && answer retour-clsc.yaml clsc-val ABBCABBABCBBACBABB &&
    answer retour-ecole.yaml ecole-des-pins BBCCABBBBCBBACBAAB &&
    answer vide.yaml alpha-cedres ABBC)
golden diagnostic-recois "cd $SCRATCH/r && eco-diagnostic recois retour-clsc.yaml retour-ecole.yaml"
golden diagnostic-recois-file "cat $SCRATCH/r/diagnostics/diag-2028.yaml"
golden diagnostic-recois-compiled "cd $SCRATCH/r && eco-diagnostic compile --session diag-2028 -o csv"
# received twice: recognised, the file is not touched
cp "$SCRATCH/r/diagnostics/diag-2028.yaml" "$SCRATCH/before"
golden diagnostic-recois-twice "cd $SCRATCH/r && eco-diagnostic recois retour-clsc.yaml"
if cmp -s "$SCRATCH/before" "$SCRATCH/r/diagnostics/diag-2028.yaml"; then
	ok "a sheet received twice is not appended twice"
else not_ok "a sheet received twice is not appended twice"; fi
# another answer under a taken id is refused
sed 's/^  "4": C$/  "4": A/' "$SCRATCH/r/retour-clsc.yaml" >"$SCRATCH/r/autre.yaml"
golden diagnostic-recois-same-id "cd $SCRATCH/r && eco-diagnostic recois autre.yaml"
# a sheet not filled in is refused whole, left as it is, the others received
cp "$SCRATCH/r/vide.yaml" "$SCRATCH/vide-before"
golden diagnostic-recois-refused "cd $SCRATCH/r && eco-diagnostic recois vide.yaml retour-clsc.yaml"
if cmp -s "$SCRATCH/vide-before" "$SCRATCH/r/vide.yaml"; then
	ok "a refused sheet stays where it was, unchanged"
else not_ok "a refused sheet stays where it was, unchanged"; fi
# -n writes nothing
(cd "$SCRATCH/r" && answer autre-n.yaml carrefour-accueil AAAAAAAAAAAAAAAAAA)
cp "$SCRATCH/r/diagnostics/diag-2028.yaml" "$SCRATCH/before"
golden diagnostic-recois-dry "cd $SCRATCH/r && eco-diagnostic recois -n autre-n.yaml"
if cmp -s "$SCRATCH/before" "$SCRATCH/r/diagnostics/diag-2028.yaml"; then
	ok "recois -n writes nothing"; else not_ok "recois -n writes nothing"; fi
printf 'kind: constat\nid: c-1\nenonce: Un constat\n' >"$SCRATCH/r/constat.yaml"
golden diagnostic-recois-other-kind "cd $SCRATCH/r && eco-diagnostic recois constat.yaml"
golden diagnostic-recois-missing "cd $SCRATCH/r && eco-diagnostic recois absent.yaml"
golden diagnostic-recois-none "cd $SCRATCH/r && eco-diagnostic recois"
# standard input is a sheet like the others, refused on its own
golden diagnostic-recois-stdin "cd $SCRATCH/r && eco-diagnostic recois - retour-ecole.yaml" \
    "$SCRATCH/r/vide.yaml"
# an unknown member in a sheet: its reference checked
(cd "$SCRATCH/r" && answer inconnu.yaml garderie-x ABBCABBABCBBACBABB)
golden diagnostic-recois-unknown-member "cd $SCRATCH/r && eco-diagnostic recois inconnu.yaml"

# --- the cycle: evaluer-fonctionnement ----------------------------------------

# a project with one answer given alone: not enough to compile
new_demo cycle
rm "$SCRATCH/cycle/diagnostics/"*.yaml
cp $DEMO/diagnostics/2027-06-cpe-soleil.yaml "$SCRATCH/cycle/diagnostics/"
if (cd "$SCRATCH/cycle" && eco-demarche etat) 2>&1 | grep -q 'fait *evaluer-fonctionnement'; then
	not_ok "one questionnaire answered alone does not reach evaluer-fonctionnement"
else ok "one questionnaire answered alone does not reach evaluer-fonctionnement"; fi
# two respondents of one way of answering: compile counts both, the
# objective is reached
cp $DEMO/diagnostics/2027-06-maison-famille.yaml "$SCRATCH/cycle/diagnostics/"
golden diagnostic-cycle-compile "cd $SCRATCH/cycle && eco-diagnostic compile -o json | head -1"
if (cd "$SCRATCH/cycle" && eco-demarche etat) 2>&1 | grep -q 'fait *evaluer-fonctionnement'; then
	ok "two questionnaires compiled reach evaluer-fonctionnement"
else not_ok "two questionnaires compiled reach evaluer-fonctionnement"; fi
# the command the cycle names runs as printed
cmd=$(cd $DEMO && eco-demarche objectif evaluer-fonctionnement 2>/dev/null | sed -n 's/.*\(eco-diagnostic[a-z -]*\).*/\1/p' | head -1)
[ -n "$cmd" ] || cmd=$(sed -n '/id: evaluer-fonctionnement/,/commande:/s/.*commande: //p' data/demarche.yaml)
expect 0 "the cycle's command « $cmd » runs" "cd $DEMO && $cmd"

# --- usage ------------------------------------------------------------------

golden diagnostic-help "eco-diagnostic --help"
golden diagnostic-no-sub "eco-diagnostic"
golden diagnostic-compare-usage "eco-diagnostic compare -o yaml diag-2026 diag-2027"

done_testing
