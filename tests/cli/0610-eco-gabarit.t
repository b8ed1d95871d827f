#!/bin/sh
# eco-gabarit: the worksheet of every kind, in YAML, md and html, blank,
# pre-filled for an organisation or filled with the examples; a worksheet
# filled with its own examples passes eco-validate, for every kind; the
# worksheet a partner returns is checked with the project; every error.
. "$(dirname "$0")/lib.sh"

# --- Worksheets, as partners get them ----------------------------------

golden gabarit-liste "eco-gabarit --liste"
golden gabarit-service-organisme "eco-gabarit service --organisme maison-famille"
golden gabarit-rencontre "eco-gabarit rencontre"
golden gabarit-note "eco-gabarit note"
golden gabarit-rencontre-exemple "eco-gabarit --exemple rencontre"
golden gabarit-diagnostic-exemple "eco-gabarit diagnostic --exemple"
golden gabarit-donnee-md "eco-gabarit -o md donnee"
golden gabarit-service-md-organisme "eco-gabarit service --format md --organisme maison-famille"
golden gabarit-tache-html "eco-gabarit -o html tache"
golden gabarit-rencontre-html-exemple "eco-gabarit -o html --exemple rencontre"
same 'yaml is the default format' "eco-gabarit -o yaml suivi" "eco-gabarit suivi"
same '--example is --exemple, --list is --liste' \
    "eco-gabarit --example plan; eco-gabarit --list" \
    "eco-gabarit --exemple plan; eco-gabarit --liste"

# --- Every kind ----------------------------------------------------------

kinds=$(eco-gabarit --liste | cut -d' ' -f1)
n=0
for k in $kinds; do
	n=$((n + 1))
	# filled with its own examples, the worksheet passes eco-validate
	eco-gabarit --exemple "$k" >"$SCRATCH/$k.yaml" &&
	    eco-validate -q "$SCRATCH/$k.yaml" 2>"$SCRATCH/err"
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q 'erreur' "$SCRATCH/err"; then
		ok "eco-gabarit --exemple $k passes eco-validate"
	else
		not_ok "eco-gabarit --exemple $k passes eco-validate (status $rc)"
		sed 's/^/# /' "$SCRATCH/err" | head -10
	fi
	# blank, it reads as YAML with its kind, and points at its schema
	eco-gabarit "$k" >"$SCRATCH/$k-blank.yaml"
	first=$(head -1 "$SCRATCH/$k-blank.yaml")
	if [ "$first" = "# yaml-language-server: \$schema=file:///usr/local/share/eco/schemas/$k.schema.json" ] &&
	    [ "$(eco-cat --kind "$k" -o json "$SCRATCH/$k-blank.yaml" | wc -l)" -eq 1 ]; then
		ok "eco-gabarit $k: schema line and YAML"
	else
		not_ok "eco-gabarit $k: schema line and YAML ($first)"
	fi
	# blank, it is not valid: the required fields are still to fill
	if eco-validate -q "$SCRATCH/$k-blank.yaml" 2>/dev/null; then
		not_ok "eco-gabarit $k: a blank worksheet is not valid"
	else
		ok "eco-gabarit $k: a blank worksheet is not valid"
	fi
	# uncommenting every optional block still gives YAML
	sed -e 's/^#\([^ ]\)/\1/' -e 's/^#  /  /' "$SCRATCH/$k-blank.yaml" |
	    eco-cat >/dev/null 2>"$SCRATCH/err"
	if [ $? -eq 0 ]; then ok "eco-gabarit $k: optional blocks uncomment into YAML"; else
		not_ok "eco-gabarit $k: optional blocks uncomment into YAML"
		sed 's/^/# /' "$SCRATCH/err" | head -5
	fi
	for f in md html; do
		if eco-gabarit -o $f --exemple "$k" >"$SCRATCH/out" &&
		    grep -q 'eco-formats(5)' "$SCRATCH/out"; then
			ok "eco-gabarit -o $f $k names its section of eco-formats(5)"
		else
			not_ok "eco-gabarit -o $f $k names its section of eco-formats(5)"
		fi
	done
done
if [ "$n" -ge 20 ]; then ok "eco-gabarit --liste lists the kinds ($n)"; else
	not_ok "eco-gabarit --liste lists the kinds ($n)"; fi

# --- A partner's worksheet, returned and checked with the project --------

mkdir "$SCRATCH/projet"
cp -r examples/demo/. "$SCRATCH/projet/"
expect 0 'eco-gabarit service --organisme maison-famille > retour-maison-famille.yaml' \
    "cd $SCRATCH/projet && eco-gabarit service --organisme maison-famille > retour-maison-famille.yaml"
# the partner fills the two required fields left and one optional one
sed -e 's/^id:$/id: maison-famille-cafe-parents/' \
    -e 's/^nom:$/nom: Café des parents/' \
    -e 's/^#lieu:$/lieu: Maison de la famille/' \
    "$SCRATCH/projet/retour-maison-famille.yaml" >"$SCRATCH/projet/offre-retour.yaml"
rm "$SCRATCH/projet/retour-maison-famille.yaml"
golden gabarit-retour-valide "cd $SCRATCH/projet && eco-validate offre-retour.yaml"
# the comments travel with the worksheet; eco-cat reads the values
golden gabarit-retour-valeurs "eco-cat -o json $SCRATCH/projet/offre-retour.yaml"
# an organisation the group does not have is caught with the project
sed 's/^organisme: maison-famille$/organisme: maison-familles/' \
    "$SCRATCH/projet/offre-retour.yaml" >"$SCRATCH/projet/offre-retour-2.yaml"
rm "$SCRATCH/projet/offre-retour.yaml"
golden gabarit-retour-organisme-inconnu \
    "cd $SCRATCH/projet && eco-validate -q offre-retour-2.yaml"

# --- Errors ---------------------------------------------------------------

golden gabarit-no-kind "eco-gabarit"
golden gabarit-unknown-kind "eco-gabarit servise"
golden gabarit-unknown-kind-far "eco-gabarit budget"
golden gabarit-two-kinds "eco-gabarit service plan"
golden gabarit-liste-and-kind "eco-gabarit --liste service"
golden gabarit-bad-organisme "eco-gabarit service --organisme 'Maison Famille'"
golden gabarit-bad-format "eco-gabarit -o texte service"
golden gabarit-bad-option "eco-gabarit --remplie service"
golden gabarit-option-close "eco-gabarit --lsite"
golden gabarit-organisme-accent "eco-gabarit service --organisme Cégep-Régional"
golden gabarit-help "eco-gabarit --help"
golden gabarit-version "eco-gabarit --version"
# a worksheet that cannot be written is a system error
golden gabarit-dev-full "eco-gabarit plan >/dev/full"
# eco's schemas come from ECO_SCHEMAS when it is set
golden gabarit-no-schemas "ECO_SCHEMAS=nulle-part eco-gabarit service"

done_testing
