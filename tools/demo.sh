#!/bin/sh
# demo.sh BIN - the main job on examples/demo, as a coordinator runs it
# before a meeting: check the whole project, see where the group stands,
# then print the overview of the concerted action plan.
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
[ "$status" -eq 0 ] || exit "$status"
