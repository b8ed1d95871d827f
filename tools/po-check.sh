#!/bin/sh
# po-check.sh [update] - the French catalogue must translate every message.
# Extracts the messages of lib/ and cmd/ into po/eco.pot, then fails when
# po/fr.po lacks one or leaves one untranslated or fuzzy.  With "update",
# merges the new messages into po/fr.po first (to be translated by hand).
set -e
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
	--keyword=C_:1c,2 \
	--add-comments=TRANSLATORS --package-name=eco \
	--package-version="$(sed -n 's/^VERSION = //p' Makefile)" --no-location \
	--sort-output -o po/eco.pot lib/*.c cmd/*.c
if [ "$1" = update ]; then
	msgmerge -q --no-fuzzy-matching --sort-output -U --backup=none \
		po/fr.po po/eco.pot
fi
msgcmp po/fr.po po/eco.pot
if msgattrib --only-fuzzy po/fr.po | grep -q '^msgid'; then
	echo "po-check: po/fr.po has fuzzy entries" >&2
	exit 1
fi
msgfmt --check --statistics -o /dev/null po/fr.po
