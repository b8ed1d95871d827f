// yaml-compare.js - eco-cat -o json against a careful YAML 1.2 reader.
//
// usage: node yaml-compare.js ECO_CAT [DIR]
//
// For every DIR/NAME.yaml (default: yaml/ beside this script), run
// "ECO_CAT -o json NAME.yaml" and compare the values it prints (one JSON
// value per document) with what the reference reads: node-yaml (eemeli's
// yaml v2, core schema, merge keys on).  Objects compare as sets of keys,
// numbers as numbers; a key that is not a string is compared as its
// canonical text (eco writes a null key as "null", node-yaml as "", so the
// fixtures avoid null keys).  When NAME.json exists (cases imported from the YAML
// test suite) it holds the expected values as a stream of JSON texts and
// is the answer; node-yaml must agree with it too, or the case says so.
//
// For every yaml-invalid/NAME.yaml (test suite cases marked as errors),
// eco-cat must refuse the input: status 1, a diagnostic, no output.
//
// A case listed in DIR/SKIP ("NAME reason...") reports "ok ... # SKIP";
// it still runs, and says so when it passes again.  Output is TAP.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

let YAML;
try {
	YAML = require("yaml");
} catch (e) {
	YAML = require("/usr/share/nodejs/yaml");	// Debian's node-yaml
}

const ecoCat = process.argv[2];
const dir = process.argv[3] || path.join(__dirname, "yaml");
const badDir = path.join(path.dirname(dir), "yaml-invalid");
const opts = { schema: "core", merge: true, version: "1.2", prettyErrors: false };
let n = 0, failed = 0;

function ok(desc) { console.log(`ok ${++n} - ${desc}`); }
function notOk(desc, why) {
	failed++;
	console.log(`not ok ${++n} - ${desc}`);
	for (const l of String(why).split("\n").slice(0, 12))
		console.log(`# ${l}`);
}

// Split a stream of JSON texts (as the test suite writes them) into values.
function jsonStream(text) {
	const vals = [];
	let i = 0;
	const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
	for (ws(); i < text.length; ws()) {
		let j = i, depth = 0, str = false;
		for (; j < text.length; j++) {
			const c = text[j];
			if (str) {
				if (c === "\\") j++;
				else if (c === "\"") str = false;
				if (!str && depth === 0) { j++; break; }
				continue;
			}
			if (c === "\"") str = true;
			else if (c === "[" || c === "{") depth++;
			else if (c === "]" || c === "}") {
				if (--depth === 0) { j++; break; }
			} else if (depth === 0 && /\s/.test(c)) break;
		}
		vals.push(JSON.parse(text.slice(i, j)));
		i = j;
	}
	return vals;
}

function same(a, b) {
	if (typeof a === "number" && typeof b === "number")
		return a === b || (Number.isNaN(a) && Number.isNaN(b));
	if (a === null || b === null || typeof a !== "object" ||
	    typeof b !== "object")
		return a === b;
	if (Array.isArray(a) !== Array.isArray(b))
		return false;
	if (Array.isArray(a))
		return a.length === b.length && a.every((x, k) => same(x, b[k]));
	const ka = Object.keys(a), kb = Object.keys(b);
	return ka.length === kb.length &&
	    ka.every(k => Object.prototype.hasOwnProperty.call(b, k) &&
	    same(a[k], b[k]));
}

function show(v) { return JSON.stringify(v); }

function reference(src) {
	const docs = YAML.parseAllDocuments(src, opts);
	if (!Array.isArray(docs))	// an empty stream gives an empty list
		return { values: [] };
	const errs = [].concat(...docs.map(d => d.errors));
	if (errs.length)
		return { error: errs[0].message };
	try {
		return { values: docs.map(d => d.toJS({ maxAliasCount: -1 })) };
	} catch (e) {	// a bad merge, for one, is found here
		return { error: e.message };
	}
}

