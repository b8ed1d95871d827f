# lib.sh - helpers for the end-to-end tests (sourced by tests/cli/*.t).
#
# Tests run from the top of the tree, so file names in messages read
# like tests/cli/data/x.yaml.  A golden test compares a command's stdout,
# stderr and exit status with tests/cli/golden/NAME.{out,err,status};
# ECO_UPDATE_GOLDEN=1 rewrites them (review the diff before committing).
cd "$(dirname "$0")/../.." || exit 3
GOLDEN=tests/cli/golden
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
	if [ -n "$ECO_UPDATE_GOLDEN" ]; then
		mkdir -p "$GOLDEN"
		for x in out err status; do
			cp "$SCRATCH/$x" "$GOLDEN/$_name.$x"
		done
	fi
	_bad=
	for x in out err status; do
		if ! cmp -s "$SCRATCH/$x" "$GOLDEN/$_name.$x" 2>/dev/null; then
			_bad="$_bad $x"
			diff -u "$GOLDEN/$_name.$x" "$SCRATCH/$x" 2>&1 | sed 's/^/# /' | head -30
		fi
	done
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
