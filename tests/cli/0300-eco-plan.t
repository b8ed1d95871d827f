#!/bin/sh
# eco-plan: the skeleton from the priorities, the planning meeting's
# check, the plan flattened into records with every filter, the
# follow-up calendar; the pipelines with eco-cat and eco-validate;
# every usage error and exit status.
. "$(dirname "$0")/lib.sh"

D=tests/cli/data
P=$D/plan-projet		# a small complete project
DEMO=examples/demo

# --- Usage ---------------------------------------------------------------

golden plan-help "eco-plan --help"
expect 0 'eco-plan --version' "eco-plan --version | grep -q '^eco-plan (eco) '"
golden plan-no-subcommand "eco-plan"
golden plan-unknown-subcommand "eco-plan actons -C $P"
golden plan-unknown-subcommand-far "eco-plan bidule -C $P"
golden plan-bad-option "eco-plan actions -x -C $P"
golden plan-bad-format "eco-plan actions -o texte -C $P"
golden plan-bad-format-verifie "eco-plan verifie -o yaml -C $P"
golden plan-bad-format-squelette "eco-plan squelette -o json -C $P"
golden plan-bad-systeme "eco-plan actions --systeme enfnat -C $P"
golden plan-bad-systeme-far "eco-plan actions --systeme parents -C $P"
golden plan-entre-one-date "eco-plan actions -C $P --entre 2027-01-01"
golden plan-entre-bad-date "eco-plan actions -C $P --entre 2027-02-30 2027-03-01"
golden plan-entre-reversed "eco-plan actions -C $P --entre 2027-03-01 2027-02-01"
golden plan-e-not-squelette "eco-plan actions -e -C $P"
golden plan-ecrire-not-squelette "eco-plan actions --ecrire -C $P"
golden plan-actions-help "eco-plan actions --help"
same 'vérifie is verifie' "eco-plan -C $P verifie" "eco-plan -C $P vérifie"
same 'VERIFIE is verifie' "eco-plan -C $P verifie" "eco-plan -C $P VERIFIE"
golden plan-filter-verifie "eco-plan verifie --responsable biblio -C $P"
golden plan-filter-squelette "eco-plan squelette --entre 2027-01-01 2027-02-01 -C $P"
golden plan-bad-dir "eco-plan actions -C $D/nulle-part"
# outside any project, standard input is asked for with "-"
golden plan-no-project "cd $D && eco-plan actions"

# A project without its plan, or without its priorities.
mkdir -p "$SCRATCH/vide"
cp $P/eco.yaml "$SCRATCH/vide/"
golden plan-no-plan-file "cd '$SCRATCH/vide' && eco-plan actions"
golden plan-no-priorities-file "cd '$SCRATCH/vide' && eco-plan squelette"

# --- Records ---------------------------------------------------------------

golden plan-actions "eco-plan -C $P actions"
golden plan-actions-json "eco-plan -C $P actions -o json"
golden plan-indicateurs "eco-plan -C $P indicateurs"
golden plan-transformations "eco-plan -C $P transformations"
golden plan-objectifs-json "eco-plan -C $P objectifs --format json"
same 'aliases: indicators, objectives' \
    "eco-plan -C $P indicateurs; eco-plan -C $P objectifs" \
    "eco-plan -C $P indicators; eco-plan -C $P objectives"
same 'a file operand, -f, and - read the same plan' \
    "eco-plan actions $P/plan.yaml" "eco-plan actions -f $P/plan.yaml"
same 'standard input with -' \
    "eco-plan actions $P/plan.yaml" "eco-plan actions - <$P/plan.yaml"
same 'from a subfolder of the project' \
    "eco-plan -C $P actions" "mkdir -p '$SCRATCH/p/sous' && cp $P/*.yaml '$SCRATCH/p/' && cd '$SCRATCH/p/sous' && eco-plan actions"

# Every record is valid against its schema, for the test project and
# for the demo, every kind.
for k in objectifs transformations indicateurs actions; do
	expect 0 "$k records of the test plan are valid" \
	    "eco-plan -C $P $k | eco-validate -q -"
	expect 0 "$k records of the demo are valid" \
	    "eco-plan -C $DEMO $k | eco-validate -q -"
