#!/bin/sh
# The language of messages: French under every fr_* locale, installed
# on the machine or not (the suite's machine has C.UTF-8 only), English
# under C and other languages; French grammar through contexts (Aucun.
# for objectives, Aucune. for to-dos); PCRE2's mistakes in French; the
# catalogue's header filled in.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
# Run $2 with only the locale variables $1 (VAR=value words).
in_locale() {
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG $1 sh -c "$2"
}

for l in LANG=fr_FR.UTF-8 LANG=fr_CA.UTF-8 LC_ALL=fr_BE.UTF-8 \
    "LANG=C LC_MESSAGES=fr_CH.UTF-8" LANG=fr_CA "LANGUAGE=fr_CA:fr LANG=fr_FR.UTF-8"; do
	first=$(in_locale "$l" "eco-vue --help" | head -1)
	case $first in
	"usage : "*) ok "$l: French" ;;
	*) not_ok "$l: French ($first)" ;;
	esac
done
for l in LANG=C LANG=C.UTF-8 LANG=en_US.UTF-8 LANG=de_DE.UTF-8 LANGUAGE=fr ""; do
	first=$(in_locale "$l" "eco-vue --help" | head -1)
	case $first in
	"usage: "*) ok "${l:-no locale}: English" ;;
	*) not_ok "${l:-no locale}: English ($first)" ;;
	esac
done
golden langue-fr-fr-diag "cd $DEMO && env -u LANGUAGE -u LC_ALL LANG=fr_FR.UTF-8 eco-suivi a-faire --responsable personne"
golden langue-html-lang "env -u LANGUAGE -u LC_ALL LANG=fr_CA.UTF-8 eco-vue -C $DEMO -o html | grep -o '<html lang=\"[^\"]*\"'"

# Contexts: the to-dos are feminine, the objectives masculine.
golden langue-aucune "eco-rencontre -C $DEMO ordre-du-jour 2 -o md | grep -B2 '^Aucun'"
expect 0 'po/fr.po: None. in the contexts of its nouns' \
    "test \$(grep -c -A1 '^msgctxt' po/fr.po | head -1) -ge 4 && grep -A2 '^msgctxt \"to-dos\"' po/fr.po | grep -q 'msgstr \"Aucune.\"'"

# PCRE2 speaks English: eco says its common mistakes itself.
printf 'type: string\npattern: "a(b"\n' >"$SCRATCH/s.yaml"
printf 'type: string\npattern: "[z-a]"\n' >"$SCRATCH/s2.yaml"
echo '"x"' >"$SCRATCH/d.yaml"
golden langue-pcre2 "cd $SCRATCH && eco-validate --schema s.yaml d.yaml; eco-validate --schema s2.yaml d.yaml"

# The catalogue's header.
for f in 'Project-Id-Version: eco [0-9]' 'PO-Revision-Date: 20' \
    'Last-Translator: [^\\]' 'Language-Team: [^\\]' 'Language: fr'; do
	if sed -n '1,/^$/p' po/fr.po | grep -q "^\"$f"; then
		ok "po/fr.po header: $f"
	else
		not_ok "po/fr.po header: $f"
	fi
done
expect 1 'po/fr.po header: no placeholder left' \
    "sed -n '1,/^\$/p' po/fr.po | grep -q 'Automatically generated\|SOME DESCRIPTIVE\|YEAR\|FULL NAME'"

done_testing
