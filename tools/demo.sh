#!/bin/sh
# demo.sh BIN - the main job on examples/demo, as a coordinator runs it
# before a meeting: check the whole project, see where the group stands,
# print the overview of the concerted action plan, then the follow-up
# state to bring to the meeting of 2027-12-15 (the demonstration's day):
# what is late or silent, and what was done against what was planned;
# then the evaluation: the indicators' results, and what the June
# evaluations still ask the plan to change.  Before them, the service
# offer and the interventions: received from the sheets the partners
# returned (examples/retours/), they give the demo's offre.yaml and
# interventions.yaml; then their gaps and the matrix.
bin=$(cd "${1:?usage: demo.sh BIN}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$bin:$PATH
ECO_LOCALEDIR=${ECO_LOCALEDIR:-$(dirname "$bin")/locale}
LANGUAGE=${LANGUAGE:-fr}
export PATH ECO_LOCALEDIR LANGUAGE
cd "$top/examples/demo" || exit 3

run() {
	printf '\n$ %s\n' "$*"
	"$@"
}

echo "Démonstration d'eco sur examples/demo ($(sed -n 's/^nom: *//p' eco.yaml))"
run eco validate
status=$?

# Outils 6 and 7: the returned sheets, received into a copy of the
# project without its offer, give the same documents.
scratch=$(mktemp -d) || exit 3
trap 'rm -rf "$scratch"' EXIT
cp -R . "$scratch/p" && rm "$scratch/p/offre.yaml" "$scratch/p/interventions.yaml"
printf '\n$ eco offre recois ../retours/offre-*.yaml\n'
printf '$ eco interventions recois ../retours/interventions-*.yaml\n'
(cd "$scratch/p" && eco offre recois "$top"/examples/retours/offre-*.yaml &&
    eco interventions recois "$top"/examples/retours/interventions-*.yaml) \
    2>"$scratch/recus" || { cat "$scratch/recus"; exit 1; }
for f in offre interventions; do
	eco cat -o json "$f.yaml" >"$scratch/$f.a"
	eco cat -o json "$scratch/p/$f.yaml" >"$scratch/$f.b"
	if cmp -s "$scratch/$f.a" "$scratch/$f.b"; then
		echo "$f.yaml : les mêmes $(wc -l <"$scratch/$f.a") documents que les fiches reçues"
	else
		echo "$f.yaml diffère des fiches reçues"; status=1
	fi
done
run eco offre lacunes
run eco interventions matrice
run eco demarche etat
run eco plan verifie
run eco vue plan.yaml
run eco suivi retards --au 2027-12-15
run eco suivi bilan --au 2027-12-15
run eco evaluation mesures
run eco evaluation revision
# The demo's first year of the plan, for its funders and partners.
run eco bilan annee --du 2026-09-01 --au 2027-08-31
[ "$status" -eq 0 ] || exit "$status"
