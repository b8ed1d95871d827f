#!/bin/sh
# run.sh SECONDS TARGET... - build each libFuzzer target and run it.
#
# A target is tests/fuzz/TARGET.c, compiled with the library sources by
# clang (-fsanitize=fuzzer,address,undefined) into build/fuzz/ (or
# $FUZZ_BUILD).  It runs for SECONDS on build/fuzz/corpus/TARGET/, a copy
# of the committed seeds tests/fuzz/corpus/TARGET/ that also keeps what
# earlier runs found; the committed folder is never written.  A crash,
# a sanitizer report, a leak or a time-out leaves its input in
# build/fuzz/crash/ and makes this script fail.  FUZZ_CFLAGS adds
# compiler flags (e.g. -fno-sanitize=... to look past a known finding).
# The dictionary is tests/fuzz/yaml.dict, plus tests/fuzz/TARGET.dict
# when the target has one.
usage() { echo "usage: run.sh SECONDS TARGET..." >&2; exit 2; }
[ $# -ge 2 ] || usage
secs=$1
shift
case $secs in '' | *[!0-9]*) usage ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 3
B=${FUZZ_BUILD:-build/fuzz}
CC=${FUZZ_CC:-$(command -v clang || command -v clang-14)}
[ -n "$CC" ] || { echo "run.sh: clang not found" >&2; exit 3; }
FLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
    ${FUZZ_CFLAGS:-}"
mkdir -p "$B/crash" "$B/gen" || exit 3
# What the library links with, as the Makefile has it: libyaml, libm,
# PCRE2 and pthreads once the sources use them, and the schemas compiled in when
# tools/embed.sh exists.  FUZZ_LDLIBS overrides.
libs="-lyaml -lm"
grep -q 'pcre2\.h' lib/*.c 2>/dev/null && libs="$libs -lpcre2-8"
grep -q 'pthread\.h' lib/*.c 2>/dev/null && libs="$libs -lpthread"
grep -q 'utf8proc\.h' lib/*.c 2>/dev/null && libs="$libs -lutf8proc"
LDLIBS=${FUZZ_LDLIBS:-$libs}
gen=
if [ -f tools/embed.sh ]; then
	# The Makefile's SCHEMAS and its data: data/*.yaml compiled in as
	# JSON, as the library reads them (the Makefile makes the JSON).
	data=
	for f in data/*.yaml; do
		n=${f#data/}
		data="$data build/gen/${n%.yaml}.json"
	done
	# shellcheck disable=SC2086
	make -s $data || exit 3
	# shellcheck disable=SC2046,SC2086
	sh tools/embed.sh "$B/gen/embedded.c" $(ls schemas/*.schema.json \
	    schemas/meta/*.json 2>/dev/null) $data || exit 3
	gen=$B/gen/embedded.c
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=
for t in "$@"; do
	t=${t%.c}
	t=${t##*/}
	src=tests/fuzz/$t.c
	if ! [ -f "$src" ]; then
		echo "run.sh: no $src" >&2
		failed="$failed $t"
		continue
	fi
	echo "== $t: build"
	# shellcheck disable=SC2086
	if ! $CC $FLAGS -Ilib -o "$B/$t" "$src" lib/*.c $gen $LDLIBS; then
		failed="$failed $t"
		continue
	fi
	mkdir -p "$B/corpus/$t"
	if [ -d "tests/fuzz/corpus/$t" ]; then
		cp tests/fuzz/corpus/"$t"/* "$B/corpus/$t/" 2>/dev/null
	fi
	# yaml.dict, and the target's own tokens from TARGET.dict if any.
	dict=
	if [ -f "tests/fuzz/$t.dict" ]; then
		cat tests/fuzz/yaml.dict "tests/fuzz/$t.dict" >"$B/$t.dict" \
		    2>/dev/null
		dict=-dict=$B/$t.dict
	elif [ -f tests/fuzz/yaml.dict ]; then
		dict=-dict=tests/fuzz/yaml.dict
	fi
	echo "== $t: ${secs}s on $B/corpus/$t"
	"$B/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=8192 -print_final_stats=1 $dict \
	    -artifact_prefix="$B/crash/$t-" "$B/corpus/$t" >"$B/$t.log" 2>&1
	rc=$?
	tail -n 12 "$B/$t.log" | grep -E '^(stat::|Done|#)' | tail -n 4
	if [ $rc -ne 0 ]; then
		failed="$failed $t"
		echo "run.sh: $t failed (status $rc); the report:" >&2
		grep -E 'ERROR|runtime error|SUMMARY|Test unit written|^    #[0-9]' \
		    "$B/$t.log" | head -n 30 >&2
		for f in $(sed -n 's/.*Test unit written to \(.*\)$/\1/p' \
		    "$B/$t.log"); do
			echo "run.sh: input $f:" >&2
			od -c "$f" | head -n 20 >&2
		done
	fi
done
if [ -n "$failed" ]; then
	echo "run.sh: failed:$failed (logs in $B/)" >&2
	exit 1
fi
echo "run.sh: no crash in ${secs}s per target"
