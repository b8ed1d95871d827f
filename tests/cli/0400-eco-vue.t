#!/bin/sh
# eco-vue: the overview of the demo plan in every format and view, the
# state of each action from follow-ups and dates, records from eco-plan
# in a pipe, what a plan cannot smuggle into HTML or CSV, and every
# error with its status.  --au fixes "today" so the goldens hold.
. "$(dirname "$0")/lib.sh"

D=tests/cli/data
DEMO="-C examples/demo --au 2027-09-01"

# --- The demo, in every format -----------------------------------------

for f in texte md html csv json yaml; do
	golden "vue-demo-$f" "eco-vue $DEMO -o $f"
done
same 'texte is the default' "eco-vue $DEMO" "eco-vue $DEMO -o texte"
same 'text is texte, --format is -o' "eco-vue $DEMO --format text" \
    "eco-vue $DEMO -o texte"

# --- One view, or several, in their own order ---------------------------

for v in objectifs partenaires bailleurs calendrier budget; do
	golden "vue-demo-$v" "eco-vue $DEMO --vue $v"
done
golden vue-demo-budget-md "eco-vue $DEMO --vue budget -o md"
golden vue-demo-budget-calendrier-csv \
    "eco-vue $DEMO --vue budget --vue calendrier -o csv"
same 'views come in their own order' \
    "eco-vue $DEMO --vue budget --vue calendrier" \
    "eco-vue $DEMO --vue calendrier --vue budget"

# --- States: follow-ups, else dates -------------------------------------

# One action of each state, ties between follow-ups, a follow-up dated
# after --au, an action without dates; amounts of 0.10 + 0.20.
golden vue-etats "eco-vue -C $D/vue-etats --au 2027-04-01"
golden vue-etats-json "eco-vue -C $D/vue-etats --au 2027-04-01 -o json"
# The demo before it starts, a year later (late actions), after its end.
golden vue-demo-2026 "eco-vue -C examples/demo --au 2026-09-10 --vue calendrier"
golden vue-demo-2028 "eco-vue -C examples/demo --au 2028-09-01 --vue calendrier"
golden vue-demo-2030 "eco-vue -C examples/demo --au 2030-01-01 --vue calendrier"
same 'without --au, today' "eco-vue -C examples/demo --vue calendrier" \
    "eco-vue -C examples/demo --vue calendrier --au ${ECO_AUJOURDHUI:-$(date +%Y-%m-%d)}"

# --- Where the plan comes from ------------------------------------------

same 'a plan file finds its project (and its follow-ups)' \
    "eco-vue --au 2027-09-01 examples/demo/plan.yaml" "eco-vue $DEMO"
same 'a folder: the plan in it, other kinds skipped' \
    "eco-vue --au 2027-09-01 examples/demo" "eco-vue $DEMO"
same 'the plan on standard input, in the project' \
    "cd examples/demo && eco-vue --au 2027-09-01 - <plan.yaml" "eco-vue $DEMO"
same 'the project from below its root' \
    "cd examples/demo/suivis && eco-vue --au 2027-09-01" "eco-vue $DEMO"
# Records without a plan or a project: the period from the actions, the
# state a record carries, an objective only an action names.
golden vue-records "eco-vue --au 2027-04-01 $D/vue-records.yaml"
golden vue-records-budget-json \
    "eco-vue --au 2027-04-01 --vue budget -o json - <$D/vue-records.yaml"

# --- Pipelines with eco-plan ---------------------------------------------

golden vue-pipe-actions-md \
    "cd examples/demo && eco-plan actions | eco-vue --au 2027-09-01 -o md -"
golden vue-pipe-cpe-soleil \
    "cd examples/demo && eco-plan actions | eco-cat --ou responsable=cpe-soleil | eco-vue --au 2027-09-01 -"
golden vue-pipe-bailleur-html \
    "cd examples/demo && eco-plan actions --bailleur caisse-des-cedres | eco-vue --au 2027-09-01 --vue bailleurs -o html -"
same 'records give the timeline of the plan' \
    "cd examples/demo && eco-plan actions | eco-vue --au 2027-09-01 --vue calendrier -o csv -" \
    "eco-vue $DEMO --vue calendrier -o csv"
same 'records give the objectives of the plan' \
    "cd examples/demo && { eco-plan objectifs; eco-plan transformations; eco-plan indicateurs; eco-plan actions; } | eco-vue --au 2027-09-01 --vue objectifs -o json -" \
    "eco-vue $DEMO --vue objectifs -o json"
