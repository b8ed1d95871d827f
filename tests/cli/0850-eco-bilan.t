#!/bin/sh
# eco-bilan: the demo's year in md, html and json, its default period,
# a project that fails validation (no figures); a region built from the
# demo and variants (a project with an error, one at an earlier stage,
# a folder that is no project) in every format, its sums checked against
# the projects' own views (eco-vue's budget, eco-suivi's bilan), the
# invalid project left out of them.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
D=-C\ $DEMO
YEAR="--du 2026-09-01 --au 2027-08-31"

# --- annee -----------------------------------------------------------------

golden bilan-annee-md "eco-bilan $D annee $YEAR"
golden bilan-annee-html "eco-bilan $D annee $YEAR -o html"
golden bilan-annee-json "eco-bilan $D annee $YEAR -o json"
# without dates: the plan's year that holds the day of the records
golden bilan-annee-default "eco-bilan $D annee -o json"
golden bilan-annee-before-plan "eco-bilan $D annee --au 2026-06-30 -o json"
golden bilan-annee-bad-period "eco-bilan $D annee --du 2027-09-01 --au 2027-08-31"
same 'year is annee' "eco-bilan $D year $YEAR -o json" \
    "eco-bilan $D annee $YEAR -o json"

# the period's spending is the follow-ups' on its last day less on the
# day before its first (eco-suivi bilan at both ends)
# eco-suivi bilan has no total row: its funders' spending added up
# (its funders' shares of an action are rounded each: their sum may
# differ from the plan's total by a few cents, so rows are compared)
spent() { jq -s "map(select(.kind == \"${1:-bilan-bailleur}\" and .${2:-cle} != null).${3:-depense}) | add * 100 | round / 100"; }
a=$(eco-suivi $D bilan --au 2027-08-31 -o json | spent)
b=$(eco-suivi $D bilan --au 2026-08-31 -o json | spent)
c=$(eco-bilan $D annee $YEAR -o json | spent bilan-bailleur bailleur depense_periode)
if [ "$a" != null ] && [ "$(jq -n "($a - $b) * 100 | round == ($c * 100 | round)")" = true ]; then ok "spent in the period: $a - $b = $c"
else not_ok "spent in the period: $a - $b, not $c"; fi

# every line names its source, a file of the project that exists
eco-bilan $D annee $YEAR -o json | jq -r 'select(.source) | .source' |
    sed 's/:[0-9]*$//' | sort -u >"$SCRATCH/sources"
missing=0
while read -r f; do [ -f "$DEMO/$f" ] || missing=$((missing + 1)); done <"$SCRATCH/sources"
if [ -s "$SCRATCH/sources" ] && [ "$missing" -eq 0 ]; then
	ok "every source is a file of the project ($(wc -l <"$SCRATCH/sources") files)"
else not_ok "$missing sources are no file of the project"; fi

# reports never lie: a project with an error gives its diagnostics only
rm -rf "$SCRATCH/erreur" && cp -R $DEMO "$SCRATCH/erreur"
sed -i 's/^version: 1$/version: deux/' "$SCRATCH/erreur/plan.yaml"
golden bilan-annee-invalid "cd $SCRATCH/erreur && eco-bilan annee"

# --- region ----------------------------------------------------------------

# the demo; the demo with an error; a group at its second stage (its
# meetings and data, no priorities nor plan yet); a folder of returned
# sheets, which is no project
R=$SCRATCH/region
mkdir -p "$R"
cp -R $DEMO "$R/val-des-cedres"
cp -R "$SCRATCH/erreur" "$R/erreur"
mkdir "$R/premiers-pas"
sed 's/^nom: .*/nom: Regroupement Les Premiers Pas/' $DEMO/eco.yaml \
    >"$R/premiers-pas/eco.yaml"
cp -R $DEMO/rencontres $DEMO/donnees.yaml "$R/premiers-pas/"
ALL="erreur/ premiers-pas/ val-des-cedres/"

