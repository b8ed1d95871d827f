// lsp.js SERVER FILE: open FILE in yaml-language-server over stdio and
// print its diagnostics as LINE:COL: MESSAGE (1-based), one per line.
const { spawn } = require("child_process");
const fs = require("fs"), path = require("path");
const [server, file] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const uri = "file://" + path.resolve(file);
const p = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let id = 0, buf = Buffer.alloc(0);
function send(method, params, isReq) {
	const m = { jsonrpc: "2.0", method, params };
	if (isReq) m.id = ++id;
	const s = JSON.stringify(m);
	p.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
}
const timer = setTimeout(() => { console.error("lsp.js: no diagnostics in 60 s"); process.exit(3); }, 60000);
p.stdout.on("data", d => {
	buf = Buffer.concat([buf, d]);
	for (;;) {
		const h = buf.indexOf("\r\n\r\n");
		if (h < 0) return;
		const n = +/Content-Length: (\d+)/i.exec(buf.slice(0, h).toString())[1];
		if (buf.length < h + 4 + n) return;
		const m = JSON.parse(buf.slice(h + 4, h + 4 + n).toString());
		buf = buf.slice(h + 4 + n);
		if (m.id === 1 && m.result) {
			send("initialized", {});
			send("workspace/didChangeConfiguration", { settings: { yaml: { validate: true, schemaStore: { enable: false } } } });
			send("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
		} else if (m.method === "workspace/configuration") {
			const r = { jsonrpc: "2.0", id: m.id, result: m.params.items.map(() => ({ validate: true, schemaStore: { enable: false } })) };
			const s = JSON.stringify(r);
			p.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
		} else if (m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.diagnostics.length) {
			for (const g of m.params.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character))
				console.log(`${g.range.start.line + 1}:${g.range.start.character + 1}: ${g.message.replace(/\n/g, " ")}`);
			clearTimeout(timer);
			p.kill();
			process.exit(0);
		} else if (m.id !== undefined && m.method) {
			const s = JSON.stringify({ jsonrpc: "2.0", id: m.id, result: null });
			p.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
		}
	}
});
send("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }, true);
