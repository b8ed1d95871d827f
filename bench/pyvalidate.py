#!/usr/bin/python3
"""pyvalidate.py - python-jsonschema's side of make bench.

    /usr/bin/python3 bench/pyvalidate.py SCHEMA DEFS FILE|DIR...

Validates every YAML file against SCHEMA (draft 2020-12), with DEFS
available to its $refs, in one process.  YAML is read by PyYAML's C
loader (libyaml) when present, with the timestamp resolver removed so that
2027-03-15 stays the string the schemas expect, as in YAML 1.2.  Every
error is collected (iter_errors), formats are asserted, as eco does.
Exit 0 when every file is valid, 1 otherwise.
"""
import json
import os
import sys

import jsonschema
import yaml

Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(Base):
    """SafeLoader without timestamps: dates stay strings."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in Base.yaml_implicit_resolvers.items()
}


def validator(schema, defs):
    cls = jsonschema.Draft202012Validator
    fc = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
    try:            # jsonschema >= 4.18: the referencing library
        from referencing import Registry, Resource
        reg = Registry().with_resources(
            (s["$id"], Resource.from_contents(s)) for s in (schema, defs))
        return cls(schema, registry=reg, format_checker=fc)
    except ImportError:   # Debian 12's 4.10: RefResolver with a store
        res = jsonschema.RefResolver.from_schema(
            schema, store={defs["$id"]: defs, schema["$id"]: schema})
        return cls(schema, resolver=res, format_checker=fc)


def files(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(a, name)
        else:
            yield a


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split("\n\n")[1])
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        defs = json.load(f)
    v = validator(schema, defs)
    n = bad = 0
    for path in files(sys.argv[3:]):
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=Loader)
        n += 1
        errs = list(v.iter_errors(doc))
        for e in errs:
            print("%s: /%s: %s" % (path, "/".join(map(str, e.absolute_path)),
                                  e.message), file=sys.stderr)
        bad += bool(errs)
    print("pyvalidate: %d files, %d invalid" % (n, bad), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
