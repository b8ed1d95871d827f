#!/bin/sh
# eco-demarche: the cycle in text, md and json; where a project stands
# (the demonstration project, from any of its folders, with -C); errors;
# and a project from eco-init to its second stage, filled by hand.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo

# --- The cycle ---------------------------------------------------------

golden demarche-cycle "eco-demarche"
golden demarche-cycle-md "eco-demarche -o md"
golden demarche-cycle-json "eco-demarche --format json"
# The json output is the data, whole.
same 'json output is data/demarche.yaml' \
    "eco-cat -o json data/demarche.yaml" "eco-demarche -o json | eco-cat -o json"
# The cycle needs no project.
same 'the cycle outside a project' "eco-demarche" "cd $S && eco-demarche"

# --- Where the demonstration project stands -----------------------------

golden demarche-etat-demo "cd $DEMO && eco-demarche etat"
golden demarche-etat-demo-md "cd $DEMO && eco-demarche -o md etat"
golden demarche-etat-demo-json "cd $DEMO && eco-demarche etat -o json"
same 'etat from a subfolder' "cd $DEMO && eco-demarche etat" \
    "cd $DEMO/rencontres && eco-demarche etat"
same 'etat with -C' "cd $DEMO && eco-demarche etat" "eco-demarche -C $DEMO etat"
same 'status is etat' "eco-demarche -C $DEMO etat" "eco-demarche -C $DEMO status"

# A file that does not validate: its diagnostics, and no state (reports
# never lie).
mkdir "$S/casse"
cp -R $DEMO/. "$S/casse/"
printf 'kind: plan\n  periode: [\n' >"$S/casse/plan.yaml"
golden demarche-etat-broken "cd $S/casse && eco-demarche etat >etat.txt; \
    rc=\$?; head -8 etat.txt; exit \$rc"

# --- Errors ------------------------------------------------------------

golden demarche-no-project "cd $S && eco-demarche etat"
golden demarche-unknown-sub "eco-demarche liste"
golden demarche-extra-operand "eco-demarche etat plus"
golden demarche-bad-format "eco-demarche -o yaml"
golden demarche-no-dir "cd $S && eco-demarche -C nulle-part etat"
golden demarche-help "eco-demarche --help"
golden demarche-version "eco-demarche --version"

# --- Subcommands: accents, case and English aside; their own help -------

golden demarche-etat-help "eco-demarche etat --help"
golden demarche-etat-accent "cd $DEMO && eco-demarche ÉTAT | head -3"
golden demarche-status-md "eco-demarche -C $DEMO status -o md | head -3"
same 'état is etat' "cd $DEMO && eco-demarche etat" "cd $DEMO && eco-demarche état"
same 'ETAT and Status are etat' "eco-demarche -C $DEMO ETAT -o json" \
    "eco-demarche -C $DEMO Status -o json"
golden demarche-unknown-sub-close "eco-demarche etta"
golden demarche-option-elsewhere "eco-demarche etat --systeme famille"
golden demarche-empty-dir "eco-demarche -C '' etat"

# --- From eco-init to the second stage ---------------------------------

P=$S/rlp
golden demarche-e2e-init "cd $S && eco-init --nom 'Regroupement des Îles' \
    --territoire 'Îles-de-la-Madeleine' rlp"
golden demarche-e2e-stage1 "cd $P && eco-demarche etat -o json"

# Rencontre 1: the rules are adopted, the calendar of the situation
# analysis is set.
cat >"$P/eco.yaml" <<'EOF'
kind: regroupement
version: 1
nom: Regroupement des Îles
territoire:
  nom: Îles-de-la-Madeleine
  region: Gaspésie–Îles-de-la-Madeleine
membres:
  - {id: cpe-marees, nom: CPE Les Marées, type: service-garde}
  - {id: maison-famille, nom: Maison de la famille des Îles, type: communautaire}
regles_fonctionnement:
  adoptees_le: 2026-09-10
  prise_decision: par consensus
