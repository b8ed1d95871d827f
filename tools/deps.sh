#!/bin/sh
# deps.sh PACKAGE... - make sure these Debian packages are installed.
# As root, install what is missing with apt-get; otherwise print the one
# apt-get line to run and fail, so that make stops before a confusing
# compiler error.
missing=
for p in "$@"; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $s in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
	echo "deps.sh: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 &&
	apt-get install -y -qq --no-install-recommends $missing >&2 && exit 0
	echo "deps.sh: apt-get failed" >&2
	exit 1
fi
echo "deps.sh: missing packages; run as root:" >&2
echo "  apt-get install$missing" >&2
exit 1
