# lib.sh - helpers for the end-to-end tests (sourced by tests/cli/*.t).
#
# Tests run from the top of the tree, so file names in messages read
# like tests/cli/data/x.yaml.  A golden test compares a command's stdout,
# stderr and exit status with tests/cli/golden/CMD/NAME.{out,err,status},
# CMD being the test file's name without its number (0400-eco-vue.t:
# eco-vue).  An empty stdout or stderr has no file: a missing .out or
# .err means "nothing printed".  ECO_UPDATE_GOLDEN=1 rewrites every
# golden, ECO_UPDATE_GOLDEN=NAME only NAME's, ECO_UPDATE_GOLDEN=CMD
# those of one test file (make golden T=NAME does it under the
# sanitizers); review the diff before committing.
_gcmd=${0##*/}; _gcmd=${_gcmd%.t}; _gcmd=${_gcmd#[0-9]*-}
cd "$(dirname "$0")/../.." || exit 3
GOLDEN=tests/cli/golden/$_gcmd
DATA=tests/cli/data
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
_n=0 _fail=0

ok() { _n=$((_n + 1)); printf "ok %s - %s\n" "$_n" "$*"; }
not_ok() { _n=$((_n + 1)); _fail=$((_fail + 1)); printf "not ok %s - %s\n" "$_n" "$*"; }

# golden NAME 'SHELL COMMAND' [STDIN-FILE]
golden() {
	_name=$1 _cmd=$2 _in=${3:-/dev/null}
	sh -c "$_cmd" <"$_in" >"$SCRATCH/out" 2>"$SCRATCH/err"
	echo $? >"$SCRATCH/status"
	case ${ECO_UPDATE_GOLDEN:-} in
	1 | "$_name" | "$_gcmd")
		mkdir -p "$GOLDEN"
		for x in out err status; do
			if [ -s "$SCRATCH/$x" ]; then
				cp "$SCRATCH/$x" "$GOLDEN/$_name.$x"
			else
				rm -f "$GOLDEN/$_name.$x"
			fi
		done
		echo "# golden $GOLDEN/$_name rewritten" ;;
	esac
	_bad=
	for x in out err status; do
		_g=$GOLDEN/$_name.$x
		[ -f "$_g" ] || _g=/dev/null
		if ! cmp -s "$SCRATCH/$x" "$_g"; then
			_bad="$_bad $x"
			diff -u "$_g" "$SCRATCH/$x" 2>&1 | sed 's/^/# /' | head -30
		fi
	done
	[ -f "$GOLDEN/$_name.status" ] || _bad="$_bad (no $GOLDEN/$_name.status)"
	if [ -z "$_bad" ]; then ok "$_name"; else not_ok "$_name ($_bad differ)"; fi
}

# expect STATUS DESCRIPTION 'SHELL COMMAND': only the exit status matters.
expect() {
	sh -c "$3" </dev/null >"$SCRATCH/out" 2>"$SCRATCH/err"
	_rc=$?
	if [ "$_rc" -eq "$1" ]; then ok "$2"; else
		not_ok "$2 (status $_rc, expected $1)"
		sed 's/^/# /' "$SCRATCH/err" | head -20
	fi
}

# same DESCRIPTION 'COMMAND 1' 'COMMAND 2': identical stdout and status 0.
same() {
	sh -c "$2" </dev/null >"$SCRATCH/a" 2>&1 && sh -c "$3" </dev/null >"$SCRATCH/b" 2>&1
	_rc=$?
	if [ $_rc -eq 0 ] && cmp -s "$SCRATCH/a" "$SCRATCH/b"; then ok "$1"; else
		not_ok "$1"
		diff -u "$SCRATCH/a" "$SCRATCH/b" | sed 's/^/# /' | head -20
	fi
}

done_testing() { echo "1..$_n"; [ "$_fail" -eq 0 ]; }

# install_copy PREFIX: make install of this tree into PREFIX, built
# without the sanitizers in $SCRATCH/build; when it fails, a not_ok with
# the end of the log, and the test stops there.
install_copy() {
	if ! make -s BUILD="$SCRATCH/build" PREFIX="$1" CFLAGS=-O0 install \
	    >"$SCRATCH/make.log" 2>&1; then
		not_ok 'make install'
		sed 's/^/# /' "$SCRATCH/make.log" | tail -20
		done_testing
		exit
	fi
}
