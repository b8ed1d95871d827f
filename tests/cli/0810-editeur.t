#!/bin/sh
# Editors: a worksheet's first line names the schema make install put in
# the data folder, as a file, so that yaml-language-server finds it with
# no network; driven over stdio as an editor drives it, on a sheet with
# three planted errors, it shows them where eco-validate does.  The copy
# is installed into a folder of its own, without the sanitizers.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
P=$S/prefix
YLS=${YLS:-$PWD/build/npm/node_modules/.bin/yaml-language-server}
[ -x "$YLS" ] || YLS=$(command -v yaml-language-server || :)
install_copy "$P"
I="env -u ECO_LOCALEDIR -u ECO_BUILD -u ECO_DATADIR PATH=$P/bin:/usr/bin:/bin"

# Every sheet names its installed schema, and the file is there.
for k in $($I eco-gabarit --list | sed 's/ .*//'); do
	first=$($I eco-gabarit "$k" | head -1)
	want="# yaml-language-server: \$schema=file://$P/share/eco/schemas/$k.schema.json"
	if [ "$first" = "$want" ] && [ -f "$P/share/eco/schemas/$k.schema.json" ]; then
		ok "eco-gabarit $k: the installed schema"
	else
		not_ok "eco-gabarit $k: the installed schema ($first)"
	fi
done
# eco-init's files too.
$I eco-init --nom "Essai" --territoire Ici "$S/p" >/dev/null 2>&1
first=$(head -1 "$S/p/eco.yaml")
if [ "$first" = "# yaml-language-server: \$schema=file://$P/share/eco/schemas/regroupement.schema.json" ]; then
	ok "eco-init: eco.yaml names the installed schema"
else
	not_ok "eco-init: eco.yaml names the installed schema ($first)"
fi

# The sheet of a service, three errors planted: a value not allowed, an
# unknown key, text for a number.
$I eco-gabarit --exemple service |
    sed 's/^systemes: \[famille\]/systemes: [famile]/;
	s/^frequence: /frequance: /; s/^places: 12$/places: douze/' >"$S/s.yaml"
(cd "$S" && $I eco-validate s.yaml) 2>&1 |
    sed -n 's/^eco-validate: s\.yaml:\([0-9]*:[0-9]*\): .*/\1/p' >"$S/want"
if [ "$(wc -l <"$S/want")" -eq 3 ]; then
	ok "eco-validate finds the three errors"
else
	not_ok "eco-validate finds the three errors ($(wc -l <"$S/want"))"
fi
if [ -z "$YLS" ]; then
	not_ok "yaml-language-server (make deps-check installs it in build/npm)"
elif ! command -v node >/dev/null 2>&1; then
	not_ok "node (apt-get install nodejs)"
else
	YLS=$YLS timeout 60 node tests/cli/yls-drive.js "$S/s.yaml" \
	    >"$S/got" 2>"$S/err"
	if cmp -s "$S/want" "$S/got"; then
		ok "yaml-language-server: eco-validate's three positions"
	else
		not_ok "yaml-language-server: eco-validate's three positions"
		diff "$S/want" "$S/got" | sed 's/^/# /'
		sed 's/^/# /' "$S/err" | head -5
	fi
fi

done_testing
