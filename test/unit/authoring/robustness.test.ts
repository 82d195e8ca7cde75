// Every verb at every offset of a real compose file, and while a service is typed character by
// character: nothing throws, and every range returned lies inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import {
  complete,
  definition,
  documentSymbols,
  highlights,
  hover,
  prepareRename,
  references,
  sourceActions,
} from '../../../server/src/analysis/authoring';

const FILE = path.resolve(__dirname, '..', '..', '..', 'examples', 'musicshare-broken', 'docker-compose.yml');
const TEXT = readFileSync(FILE, 'utf8');

function inside(text: string, range: { start: number; end: number }, what: string): void {
  assert.ok(0 <= range.start && range.start <= range.end && range.end <= text.length, what);
}

test('every verb at every offset of musicshare-broken', () => {
  const project = new Analyzer().project({ files: [{ file: FILE, text: TEXT }] });
  let completions = 0;
  for (let offset = 0; offset <= TEXT.length; offset++) {
    for (const item of complete(project, FILE, offset)) {
      inside(TEXT, item.replace, `completion at ${offset}`);
      assert.ok(item.replace.start <= offset && offset <= item.replace.end, `${item.label} at ${offset}`);
      completions++;
    }
    const h = hover(project, FILE, offset);
    if (h) inside(TEXT, h.range, `hover at ${offset}`);
    for (const l of [...definition(project, FILE, offset), ...references(project, FILE, offset, true)]) {
      inside(TEXT, l.range, `location at ${offset}`);
    }
    for (const r of highlights(project, FILE, offset)) inside(TEXT, r, `highlight at ${offset}`);
    const p = prepareRename(project, FILE, offset);
    if (p) assert.equal(TEXT.slice(p.range.start, p.range.end), p.placeholder);
    sourceActions(project, FILE, { start: offset, end: offset });
  }
  assert.ok(completions > 1000, `${completions} completion items`);
  assert.ok(documentSymbols(project, FILE).length > 10);
});

test('typing a new service character by character', () => {
  const typed = [
    '  searchservice:\n',
    '    build: ./searchservice\n',
    '    labels:\n',
    '      - "traefik.enable=true"\n',
    '      - "traefik.http.routers.searchservice.rule=PathPrefix(`/api/search`)"\n',
    '      traefik.http.services.searchservice.loadbalancer.server.port: 8084\n',
  ].join('');
  const at = TEXT.indexOf('  # Internal gRPC service');
  const analyzer = new Analyzer();
  let offered = 0;
  for (let n = 0; n <= typed.length; n++) {
    const text = TEXT.slice(0, at) + typed.slice(0, n) + TEXT.slice(at);
    const project = analyzer.project({ files: [{ file: FILE, text }] });
    const offset = at + n;
    const items = complete(project, FILE, offset);
    for (const item of items) inside(text, item.replace, `completion after ${JSON.stringify(typed.slice(0, n))}`);
    offered += items.length;
    hover(project, FILE, offset);
  }
  assert.ok(offered > 100, `${offered} items offered while typing`);
});
