# eco - one makefile for the library, the commands, the tests and the pages.
#
#   make            libeco.a and every command, in build/
#   make demo       builds, then runs the main job on examples/
#   make check      everything under ASan and UBSan, unit, cli, conformance,
#                   man-page examples, mandoc -Tlint, the French catalogue
#   make golden T=NAME  rewrites one golden test's files (T=eco-vue: a file's)
#   make install    PREFIX, DESTDIR: commands, man pages, catalogue,
#                   schemas, the catalogue of factors, the example project
#   make dist       eco-VERSION.tar.gz of the tracked sources
#   make fuzz       each libFuzzer target for FUZZTIME seconds (clang)
#   make bench      eco against the libyaml parse floor and the peers
#
# make demo and make check install the missing Debian packages with
# tools/deps.sh (as root), or name them in one apt-get line; plain make
# and make install never call the package manager.  CC, CFLAGS, LDFLAGS,
# CPPFLAGS and PREFIX may come from the environment; -Werror is make
# check's only.

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DATADIR = $(PREFIX)/share/eco

CFLAGS ?= -O2 -g
SANFLAGS =
WERROR =
WFLAGS = -std=c11 -Wall -Wextra $(WERROR) -pedantic
ALLCPPFLAGS = -D_POSIX_C_SOURCE=200809L -DLOCALEDIR=\"$(LOCALEDIR)\" \
	-DDATADIR=\"$(DATADIR)\" -DECO_VERSION=\"$(VERSION)\" $(CPPFLAGS)
ALLCFLAGS = $(WFLAGS) $(CFLAGS) $(SANFLAGS)
LDLIBS = -lyaml -lpcre2-8 -lutf8proc -lpthread -lm

BUILD = build
B = $(BUILD)

DEPS_BUILD = gcc make libc6-dev libyaml-dev libpcre2-dev libutf8proc-dev gettext
DEPS_CHECK = $(DEPS_BUILD) libcmocka-dev mandoc libc-l10n jq python3 python3-jsonschema python3-yaml nodejs node-yaml
DEPS_FUZZ = clang libclang-rt-14-dev