done

# Filters.
golden plan-actions-systeme "eco-plan -C $P actions --systeme famille -o json"
golden plan-actions-responsable "eco-plan -C $P actions --responsable biblio -o json"
golden plan-actions-partenaire "eco-plan -C $P actions --partenaire clsc -o json"
golden plan-actions-bailleur "eco-plan -C $P actions --bailleur fondation-x -o json"
golden plan-actions-entre "eco-plan -C $P actions --entre 2027-07-01 2027-12-31 -o json"
golden plan-actions-filters "eco-plan -C $P actions --between 2027-07-01 2027-12-31 --funder ville --system enfant -o json"
golden plan-actions-none "eco-plan -C $P actions --responsable personne"
golden plan-indicateurs-responsable "eco-plan -C $P indicateurs --responsable clsc -o json"
golden plan-indicateurs-entre "eco-plan -C $P indicateurs --entre 2027-01-01 2027-12-31 -o json"
golden plan-indicateurs-partenaire "eco-plan -C $P indicateurs --partenaire clsc"
golden plan-transformations-responsable "eco-plan -C $P transformations --responsable biblio -o json"
golden plan-transformations-systeme "eco-plan -C $P transformations --systeme communaute -o json"
golden plan-objectifs-bailleur "eco-plan -C $P objectifs --bailleur fondation-x -o json"
golden plan-objectifs-partenaire "eco-plan -C $P objectifs --partenaire biblio -o json"
golden plan-actions-facteur "eco-plan -C $P actions --facteur habiletes-langagieres -o json"
golden plan-objectifs-facteur "eco-plan -C $P objectifs --factor habitudes-lecture-parent-enfant -o json"
golden plan-calendrier-facteur "eco-plan -C $P calendrier --facteur habitudes-lecture-parent-enfant"
golden plan-actions-bad-facteur "eco-plan -C $P actions --facteur 'Habitudes lecture'"
# A factor no fiche has is an error with the closest ids, not an empty list.
golden plan-actions-facteur-inconnu "eco-plan -C $P actions --facteur soutien-social"
golden plan-calendrier-facteur-inconnu "eco-plan -C $P calendrier --facteur zzz"

# Other kinds pass through, in stream order; records of the kind asked
# for are filtered like the plan's own.
golden plan-records-pass "eco-plan actions $D/plan-records.yaml"
golden plan-records-filter "eco-plan actions --responsable biblio -o json $D/plan-records.yaml"
golden plan-records-indicateurs "eco-plan indicateurs -o json $D/plan-records.yaml"
same 'records of records are the same records' \
    "eco-plan -C $P actions --systeme famille" \
    "eco-plan -C $P actions | eco-plan actions --systeme famille -"

# Errors in the input.
golden plan-err-tab "eco-plan actions $D/plan-err-tab.yaml"
# Reports never lie: a plan that fails validation gives its diagnostics,
# not its records, its calendar or a skeleton.
golden plan-actions-invalid "eco-plan actions $D/plan-incomplet.yaml"
golden plan-calendrier-invalid "eco-plan calendrier -o json $D/plan-incomplet.yaml"
golden plan-squelette-invalid "printf 'kind: objectif\\nversion: 1\\nid: o\\nlibelle: L\\nfacteur: 5\\n' | eco-plan squelette -"
golden plan-err-missing "eco-plan actions $D/absent.yaml"
expect 3 'a failed write is a system error' "eco-plan -C $P actions >/dev/full"

# --- Pipelines ---------------------------------------------------------

golden plan-pipe-cat "eco-plan -C $P actions | eco-cat --ou responsable=biblio -o json"
# On the demo: eco-cat selects what the filter selects.
expect 0 'the demo has actions of cpe-soleil' \
    "eco-plan -C $DEMO actions --responsable cpe-soleil | grep -q '^responsable: cpe-soleil'"
same 'eco-plan actions | eco-cat --ou responsable=cpe-soleil (demo)' \
    "eco-plan -C $DEMO actions --responsable cpe-soleil" \
    "eco-plan -C $DEMO actions | eco-cat --ou responsable=cpe-soleil"
