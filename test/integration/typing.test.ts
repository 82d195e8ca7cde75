// Typing every label of the examples character by character over stdio, as an editor does:
// after each keystroke the requests VS Code sends while typing (outline, highlights, the
// lightbulb's code actions, completion, pull diagnostics, hover) plus the other handlers and the
// custom requests (gatewayLens/routerRules among them). No request may fail or answer an invalid shape on any prefix of any label:
// VS Code rejects a whole outline with one empty name ("name must not be falsy").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from '../support/lspClient';

const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');
const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const FILES = ['musicshare/docker-compose.yml', 'musicshare-broken/docker-compose.yml'];

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

let client: LspClient;
/** Errors the server logged (window/logMessage type 1): a handler's guard swallows its throw. */
const logged: string[] = [];

before(async () => {
  assert.ok(fs.existsSync(SERVER), 'npm run build first (npm test does)');
  client = new LspClient(process.execPath, [SERVER, '--stdio']);
  client.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) logged.push(m.message);
  });
  // Pull diagnostics, as VS Code asks for them.
  await client.initialize(EXAMPLES, { diagnostic: { dynamicRegistration: false } });
});

after(async () => {
  await client?.stop();
});

/** Every line of a labels block that sets a traefik label, list or map form. */
function labelLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (/^\s*(- )?["']?traefik\./.test(line) ? [i] : []));
}

class Doc {
  lines: string[];
  constructor(text: string) {
    this.lines = text.split('\n');
  }
  contains(p: Pos): boolean {
    return p.line >= 0 && p.line < this.lines.length && p.character >= 0 && p.character <= this.lines[p.line].length;
  }
  before(a: Pos, b: Pos): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
  }
  checkRange(r: Rng | undefined, what: string): void {
    assert.ok(r && r.start && r.end, `${what}: no range`);
    assert.ok(
      this.contains(r.start) && this.contains(r.end),
      `${what}: range ${JSON.stringify(r)} outside the document`,
    );
    assert.ok(this.before(r.start, r.end), `${what}: range ${JSON.stringify(r)} ends before it starts`);
  }
}

type Symbol = { name: string; kind: number; range: Rng; selectionRange: Rng; children?: Symbol[] };

function checkSymbols(doc: Doc, list: Symbol[], where: string): void {
  for (const s of list) {
    assert.ok(typeof s.name === 'string' && s.name.trim() !== '', `${where}: symbol with empty name`);
    assert.ok(s.kind >= 1 && s.kind <= 26, `${where}: symbol kind ${s.kind}`);
    doc.checkRange(s.range, `${where}: symbol ${s.name}`);
    doc.checkRange(s.selectionRange, `${where}: symbol ${s.name} selection`);
    assert.ok(
      doc.before(s.range.start, s.selectionRange.start) && doc.before(s.selectionRange.end, s.range.end),
      `${where}: symbol ${s.name}: selectionRange outside range`,
    );
    checkSymbols(doc, s.children ?? [], where);
  }
}

function checkEdit(
  doc: Doc,
  edit: { changes?: Record<string, { range: Rng; newText: string }[]> } | undefined,
  uri: string,
  where: string,
) {
  for (const [u, edits] of Object.entries(edit?.changes ?? {})) {
    for (const e of edits) {
      assert.equal(typeof e.newText, 'string', `${where}: edit text`);
      if (u === uri) doc.checkRange(e.range, `${where}: edit`);
    }
  }
}

