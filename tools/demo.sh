#!/bin/sh
# demo.sh BIN - the main job on examples/demo, as a coordinator runs it
# before a meeting: check the whole project, see where the group stands,
# print the overview of the concerted action plan, then the follow-up
# state to bring to the meeting of 2027-12-15 (the demonstration's day):
# what is late or silent, and what was done against what was planned;
# then the evaluation: the indicators' results, and what the June
# evaluations still ask the plan to change.
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
run eco demarche etat
run eco plan verifie
run eco vue plan.yaml
run eco suivi retards --au 2027-12-15
run eco suivi bilan --au 2027-12-15
run eco evaluation mesures
run eco evaluation revision
[ "$status" -eq 0 ] || exit "$status"