function runEco(file) {
	const r = spawnSync(ecoCat, ["-o", "json", file], { encoding: "utf8",
	    maxBuffer: 1 << 28 });
	if (r.error)
		throw r.error;
	return r;
}

function readSkips(d) {
	const skips = new Map();
	const f = path.join(d, "SKIP");
	if (!fs.existsSync(f))
		return skips;
	for (const line of fs.readFileSync(f, "utf8").split("\n")) {
		const m = /^([^#\s]\S*)\s+(.*)$/.exec(line);
		if (m)
			skips.set(m[1], m[2]);
	}
	return skips;
}

function report(name, why, skips, label) {
	const desc = label || name;

	if (skips.has(name)) {
		const reason = skips.get(name);
		if (why === null)
			console.log(`ok ${++n} - ${desc} # SKIP ${reason} ` +
			    "(passes now: remove it from SKIP)");
		else
			console.log(`ok ${++n} - ${desc} # SKIP ${reason}`);
	} else if (why === null)
		ok(desc);
	else
		notOk(desc, why);
}

function checkValid(name, file, skips) {
	const src = fs.readFileSync(file, "utf8");
	const jsonFile = file.replace(/\.yaml$/, ".json");
	const ref = reference(src);
	let expected, note = "";

	if (fs.existsSync(jsonFile)) {
		expected = jsonStream(fs.readFileSync(jsonFile, "utf8"));
		if (ref.error)
			note = `\nnode-yaml refuses it: ${ref.error}`;
		else if (!same(ref.values, expected))
			note = `\nnode-yaml reads ${show(ref.values)}`;
	} else if (ref.error) {
		return report(name, `node-yaml refuses the fixture: ${ref.error}`,
		    skips);
	} else
		expected = ref.values;

	const r = runEco(file);
	if (r.status !== 0 || r.stderr !== "")
		return report(name, `eco-cat status ${r.status}: ${r.stderr}${note}`,
		    skips);
	let got;
	try {
		got = r.stdout.split("\n").filter(l => l !== "").map(l => JSON.parse(l));
	} catch (e) {
		return report(name, `eco-cat printed invalid JSON: ${e.message}\n` +
		    r.stdout, skips);
	}
	if (!same(got, expected))
		return report(name, `expected ${show(expected)}\n` +
		    `eco-cat   ${show(got)}${note}`, skips);
	report(name, null, skips);
	if (note)
		console.log(`# ${name}: eco-cat agrees with the test suite;${note.replace(/\n/g, " ")}`);
}

function checkInvalid(name, file, skips) {
	const r = runEco(file);
	const ref = reference(fs.readFileSync(file, "utf8"));
	let why = null;

	if (!ref.error)
		console.log(`# ${name}: node-yaml accepts it: ${show(ref.values)}`);

	if (r.status !== 1)
		why = `eco-cat accepts invalid YAML (status ${r.status}): ` +
		    r.stdout;
	else if (!/ erreur: | error: /.test(r.stderr) || /Sanitizer|runtime error/.test(r.stderr))
		why = `no diagnostic, or a sanitizer report:\n${r.stderr}`;
	report(name, why, skips, `invalid ${name}`);
}

function main() {
	if (!ecoCat) {
		console.error("usage: node yaml-compare.js ECO_CAT [DIR]");
		process.exit(2);
	}
	const skips = readSkips(dir);
	for (const f of fs.readdirSync(dir).filter(f => f.endsWith(".yaml")).sort())
		checkValid(f.replace(/\.yaml$/, ""), path.join(dir, f), skips);
	if (fs.existsSync(badDir)) {
		const badSkips = readSkips(badDir);
		for (const f of fs.readdirSync(badDir).filter(f => f.endsWith(".yaml")).sort())
			checkInvalid(f.replace(/\.yaml$/, ""), path.join(badDir, f),
			    badSkips);
	}
	console.log(`1..${n}`);
	process.exit(failed ? 1 : 0);
}

main();
