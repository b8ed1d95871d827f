#!/bin/sh
# Shell completion: "TOOL __complete WORD... CUR" offers subcommands,
# options and values from the option tables, ids from the project around
# the current folder; eco passes it on to its tools; the bash script the
# build writes calls it, for every command; the zsh one names them all.
. "$(dirname "$0")/lib.sh"

DEMO=examples/demo
C=$(cd "$ECO_BUILD/completion" && pwd)

golden complete-subs "eco-plan __complete ''"
golden complete-sub-prefix "eco-plan __complete ver"
golden complete-options "eco-plan __complete actions --"
golden complete-option-prefix "eco-plan __complete actions --res"
golden complete-formats "eco-vue __complete -o ''"
golden complete-formats-sub "eco-plan __complete verifie --format ''"
golden complete-systems "eco-facteurs __complete liste --systeme ''"
golden complete-inline "eco-facteurs __complete liste --systeme=c"
golden complete-ids "cd $DEMO && eco-plan __complete actions --responsable ''"
golden complete-ids-prefix "cd $DEMO && eco-evaluation __complete ajoute --action act-j"
golden complete-funders "cd $DEMO && eco-plan __complete actions --bailleur f"
golden complete-no-project "cd $SCRATCH && eco-plan __complete actions --responsable ''"
golden complete-file "eco-validate __complete --schema ''"
golden complete-operand "eco-cat __complete -o json ''"
golden complete-eco-tools "eco __complete co"
golden complete-eco-tool "eco __complete plan actions --sys"
golden complete-eco-ids "cd $DEMO && eco __complete suivi a-faire --responsable m"
golden complete-dossier "eco-suivi __complete -C $DEMO a-faire --responsable m"

# Every option of each command's --help is offered, and nothing else.
for bin in $(cd "$ECO_BUILD/bin" && ls eco-*); do
	$bin --help | grep -o '^  \(-., \|    \)--[a-z-]*' | sed 's/.*--/--/' |
	    sort -u >"$SCRATCH/help"
	# a program with subcommands: its own options, then each one's
	{
		$bin __complete '-'
		for s in $($bin __complete ''); do
			$bin __complete "$s" '-'
		done
	} | sort -u >"$SCRATCH/offered"
	if diff "$SCRATCH/help" "$SCRATCH/offered" >"$SCRATCH/diff"; then
		ok "$bin __complete: the options of --help"
	else
		not_ok "$bin __complete: the options of --help"
		sed 's/^/# /' "$SCRATCH/diff" | head -6
	fi
done

# The bash script: bash completes as it would at a prompt.
if command -v bash >/dev/null 2>&1; then
	golden complete-bash "cd $DEMO && bash -c '. $C/eco.bash && COMP_WORDS=(eco-suivi a-faire --responsable c) COMP_CWORD=3 && _eco_complete eco-suivi && printf \"%s\\n\" \"\${COMPREPLY[@]}\"; complete -p eco-vue eco'"
	expect 0 'bash: nothing offered, file names instead' \
	    "bash -c '. $C/eco.bash && COMP_WORDS=(eco-cat \"\") COMP_CWORD=1; _eco_complete eco-cat; test \${#COMPREPLY[@]} -eq 0'"
else
	not_ok "bash (apt-get install bash)"
fi
# zsh may be missing: its script names every command, and parses.
expect 0 '_eco names every command' \
    "for b in \$(cd $ECO_BUILD/bin && ls); do head -1 $C/_eco | grep -qw \"\$b\" || exit 1; done"
if command -v zsh >/dev/null 2>&1; then
	expect 0 'zsh reads _eco' "zsh -n $C/_eco"
fi

done_testing