# Records do not carry the funders' names, but the amounts are the same.
same 'records give the budget of the plan' \
    "cd examples/demo && eco-plan actions | eco-vue --au 2027-09-01 --vue budget -o json - | grep -E '\"par\":\"(systeme|annee|total)\"'" \
    "eco-vue $DEMO --vue budget -o json | grep -E '\"par\":\"(systeme|annee|total)\"'"

# --- Nothing from the plan runs in a browser or a spreadsheet -----------

golden vue-injection-html "eco-vue --au 2027-04-01 -o html $D/vue-injection.yaml"
golden vue-injection-csv "eco-vue --au 2027-04-01 -o csv $D/vue-injection.yaml"
golden vue-injection-md "eco-vue --au 2027-04-01 -o md $D/vue-injection.yaml"
expect 1 'html: no tag from the plan' \
    "eco-vue --au 2027-04-01 -o html $D/vue-injection.yaml | grep -i -e '<script' -e '<img' -e '<b>' -e '</table><'"
# In Markdown, \< is a literal <: only an unescaped one would be a tag.
expect 1 'md: no tag from the plan' \
    "eco-vue --au 2027-04-01 -o md $D/vue-injection.yaml | grep -i -E '(^|[^\\\\])<(script|img|b>|/table)'"
expect 1 'csv: no cell starts a formula' \
    "eco-vue --au 2027-04-01 -o csv $D/vue-injection.yaml | grep -E '(^|;)\"?[=+@	-]'"
expect 0 'csv: the neutralised cells are there' \
    "eco-vue --au 2027-04-01 -o csv $D/vue-injection.yaml | grep -F \";'=SUM(A1);confirme;100,00\""

# --- Errors in the data: every one, as eco-validate says it, nothing
# --- printed, status 1 ---------------------------------------------------

golden vue-err-montants "eco-vue $D/vue-err-montants.yaml"
golden vue-err-dates "eco-vue $D/vue-err-dates.yaml"
golden vue-err-suivi "eco-vue -C $D/vue-err-suivi --au 2027-04-01"
# two plans named (the same file named twice is read once)
mkdir "$SCRATCH/plans"
cp examples/demo/plan.yaml "$SCRATCH/plans/a.yaml"
cp examples/demo/plan.yaml "$SCRATCH/plans/b.yaml"
golden vue-err-two-plans "cd $SCRATCH/plans && eco-vue a.yaml b.yaml 2>err; \
    rc=\$?; head -2 err; exit \$rc"
golden vue-err-twice \
    "cd examples/demo && eco-plan actions | eco-vue --au 2027-09-01 - plan.yaml"
golden vue-err-empty "printf '' | eco-vue -"
golden vue-err-other-kinds "eco-vue examples/demo/constats.yaml"
golden vue-err-yaml "printf 'kind: plan\nobjectifs: [\n' | eco-vue -"
# Amounts above the schema's maximum (999 999 999,99 $), which keeps every
# sum countable in cents.
golden vue-err-trop-grand "eco-vue tests/cli/data/vue-err-trop-grand.yaml"
# The project's files are checked too: a broken eco.yaml (names of the
# organisations), a key typo that would drop a budget from every total,
# a missing "-" before an action that would drop it and its follow-ups.
cp -R examples/demo "$SCRATCH/demo"
printf 'kind: regroupement\nmembres: [\n' >"$SCRATCH/demo/eco.yaml"
golden vue-err-eco-yaml "eco-vue -C '$SCRATCH/demo' --au 2027-09-01 --vue budget"
cp -R examples/demo "$SCRATCH/budgt"
sed '111s/^            budget:/            budgt:/' examples/demo/plan.yaml \
    >"$SCRATCH/budgt/plan.yaml"
golden vue-err-budgt "eco-vue -C '$SCRATCH/budgt' --au 2027-09-01 --vue budget"
cp -R examples/demo "$SCRATCH/tiret"
sed '507s/- id:/  id:/' examples/demo/plan.yaml >"$SCRATCH/tiret/plan.yaml"
golden vue-err-tiret "eco-vue -C '$SCRATCH/tiret' --au 2027-09-01"

# --- Usage and system errors --------------------------------------------

golden vue-usage-vue "eco-vue --vue toutes"
golden vue-usage-au "eco-vue --au 2027-02-30"
golden vue-usage-format "eco-vue -o pdf"
golden vue-usage-option "eco-vue --inconnue"
golden vue-usage-no-project "eco-vue -C '$SCRATCH'"
golden vue-help "eco-vue --help"
golden vue-version "eco-vue --version"
golden vue-err-dir "eco-vue -C $D/nulle-part"
golden vue-err-missing "eco-vue $D/absent.yaml"
golden vue-dev-full "eco-vue $DEMO >/dev/full"

done_testing
