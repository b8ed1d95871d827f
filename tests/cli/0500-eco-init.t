#!/bin/sh
# eco-init: a new project (eco.yaml from the regroupement worksheet, the
# record folders, the worksheets of the first stage), the copy of the
# demonstration project, and the refusal to replace any file.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
TOP=$(pwd)

# --- A new project -----------------------------------------------------

golden eco-init-new "cd $S && eco-init --nom 'Grandir ensemble' \
    --territoire Val-des-Cèdres p1"
golden eco-init-donnees "cat $S/p1/donnees.yaml"
golden eco-init-constats "cat $S/p1/constats.yaml"
# eco.yaml is the worksheet of eco-gabarit regroupement, with the name
# and the territory written in.
golden eco-init-eco-yaml "grep -n -e '^nom:' -e '^  nom:' -e '^kind:' \
    -e '^version:' -e '^territoire:' -e 'yaml-language-server' -e 'regles_fonctionnement:' $S/p1/eco.yaml"
same 'eco.yaml is the worksheet with two lines filled' \
    "eco-gabarit regroupement | sed -e 's/^nom:\$/nom: Grandir ensemble/' \
        -e 's/^  nom:\$/  nom: Val-des-Cèdres/'" "cat $S/p1/eco.yaml"
expect 0 'eco.yaml holds guidance from the schema' \
    "grep -q '^# Règles de fonctionnement' $S/p1/eco.yaml"
expect 0 'the record folders are there' \
    "cd $S/p1 && test -d rencontres && test -d suivis && test -d evaluations \
    && test -d diagnostics"
golden eco-init-validate "eco-validate $S/p1 2>&1 | sed 's|$S/||g'"
golden eco-init-etat "cd $S/p1 && eco-demarche etat"

# Values that YAML would read otherwise are quoted, and read back.
expect 0 'a name with « : » and « # » reads back' \
    "cd $S && eco-init --nom 'Val: nord # est' --territoire \"l'Anse\" p2 \
    && eco-cat -o json p2/eco.yaml | grep -q '\"nom\":\"Val: nord # est\"' \
    && eco-cat -o json p2/eco.yaml | grep -q '\"territoire\":{\"nom\":\"l.Anse\"}'"
expect 0 'a project with a quoted name validates' "eco-validate -q $S/p2"

# In the current folder; without --nom and --territoire, a note says
# what to write (and eco-validate wants it).
golden eco-init-here "mkdir $S/p3 && cd $S/p3 && eco-init"
golden eco-init-here-validate "cd $S/p3 && eco-validate"
# Folders are made as needed.
golden eco-init-deep "cd $S && eco-init --nom N --territoire T x/y/z"
# A folder already there is kept, and not listed as made.
golden eco-init-folders-kept "mkdir -p $S/p7/suivis && cd $S && eco-init --nom N --territoire T p7"

# --- Never replace a file ----------------------------------------------

cp "$S/p1/eco.yaml" "$S/eco-before.yaml"
golden eco-init-exists "cd $S && eco-init --nom Autre --territoire Autre p1"
expect 0 'eco.yaml is untouched' "cmp $S/p1/eco.yaml $S/eco-before.yaml"
# One file in the way is enough: nothing is created.
golden eco-init-one-exists "mkdir $S/p4 && printf '# à moi\n' >$S/p4/constats.yaml \
    && cd $S && eco-init p4"
expect 0 'nothing was created beside it' \
    "test ! -e $S/p4/eco.yaml && test ! -e $S/p4/rencontres \
    && test \"\$(cat $S/p4/constats.yaml)\" = '# à moi'"
golden eco-init-not-folder "printf x >$S/fichier && cd $S && eco-init fichier"

# --- The demonstration project -----------------------------------------

mkdir "$S/share" && ln -s "$TOP/examples/demo" "$S/share/exemple"
golden eco-init-exemple "cd $S && ECO_DATADIR=$S/share eco-init --exemple demo"
expect 0 'the copy is the demonstration project' \
    "diff -r -x .eco.lock $S/demo examples/demo"
expect 0 'the copy validates' "eco-validate -q $S/demo"
same 'the copy stands where the demonstration project does' \
    "cd examples/demo && eco-demarche etat" "cd $S/demo && eco-demarche etat"
golden eco-init-exemple-exists "cd $S && ECO_DATADIR=share eco-init --exemple \
    demo 2>e.txt; rc=\$?; head -2 e.txt; tail -1 e.txt; exit \$rc"
golden eco-init-exemple-missing \
    "cd $S && ECO_DATADIR=nulle-part eco-init --exemple demo2"

# --- Usage -------------------------------------------------------------

golden eco-init-help "eco-init --help"
golden eco-init-version "eco-init --version"
golden eco-init-bad-option "eco-init --nom"
golden eco-init-unknown-option "eco-init --name x"
golden eco-init-two-folders "cd $S && eco-init p5 p6"
golden eco-init-exemple-nom "cd $S && eco-init --exemple --nom X d"
golden eco-init-empty-nom "cd $S && eco-init --nom '' d"
golden eco-init-option-close "cd $S && eco-init --territory T d"
golden eco-init-flag-value "cd $S && eco-init --exemple=oui d"

done_testing