same 'eco-plan actions --bailleur -o json (demo)' \
    "eco-plan -C $DEMO actions -o json | grep '\"bailleur\":\"caisse-des-cedres\"'" \
    "eco-plan -C $DEMO actions --bailleur caisse-des-cedres -o json"
# With eco-vue, once it is built: the overview of one organisation's
# actions, read from the pipe ("-": in a project, no operand means its
# plan.yaml).
if command -v eco-vue >/dev/null 2>&1; then
	expect 0 'eco-plan actions | eco-cat --ou ... | eco-vue -o md -' \
	    "eco-plan -C $DEMO actions | eco-cat --ou responsable=cpe-soleil | eco-vue -o md - | grep -q 'act-ateliers-langage'"
	expect 1 'eco-vue -o md - shows only what came through the pipe' \
	    "eco-plan -C $DEMO actions | eco-cat --ou responsable=cpe-soleil | eco-vue -o md - | grep -q 'act-heure-conte'"
fi

# --- verifie -------------------------------------------------------------

golden plan-verifie-complete "eco-plan -C $P verifie"
golden plan-verifie-complete-json "eco-plan -C $P verifie -o json"
golden plan-verifie-alias "eco-plan check $P/plan.yaml"
golden plan-verifie-incomplete "eco-plan verifie $D/plan-incomplet.yaml"
golden plan-verifie-incomplete-json "eco-plan verifie -o json $D/plan-incomplet.yaml"
golden plan-verifie-records "eco-plan verifie $D/plan-records.yaml"
# A required key that is missing is said once, as a gap; a wrong value
# is the schema's.
golden plan-verifie-absent-keys "printf 'kind: plan\\nversion: 1\\nobjectifs: [{id: o, libelle: L, facteur: 5}]\\n' | eco-plan verifie -"
golden plan-verifie-no-plan "eco-plan verifie $D/records.yaml"
golden plan-verifie-no-plan-json "eco-plan verifie -o json $D/records.yaml"
golden plan-verifie-err-tab "eco-plan verifie $D/plan-err-tab.yaml"
golden plan-verifie-err-tab-json "eco-plan verifie -o json $D/plan-err-tab.yaml"
# Complete, but the June evaluations ask for two changes: warnings.
expect 1 'the demo plan owes its evaluations two changes' "eco-plan -C $DEMO verifie"
# The plan as it was planned, before any evaluation: complete.
mkdir -p "$SCRATCH/planifie"
cp -R $DEMO/. "$SCRATCH/planifie/"
rm -r "$SCRATCH/planifie/evaluations"
expect 0 'the demo plan is complete' "eco-plan -C '$SCRATCH/planifie' verifie"
expect 0 'the records of a complete plan are complete' \
    "eco-plan -C $P actions | eco-plan verifie -"
# In a project, references are checked against the other files.
mkdir -p "$SCRATCH/refs"
cp $P/eco.yaml $P/priorites.yaml "$SCRATCH/refs/"
sed 's/responsable: biblio/responsable: bibli/' $P/plan.yaml >"$SCRATCH/refs/plan.yaml"
golden plan-verifie-refs "cd '$SCRATCH/refs' && eco-plan verifie"

# --- One definition of complete -----------------------------------------

# eco-plan verifie and the planning objectives of eco-demarche etat are
# one judgement (eco_plan_gaps): the plan is complete for one when it is
# for the other.  $1: the project; prints "complete" or "incomplete"
# for each of the two, which must agree.
judges='v=incomplete; eco-plan -C "$1" verifie >/dev/null 2>&1 && v=complete
	e=incomplete
	if j=$(eco-demarche -C "$1" etat -o json 2>/dev/null); then
		n=$(echo "$j" | grep -o "\"etape\":\"planification\",\"rencontre\":\"planification\",\"etat\":\"[a-z]*\"" | grep -vc "\"fait\"")
		[ "$n" -eq 0 ] && e=complete
	fi
	echo "$v $e"'
same 'verifie and etat agree: the demo plan is complete' \
    "sh -c '$judges' - '$SCRATCH/planifie'" "echo complete complete"
