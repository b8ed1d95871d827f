#!/bin/sh
# make install into a folder of its own, then the installed commands run
# from there, as a new user's would: a new project from the installed
# example, checked and seen; the catalogue, the schemas and the pages in
# place; make uninstall leaves nothing.  The copy is built without the
# sanitizers, in a build folder of its own.
. "$(dirname "$0")/lib.sh"

S=$SCRATCH
P=$S/prefix
install_copy "$P"
ok 'make install'
# Only the installed copy: no build folder, no source tree on the way.
I="env -u ECO_LOCALEDIR -u ECO_BUILD -u ECO_DATADIR PATH=$P/bin:/usr/bin:/bin"
golden install-files "cd $P && find . -path ./share/eco/exemple -prune -o -type f -print | grep -v '^./share/eco/schemas/' | sort"
golden install-exemple-same "cd examples/demo && find . ! -name . -name '.*' -prune -o -type f -print | sort | sed 's|^|share/eco/exemple/|' >$S/want && cd $P && find share/eco/exemple -type f | sed 's|^share/eco/exemple/|share/eco/exemple/./|' | sort | diff $S/want - && echo same"
same 'the schemas installed are the sources'\'' ' \
    "cd schemas && find . -name '*.json' | sort | xargs cat" \
    "cd $P/share/eco/schemas && find . -name '*.json' | sort | xargs cat"
golden install-init "cd $S && $I eco-init --exemple nouveau"
golden install-validate "cd $S/nouveau && $I eco-validate"
golden install-vue "cd $S/nouveau && $I eco-vue --au 2027-09-01 --vue budget"
golden install-version "$I eco-evaluation --version"
golden install-facteurs "$I eco-facteurs fiche niveau-socioeconomique -o yaml | head -5"
golden install-man "cd $P/share/man && ls man1 | wc -l && ls man5 man7"
# bash completion, as bash-completion loads it: the file of the command.
golden install-completion "cd $S/nouveau && $I bash -c '. $P/share/bash-completion/completions/eco-plan && COMP_WORDS=(eco-plan actions --responsable \"\") COMP_CWORD=3 && _eco_complete eco-plan && printf \"%s\\n\" \"\${COMPREPLY[@]}\"' | sort | head -3; ls $P/share/zsh/site-functions"
make -s BUILD="$S/build" PREFIX="$P" uninstall >"$S/make.log" 2>&1
golden install-uninstall "find $P -type f | wc -l"
expect 0 'make uninstall leaves no link either' "test \$(find $P ! -type d | wc -l) -eq 0"
done_testing