/** Sends what an editor sends at `cursor` and checks each answer's shape. */
async function requestsAt(doc: Doc, uri: string, cursor: Pos, where: string): Promise<void> {
  const send = <T>(method: string, params: unknown): Promise<T> =>
    client.connection.sendRequest(method, params) as Promise<T>;
  const textDocument = { uri };
  const report = await send<{ kind: string; items: { range: Rng; message: string; code?: unknown }[] }>(
    'textDocument/diagnostic',
    { textDocument },
  );
  assert.equal(report.kind, 'full', `${where}: diagnostic report kind`);
  for (const d of report.items) {
    doc.checkRange(d.range, `${where}: diagnostic ${String(d.code)}`);
    assert.ok(d.message.trim() !== '', `${where}: empty diagnostic message`);
  }
  const [symbols, highlights, actions, items, hoverAt, hoverBefore] = await Promise.all([
    send<Symbol[]>('textDocument/documentSymbol', { textDocument }),
    send<{ range: Rng }[]>('textDocument/documentHighlight', { textDocument, position: cursor }),
    send<{ title: string; edit?: { changes?: Record<string, { range: Rng; newText: string }[]> } }[]>(
      'textDocument/codeAction',
      {
        textDocument,
        range: { start: cursor, end: cursor },
        context: {
          diagnostics: report.items.filter((d) => d.range.start.line <= cursor.line && d.range.end.line >= cursor.line),
          triggerKind: 2,
        },
      },
    ),
    send<{ label: string; textEdit?: { range: Rng; newText: string } }[] | { items: unknown[] }>(
      'textDocument/completion',
      { textDocument, position: cursor },
    ),
    send<{ contents: { value: string }; range?: Rng } | null>('textDocument/hover', { textDocument, position: cursor }),
    send<{ contents: { value: string }; range?: Rng } | null>('textDocument/hover', {
      textDocument,
      position: { line: cursor.line, character: Math.max(0, cursor.character - 1) },
    }),
  ]);
  checkSymbols(doc, symbols, where);
  for (const h of highlights) doc.checkRange(h.range, `${where}: highlight`);
  for (const a of actions) {
    assert.ok(a.title.trim() !== '', `${where}: code action without title`);
    checkEdit(doc, a.edit, uri, `${where}: code action ${a.title}`);
  }
  assert.ok(Array.isArray(items), `${where}: completion answers a list`);
  for (const item of items as { label: string; textEdit?: { range: Rng; newText: string } }[]) {
    assert.ok(item.label.trim() !== '', `${where}: completion item without label`);
    if (!item.textEdit) continue;
    const r = item.textEdit.range;
    doc.checkRange(r, `${where}: completion ${item.label}`);
    // VS Code drops an item whose range is not on the cursor's line or does not contain it.
    assert.ok(
      r.start.line === cursor.line && r.end.line === cursor.line,
      `${where}: completion ${item.label} spans lines`,
    );
    assert.ok(
      r.start.character <= cursor.character && cursor.character <= r.end.character,
      `${where}: completion ${item.label} range ${JSON.stringify(r)} does not contain the cursor`,
    );
  }
  for (const h of [hoverAt, hoverBefore]) {
    if (h === null) continue;
    assert.ok(h.contents.value.trim() !== '', `${where}: empty hover`);
    if (h.range) doc.checkRange(h.range, `${where}: hover`);
  }
  const [defs, refs, rename, route, choices, located, rules] = await Promise.all([
    send<{ range: Rng; uri: string }[]>('textDocument/definition', { textDocument, position: cursor }),
    send<{ range: Rng; uri: string }[]>('textDocument/references', {
      textDocument,
      position: cursor,
      context: { includeDeclaration: true },
    }),
    send<{ range: Rng } | null>('textDocument/prepareRename', { textDocument, position: cursor }),
    send<{ notes: string[]; candidates: unknown[] }>('gatewayLens/route', {
      uri,
      url: 'https://musicshare.com/api/users/me',
    }),
    send<unknown>('gatewayLens/addServiceChoices', textDocument),
    send<{ uri: string; range: Rng }[]>('gatewayLens/locate', {
      name: 'userservice@docker',
      kind: 'router',
      files: [uri],
    }),
    send<{ router: string; service: string; range: Rng }[]>('gatewayLens/routerRules', { uri }),
  ]);
  for (const l of [...defs, ...refs, ...located]) if (l.uri === uri) doc.checkRange(l.range, `${where}: location`);
  assert.ok(Array.isArray(rules), `${where}: routerRules answers a list`);
  for (const r of rules) {
    doc.checkRange(r.range, `${where}: routerRules ${r.router}`);
    assert.match(r.router, /^[^@]+@docker$/, `${where}: routerRules names ${r.router} as Traefik does`);
  }
  if (rename) doc.checkRange(rename.range, `${where}: prepareRename`);
  assert.ok(Array.isArray(route.notes) && Array.isArray(route.candidates), `${where}: route answer`);
  assert.ok(choices === null || typeof choices === 'object', `${where}: addServiceChoices`);
}

/**
 * Each distinct prefix is answered once, where it is first typed: 2282 of the examples' 8389
 * keystrokes; the rest repeat a prefix already answered (`- "traefik.http.routers.` in every
 * service). GATEWAY_LENS_TYPING=all answers every keystroke (about 4x as long).
 */
const answered = new Set<string>();
const everyKeystroke = process.env.GATEWAY_LENS_TYPING === 'all';

for (const name of FILES) {
  test(`typing every label of examples/${name} character by character: every request answers validly`, async () => {
    const file = path.join(EXAMPLES, name);
    const original = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    const doc = new Doc(original);
    let version = 1;
    await client.open(uri, 'dockercompose', original, version);
    let prefixes = 0;
    for (const line of labelLines(original)) {
      const full = doc.lines[line];
      const indent = full.length - full.trimStart().length;
      const typed = full.slice(indent);
      let start = 0;
      while (!everyKeystroke && start < typed.length && answered.has(typed.slice(0, start + 1))) start++;
      // The label cut back to its first new prefix less one character, then typed on from there.
      const cut = { start: { line, character: indent + start }, end: { line, character: full.length } };
      await client.changeRange(uri, ++version, cut, '');
      doc.lines[line] = full.slice(0, indent + start);
      for (let i = start; i < typed.length; i++) {
        const at = { line, character: indent + i };
        await client.changeRange(uri, ++version, { start: at, end: at }, typed[i]);
        doc.lines[line] = full.slice(0, indent + i + 1);
        const prefix = typed.slice(0, i + 1);
        if (!everyKeystroke && answered.has(prefix)) continue;
        answered.add(prefix);
        await requestsAt(doc, uri, { line, character: indent + i + 1 }, `line ${line + 1} "${prefix}"`);
        prefixes++;
      }
    }
    assert.equal(doc.lines.join('\n'), original);
    assert.ok(prefixes > 400, `answered ${prefixes} prefixes`);
    assert.deepEqual(logged, [], 'the server logged no failure');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
}