CMDS = $(notdir $(basename $(wildcard cmd/eco*.c)))
LIBMODS = $(notdir $(basename $(wildcard lib/eco_*.c)))
SCHEMAS = $(wildcard schemas/*.schema.json schemas/meta/*.json)
DATA = $(wildcard data/*.yaml)
DATAJSON = $(DATA:data/%.yaml=$(B)/gen/%.json)
LIBOBJ = $(LIBMODS:%=$(B)/lib/%.o) $(B)/gen/embedded.o
CLIOBJ = $(B)/cmd/cli.o
BINS = $(CMDS:%=$(B)/bin/%)
UNITS = $(notdir $(basename $(wildcard tests/unit/test_*.c)))
UNITBINS = $(UNITS:%=$(B)/tests/%)
HDRS = lib/eco.h lib/eco_priv.h cmd/cli.h
MANS = $(wildcard man/*.1 man/*.5 man/*.7)
MO = $(B)/locale/fr/LC_MESSAGES/eco.mo

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.SECONDARY: $(LIBOBJ) $(CLIOBJ) $(CMDS:%=$(B)/cmd/%.o) $(B)/gen/embedded.c \
	$(DATAJSON)
.PHONY: all deps deps-check demo check check-run golden golden-run unit cli lint po-check \
	install uninstall dist fuzz bench clean

all: $(B)/libeco.a $(BINS) $(MO)

# Shell completion: the scripts only call "TOOL __complete" (cli.c), which
# reads the option tables; the build writes in the list of commands.
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
COMPLETION = $(B)/completion/eco.bash $(B)/completion/_eco
all: $(COMPLETION)
$(B)/completion/%: completion/%.in $(B)/commands
	@mkdir -p $(@D)
	sed 's/@COMMANDS@/$(CMDS)/' $< >$@
# The list of commands: rewritten when one is added, so the scripts follow.
$(B)/commands: FORCE
	@mkdir -p $(@D)
	@echo '$(CMDS)' | cmp -s - $@ || echo '$(CMDS)' >$@

deps:
	@sh tools/deps.sh $(DEPS_BUILD)

$(B)/lib/%.o: lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(ALLCFLAGS) -c -o $@ $<

$(B)/cmd/%.o: cmd/%.c $(HDRS) $(B)/localedir
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(ALLCFLAGS) -c -o $@ $<

# The catalogue's path is compiled in: rebuild when PREFIX changes.
$(B)/localedir: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR) $(DATADIR) $(VERSION)' | cmp -s - $@ || echo '$(LOCALEDIR) $(DATADIR) $(VERSION)' >$@

FORCE:

# The schemas and the method's data are compiled into the library; the
# data go in as JSON (one array of a file's documents), which the library
# reads much faster than YAML at every start-up.
$(B)/gen/embedded.c: $(SCHEMAS) $(DATAJSON) tools/embed.sh Makefile
	@mkdir -p $(@D)
	sh tools/embed.sh $@ $(SCHEMAS) $(DATAJSON)

$(B)/gen/%.json: data/%.yaml $(B)/gen/yaml2json
	$(B)/gen/yaml2json $< >$@.tmp && \
	    { cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@; }

$(B)/gen/yaml2json: tools/yaml2json.c $(LIBMODS:%=$(B)/lib/%.o)
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(ALLCFLAGS) -Ilib $(LDFLAGS) -o $@ tools/yaml2json.c \
	    $(LIBMODS:%=$(B)/lib/%.o) $(LDLIBS)

$(B)/gen/embedded.o: $(B)/gen/embedded.c
	$(CC) $(ALLCFLAGS) -c -o $@ $<

$(B)/libeco.a: $(LIBOBJ)
	rm -f $@
	$(AR) rc $@ $(LIBOBJ)

$(B)/bin/%: $(B)/cmd/%.o $(CLIOBJ) $(B)/libeco.a
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $< $(CLIOBJ) $(B)/libeco.a $(LDLIBS)

$(MO): po/fr.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/fr.po

# Demo: the main job on the example project.
demo: deps
	$(MAKE) all
	@sh tools/demo.sh $(B)/bin

# Tests: everything is rebuilt with the sanitizers in build/san.
check: deps-check
	$(MAKE) BUILD=build/san SANFLAGS="$(SAN)" CFLAGS="-O1 -g" WERROR=-Werror \
	    check-run

# npm fetches the stock ajv that tests/conformance/published.t compares
# with; a node that carries its own npm keeps it (Debian's would clash).
deps-check:
	@sh tools/deps.sh $(DEPS_CHECK)
	@sh tools/npm-deps.sh

check-run: all $(UNITBINS) $(B)/tests/conformance-suite lint po-check
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ECO_BUILD=$(B) sh tests/run.sh $(B)

# make golden T=NAME: rewrite the goldens of one golden test (or T=eco-vue:
# those of one test file), with the commands the tests run.
golden: deps-check
	@test -n "$(T)" || { echo 'usage: make golden T=NAME' >&2; exit 2; }
	$(MAKE) BUILD=build/san SANFLAGS="$(SAN)" CFLAGS="-O1 -g" WERROR=-Werror \
	    golden-run

golden-run: all
	@ECO_UPDATE_GOLDEN=$(T) ECO_BUILD=$(B) sh tests/run.sh $(B) cli \
	    >$(B)/golden.log; grep '^# golden\|passed' $(B)/golden.log; \
	grep -q '^# golden' $(B)/golden.log || \
	    { echo 'make golden: no golden test named $(T)' >&2; exit 1; }

$(B)/tests/%: tests/unit/%.c $(CLIOBJ) $(B)/libeco.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(ALLCFLAGS) -Ilib -Icmd -o $@ $< $(CLIOBJ) \
	    $(B)/libeco.a -lcmocka $(LDLIBS)

$(B)/tests/conformance-suite: tests/conformance/suite.c $(B)/libeco.a $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALLCPPFLAGS) $(ALLCFLAGS) -Ilib -o $@ $< $(B)/libeco.a $(LDLIBS)

lint:
	mandoc -Tlint -Wwarning $(MANS)

# The French catalogue holds every message of the sources, translated.
po-check:
	@sh tools/po-check.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES
	for f in $(CMDS); do install -m 0755 $(B)/bin/$$f $(DESTDIR)$(BINDIR)/$$f; done
	for f in $(MANS); do \
	    s=$${f##*.}; install -m 0644 $$f $(DESTDIR)$(MANDIR)/man$$s/; done
	install -m 0644 $(MO) $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/eco.mo
	rm -rf $(DESTDIR)$(DATADIR)/exemple
	mkdir -p $(DESTDIR)$(DATADIR)/exemple
	cd examples/demo && find . ! -name . -name '.*' -prune -o -type d -print | \
	    while read -r d; do mkdir -p "$(DESTDIR)$(DATADIR)/exemple/$$d"; done
	cd examples/demo && find . ! -name . -name '.*' -prune -o -type f -print | \
	    while read -r f; do install -m 0644 "$$f" "$(DESTDIR)$(DATADIR)/exemple/$$f"; done
	install -m 0644 data/facteurs.yaml $(DESTDIR)$(DATADIR)/facteurs.yaml
	mkdir -p $(DESTDIR)$(DATADIR)/schemas/meta
	for f in $(SCHEMAS); do install -m 0644 $$f $(DESTDIR)$(DATADIR)/$$f; done
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0644 $(B)/completion/eco.bash $(DESTDIR)$(BASHCOMPDIR)/eco
	for f in $(CMDS); do [ $$f = eco ] || \
	    ln -sf eco $(DESTDIR)$(BASHCOMPDIR)/$$f; done
	install -m 0644 $(B)/completion/_eco $(DESTDIR)$(ZSHCOMPDIR)/_eco

uninstall:
	for f in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$$f; done
	for f in $(MANS); do \
	    s=$${f##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${f##*/}; done
	rm -f $(DESTDIR)$(LOCALEDIR)/fr/LC_MESSAGES/eco.mo
	rm -rf $(DESTDIR)$(DATADIR)
	for f in $(CMDS); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$f; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_eco

# The tracked sources as eco-VERSION/, in build/.
dist:
	@mkdir -p $(B)
	git archive --format=tar.gz --prefix=eco-$(VERSION)/ \
	    -o $(B)/eco-$(VERSION).tar.gz HEAD
	@echo $(B)/eco-$(VERSION).tar.gz

FUZZTIME = 60
FUZZERS = $(notdir $(basename $(wildcard tests/fuzz/fuzz_*.c)))
fuzz:
	@sh tools/deps.sh $(DEPS_BUILD) $(DEPS_FUZZ)
	sh tests/fuzz/run.sh $(FUZZTIME) $(FUZZERS)

bench: all
	sh bench/run.sh $(B)

clean:
	rm -rf build
