#!/bin/sh
# eco-facteurs: the table and the fiches of the catalogue in every format;
# a project's facteurs.yaml that adds, replaces and retires fiches, and
# the checks that follow it; unknown ids with the closest ones; errors.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
DEMO=examples/demo

# --- The catalogue -------------------------------------------------------

golden facteurs-liste "cd $DEMO && eco-facteurs liste"
golden facteurs-liste-famille-md "cd $DEMO && eco-facteurs liste --systeme famille -o md"
golden facteurs-liste-json "cd $DEMO && eco-facteurs liste -o json"
golden facteurs-fiche "cd $DEMO && eco-facteurs fiche pratiques-parentales"
golden facteurs-fiche-yaml "cd $DEMO && eco-facteurs fiche habiletes-langagieres -o yaml"
# A sub-factor names its factor's fiche, with a note.
golden facteurs-fiche-sous-facteur "cd $DEMO && eco-facteurs fiche revenu-familial | head -3"
golden facteurs-fiche-html "cd $DEMO && eco-facteurs fiche --systeme communaute -o html"
# Every fiche of the catalogue is valid as a facteurs.yaml fiche would be.
golden facteurs-catalogue-valid "eco-validate data/facteurs.yaml"
# Outside a project: the catalogue alone, the same table.
same 'the catalogue outside a project' "cd $DEMO && eco-facteurs liste" \
    "cd $S && eco-facteurs liste"
same 'list is liste' "cd $S && eco-facteurs liste" "cd $S && eco-facteurs list"
same 'show is fiche' "cd $S && eco-facteurs fiche revenu-familial 2>&1; echo \$?" \
    "cd $S && eco-facteurs show revenu-familial 2>&1; echo \$?"
# Every fiche at once has one page per factor in html: ten factors.
golden facteurs-fiche-html-parts \
    "cd $S && eco-facteurs fiche -o html | grep -c '<h2'"

# --- A project's facteurs.yaml --------------------------------------------

P=$S/projet
mkdir -p "$P"
cp -R $DEMO/. "$P/"
cat >"$P/facteurs.yaml" <<'EOF'
# Les changements du regroupement au catalogue d'eco.
---
kind: facteur
version: 1
id: soutien-social-familles
systeme: famille
nom: Soutien social des familles
definition: Les personnes et les lieux vers qui une famille peut se tourner.
sous_facteurs:
  - id: reseau-entraide
    nom: Réseau d'entraide
pistes_actions:
  - Cafés-rencontres entre parents du quartier
---
kind: facteur
version: 1
id: niveau-socioeconomique
systeme: famille
nom: Conditions de vie des familles
source: agirtot
definition: Le revenu, le logement et la scolarité des parents.
---
kind: facteur
version: 1
id: concertation-partenaires
retire: true
notes: Le regroupement en traite dans son autodiagnostic.
EOF
golden facteurs-projet-liste "cd $P && eco-facteurs liste"
golden facteurs-projet-fiches "cd $P && eco-facteurs fiche soutien-social-familles niveau-socioeconomique"
golden facteurs-projet-json "cd $P && eco-facteurs liste --systeme famille -o json"
# The demo's plan names concertation-partenaires and the replaced
# fiche's sub-factors: the project's checks see the change.
golden facteurs-projet-validate "cd $P && eco-validate -q; echo \$?"
golden facteurs-projet-retired "cd $P && eco-facteurs fiche concertation-partenaires"

# A facteurs.yaml that does not validate: its diagnostics, nothing else.
B=$S/casse
mkdir -p "$B"
cp -R $DEMO/. "$B/"
printf 'kind: facteur\nversion: 1\nid: x\nretire: true\nnom: X\n' >"$B/facteurs.yaml"
golden facteurs-invalid "cd $B && eco-facteurs liste"
# A fiche that neither retires nor names its system and name.
M=$S/manque
mkdir -p "$M"
cp -R $DEMO/. "$M/"
printf 'kind: facteur\nversion: 1\nid: x\n' >"$M/facteurs.yaml"
golden facteurs-missing-keys "cd $M && eco-facteurs fiche x"
# -C names the project as the current folder would.
same 'eco-facteurs -C' "cd $P && eco-facteurs liste" "eco-facteurs -C $P liste"

# --- Unknown ids -------------------------------------------------------

# None a typo away: the ids that share its words.
golden facteurs-unknown-words "cd $S && eco-facteurs fiche soutien-social"
# A typo: the one id.
golden facteurs-unknown-typo "cd $S && eco-facteurs fiche pratiques-parentale"
golden facteurs-unknown-none "cd $S && eco-facteurs fiche zzz"
# The same suggestions where a document names a factor.
cat >"$P/offre.yaml" <<'EOF'
---
kind: service
version: 1
id: svc-cafe
nom: Café des parents
organisme: maison-famille
facteurs: [soutien-social]
EOF
golden facteurs-ref-words "cd $P && eco-validate offre.yaml"

# --- Errors ------------------------------------------------------------

golden facteurs-no-sub "eco-facteurs"
golden facteurs-bad-systeme "eco-facteurs liste --systeme famile"
golden facteurs-bad-format "eco-facteurs liste -o csv"
golden facteurs-liste-operand "eco-facteurs liste pratiques-parentales"
golden facteurs-help "eco-facteurs --help"
golden facteurs-fiche-help "eco-facteurs fiche --help"

done_testing