EOF
cat >"$P/rencontres/r01.yaml" <<'EOF'
kind: rencontre
version: 1
id: r01
numero: 1
etape: intention
statut: tenue
date: 2026-09-10
objectifs: [explorer-demarche, planifier-demarche, regles-fonctionnement]
outils: [1, 2]
presences:
  - {organisme: cpe-marees}
  - {organisme: maison-famille}
EOF
printf '%s\n' 'kind: rencontre' 'version: 1' 'id: r02' 'numero: 2' \
    'etape: etat-situation-analyse' 'date: 2026-10-08' \
    'objectifs: [presenter-donnees, analyser-donnees]' >"$P/rencontres/r02.yaml"
golden demarche-e2e-validate "cd $P && eco-validate"
golden demarche-e2e-stage2 "cd $P && eco-demarche etat"

# Rencontre 2 brings the first data: one objective more.
printf '%s\n' '---' 'kind: donnee' 'version: 1' 'id: eqdem-2022-iles' \
    'type: quantitative' 'libelle: Enfants vulnérables dans au moins un domaine' \
    'valeur: 27.5' 'unite: "%"' 'source: eqdem' 'annee: 2022' >>"$P/donnees.yaml"
golden demarche-e2e-validate2 "cd $P && eco-validate"
golden demarche-e2e-donnee "cd $P && eco-demarche etat -o md | sed -n '1,6p;/^## 2/,/^## 3/p'"

# --- The walk-through of eco(7) -----------------------------------------

# Its literal blocks run one after the other in an empty folder.
mkdir "$S/visite"
sed -n '/^\.Sh LES TROIS PREMI/,/^\.Sh /p' man/eco.7 | awk '
	/^\.Bd -literal/ { on = 1; next }
	/^\.Ed/ { on = 0; next }
	on' | sed -e 's/\\e/\\/g' -e 's/\\&//g' >"$S/visite.sh"
expect 0 'the walk-through of eco(7) has commands' "test \$(wc -l <$S/visite.sh) -gt 30"
expect 0 'the walk-through of eco(7) runs' "cd $S/visite && sh -e ../visite.sh"
golden demarche-visite "cd $S/visite/iles && eco-demarche etat | head -3 \
    && eco-validate 2>&1 && ls rencontres | wc -l && ls *.html *.md"

# --- nouveau-cycle: the past cycle to historique/, the next one begins ------
cp -R examples/demo "$SCRATCH/cycle"
golden demarche-nouveau-refuse "cd $SCRATCH/cycle && eco-demarche nouveau-cycle"
golden demarche-nouveau-n "cd $SCRATCH/cycle && eco-demarche nouveau-cycle -n --avant-la-fin"
expect 0 'nouveau-cycle -n moves nothing' "test -f $SCRATCH/cycle/plan.yaml && test ! -e $SCRATCH/cycle/historique"
golden demarche-nouveau-nom "cd $SCRATCH/cycle && eco-demarche nouveau-cycle --avant-la-fin --nom ../ailleurs"
golden demarche-nouveau "cd $SCRATCH/cycle && eco-demarche nouveau-cycle --avant-la-fin && ls -A . historique/2026-2029"
# The past cycle is out of the project: what is left validates, the
# group starts again from the intention, and nothing was rewritten.
golden demarche-nouveau-apres "cd $SCRATCH/cycle && eco-validate && eco | tail -2"
expect 0 'nouveau-cycle rewrote nothing' \
    "cmp examples/demo/plan.yaml $SCRATCH/cycle/historique/2026-2029/plan.yaml && diff -r examples/demo/rencontres $SCRATCH/cycle/historique/2026-2029/rencontres"
golden demarche-nouveau-rien "cd $SCRATCH/cycle && eco-demarche nouveau-cycle --avant-la-fin"
cp -R examples/demo "$SCRATCH/cycle2"
mkdir -p "$SCRATCH/cycle2/historique/2026-2029"
golden demarche-nouveau-pris "cd $SCRATCH/cycle2 && eco-demarche nouveau-cycle --avant-la-fin"

done_testing