# a group without a plan yet: its meetings and data, nothing else
golden bilan-annee-no-plan "cd $R/premiers-pas && eco-bilan annee --au 2026-06-30"
golden bilan-region-texte "cd $R && eco-bilan region --au 2027-08-31 $ALL"
golden bilan-region-csv "cd $R && eco-bilan region --au 2027-08-31 -o csv $ALL"
golden bilan-region-json "cd $R && eco-bilan region --au 2027-08-31 -o json $ALL"
golden bilan-region-html "cd $R && eco-bilan region --au 2027-08-31 -o html $ALL"
golden bilan-region-not-project \
    "cd $R && eco-bilan region --au 2027-08-31 -o json val-des-cedres ../region/premiers-pas/rencontres val-des-cedres/plan.yaml absent"
golden bilan-region-none "eco-bilan region"
expect 0 'a region of valid projects exits 0' \
    "cd $R && eco-bilan region premiers-pas val-des-cedres"
expect 0 'validate agrees: these two are valid' \
    "cd $R && eco-validate premiers-pas/ val-des-cedres/"
expect 1 'validate agrees: this one is not' "cd $R && eco-validate erreur/"

# the sums are the projects' own: the budget by funder and by system is
# eco-vue's, spending eco-suivi's; the invalid project adds nothing
vue() { eco-vue -C "$R/val-des-cedres" --vue budget -o json |
    jq -s "map(select(.par == \"$1\") | {(.cle): .montant}) | add"; }
reg() { (cd "$R" && eco-bilan region --au 2027-08-31 -o json $2 2>/dev/null) |
    jq -s "map(select(.kind == \"region-$1\" and .$1 != null) | {(.$1): .prevu$3}) | add"; }
for by in bailleur systeme; do
	v=$(vue $by)
	r=$(reg $by "$ALL")
	if [ "$v" != null ] && [ -n "$v" ] && [ "$v" = "$r" ]; then ok "region by $by is eco-vue's budget by $by"
	else not_ok "region by $by: $r, eco-vue: $v"; fi
	# two copies of the demo: twice each sum
	cp -R "$R/val-des-cedres" "$SCRATCH/bis"
	r2=$(cd "$R" && eco-bilan region --au 2027-08-31 -o json val-des-cedres "$SCRATCH/bis" |
	    jq -s "map(select(.kind == \"region-$by\" and .$by != null) | {(.$by): (.prevu / 2)}) | add")
	rm -rf "$SCRATCH/bis"
	if [ "$v" != null ] && [ "$(echo "$r2" | jq -S -c 'map_values(. * 100 | round)')" = \
	    "$(echo "$v" | jq -S -c 'map_values(. * 100 | round)')" ]; then
		ok "two projects: twice eco-vue's budget by $by"
	else not_ok "two projects by $by: $r2"; fi
done
s=$(eco-suivi -C "$R/val-des-cedres" bilan --au 2027-08-31 -o json | spent)
t=$(cd "$R" && eco-bilan region --au 2027-08-31 -o json $ALL 2>/dev/null | spent region-bailleur bailleur)
if [ "$s" != null ] && [ "$(jq -n "$s == $t")" = true ]; then ok "region's spending is eco-suivi bilan's ($s)"
else not_ok "region's spending $t, eco-suivi bilan's $s"; fi
# leaving the invalid project out changes no sum
same 'the invalid project is out of the sums' \
    "cd $R && eco-bilan region --au 2027-08-31 -o json $ALL 2>/dev/null | grep -v region-projet" \
    "cd $R && eco-bilan region --au 2027-08-31 -o json premiers-pas/ val-des-cedres/ | grep -v region-projet"
# the stage of each project is eco-demarche's
st=$(eco-demarche -C "$R/premiers-pas" etat -o json | jq -r .etape)
rs=$(cd "$R" && eco-bilan region -o json premiers-pas | jq -r 'select(.kind == "region-projet") | .etape')
if [ -n "$st" ] && [ "$st" = "$rs" ]; then ok "stage is eco-demarche's ($st)"
else not_ok "stage $rs, eco-demarche's $st"; fi

done_testing
