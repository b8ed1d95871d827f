// yls-drive.js FILE - open FILE in yaml-language-server over stdio, as an
// editor does, and print the diagnostics it publishes as LINE:COL (from
// 1), one a line, in order.  The server is $YLS, else yaml-language-server
// on PATH; it finds the schema by the file's modeline alone (no schema
// store, no network).  Used by tests/cli/0810-editeur.t.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const file = path.resolve(process.argv[2]);
const server = spawn(process.env.YLS || 'yaml-language-server', ['--stdio']);
let buf = Buffer.alloc(0), id = 0, done = false;
function send(msg) {
  const s = JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg));
  server.stdin.write('Content-Length: ' + Buffer.byteLength(s) + '\r\n\r\n' + s);
}
function request(method, params) { send({ id: ++id, method, params }); }
function notify(method, params) { send({ method, params }); }
const uri = 'file://' + file;
let seen = 0;
server.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const h = buf.indexOf('\r\n\r\n');
    if (h < 0) return;
    const len = +/Content-Length: (\d+)/.exec(buf.slice(0, h).toString())[1];
    if (buf.length < h + 4 + len) return;
    const msg = JSON.parse(buf.slice(h + 4, h + 4 + len).toString());
    buf = buf.slice(h + 4 + len);
    if (msg.method === 'workspace/configuration')
      send({ id: msg.id, result: msg.params.items.map(() => ({ validate: true, schemaStore: { enable: false } })) });
    else if (msg.id && msg.method) send({ id: msg.id, result: null });
    if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
      seen++;
      if (msg.params.diagnostics.length || seen > 3) finish(msg.params.diagnostics);
    }
  }
});
function finish(diags) {
  if (done) return;
  done = true;
  const out = diags.map((g) => (g.range.start.line + 1) + ':' + (g.range.start.character + 1));
  out.sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  console.log(out.join('\n'));
  server.kill();
  process.exit(0);
}
request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
notify('initialized', {});
notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, schemaStore: { enable: false } } } });
notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } });
setTimeout(() => { console.error("yls-drive.js: no diagnostics in 30 s"); finish([]); }, 30000);