mkdir -p "$SCRATCH/sans-desc" "$SCRATCH/hors-periode"
cp -R $DEMO/. "$SCRATCH/sans-desc/"
cp -R $DEMO/. "$SCRATCH/hors-periode/"
sed '/^            description: Quatre boîtes/d' $DEMO/plan.yaml \
    >"$SCRATCH/sans-desc/plan.yaml"
sed 's/calendrier_suivi: \[2027-06-01, 2028-06-01, 2029-06-01\]/calendrier_suivi: [2027-06-01, 2028-06-01, 2030-06-01]/' \
    $DEMO/plan.yaml >"$SCRATCH/hors-periode/plan.yaml"
same 'verifie and etat agree: an action without a description' \
    "sh -c '$judges' - '$SCRATCH/sans-desc'" "echo incomplete incomplete"
same 'verifie and etat agree: a follow-up after the period' \
    "sh -c '$judges' - '$SCRATCH/hors-periode'" "echo incomplete incomplete"
golden plan-verifie-no-description "eco-plan -C '$SCRATCH/sans-desc' verifie"
golden plan-etat-no-description "eco-demarche -C '$SCRATCH/sans-desc' etat | grep decrire-actions"

# --- calendrier ----------------------------------------------------------

golden plan-calendrier "eco-plan -C $P calendrier"
golden plan-calendrier-json "eco-plan -C $P calendar -o json"
golden plan-calendrier-csv "eco-plan -C $P calendrier -o csv"
golden plan-calendrier-md "eco-plan -C $P calendrier -o md"
golden plan-calendrier-responsable "eco-plan -C $P calendrier --responsable clsc"
golden plan-calendrier-entre "eco-plan -C $P calendrier --entre 2027-06-01 2027-06-30"
golden plan-calendrier-records "eco-plan calendrier $D/plan-records.yaml"
golden plan-calendrier-pipe "eco-plan -C $P actions --partenaire biblio | eco-plan calendrier -"
expect 0 'the calendar of the demo in html' \
    "eco-plan -C $DEMO calendrier -o html | grep -q '</html>'"

# --- squelette -------------------------------------------------------

golden plan-squelette "eco-plan -C $P squelette"
golden plan-squelette-alias "eco-plan skeleton $P/priorites.yaml | head -30"
same 'the skeleton reads back as YAML' \
    "eco-plan -C $P squelette | eco-cat -o json | grep -c '\"kind\":\"plan\"'" \
    "echo 1"
golden plan-squelette-verifie "eco-plan -C $P squelette | eco-plan verifie -"
golden plan-squelette-no-objective "eco-plan squelette $D/plan-records.yaml"
expect 0 'the skeleton of the demo reads back' \
    "eco-plan -C $DEMO squelette | eco-cat >/dev/null"

# -e writes plan.yaml once, never over it.
mkdir -p "$SCRATCH/neuf"
cp $P/eco.yaml $P/priorites.yaml $P/constats.yaml "$SCRATCH/neuf/"
golden plan-squelette-e "cd '$SCRATCH/neuf' && eco-plan squelette -e"
same 'what -e writes is the skeleton printed' \
    "cat '$SCRATCH/neuf/plan.yaml'" "eco-plan -C $P squelette"
golden plan-squelette-e-again "cd '$SCRATCH/neuf' && eco-plan squelette --ecrire"
same 'the refused write left plan.yaml alone' \
    "cat '$SCRATCH/neuf/plan.yaml'" "eco-plan -C $P squelette"
# Refused before the project is even locked: no .eco.lock left behind.
mkdir -p "$SCRATCH/deja"
cp $P/*.yaml "$SCRATCH/deja/"
expect 1 'squelette -e refuses a project that has a plan' \
    "cd '$SCRATCH/deja' && eco-plan squelette -e"
expect 0 'and leaves the project untouched' \
    "test ! -e '$SCRATCH/deja/.eco.lock' && cmp -s '$SCRATCH/deja/plan.yaml' $P/plan.yaml"
golden plan-squelette-e-no-project "cd $D && eco-plan squelette -e plan-projet/priorites.yaml"

done_testing
