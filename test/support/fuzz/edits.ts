// What people type into compose files, as edits for the fuzzer: characters and words inserted,
// deleted and replaced inside label values (rules, ports, middleware lists) and label keys,
// whole lines deleted, duplicated and added, several cursors at once, CRLF and lone CRs, NUL,
// characters outside the BMP, a BOM, and now and then the whole text replaced.
import type { ContentChange, FuzzText } from './text';

export interface Rand {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

export function rand(next: () => number): Rand {
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** A traefik label on one line: where its key and value are (absolute offsets). */
interface Label {
  line: number;
  key: [number, number];
  value: [number, number];
}

const LIST_LABEL = /^(\s*-\s*["']?)(traefik\.[^=\s"']*)=([^"']*)/;
const MAP_LABEL = /^(\s*["']?)(traefik\.[^:\s"']*)["']?:[ \t]*["']?([^"'#]*)/;

export function labels(doc: FuzzText): Label[] {
  const out: Label[] = [];
  for (let n = 0; n < doc.lineCount; n++) {
    const text = doc.line(n);
    const m = LIST_LABEL.exec(text) ?? MAP_LABEL.exec(text);
    if (!m) continue;
    const base = doc.lineStart(n);
    const keyStart = base + m[1].length;
    const keyEnd = keyStart + m[2].length;
    const valueStart = base + m[0].length - m[3].length;
    out.push({ line: n, key: [keyStart, keyEnd], value: [valueStart, valueStart + m[3].length] });
  }
  return out;
}

const VALUE_CHARS = 'abcxyz019`()&|!,./-_ "\':={}$\\@#*'.split('');
const VALUE_WORDS = [
  'Host(`a.example.com`)',
  ' && PathPrefix(`/api`)',
  ' || Path(`/`)',
  '!Header(`X`, `y`)',
  'PathRegexp(`^/(a+)+$`)',
  'HostRegexp(`{sub:[a-z]+}.example.com`)',
  'Headers(`X`, `y`)',
  '80',
  '8080',
  '65536',
  '-1',
  'web',
  'websecure',
  'mw1,mw2',
  'auth@file',
  'api@internal',
  '@docker',
  'true',
  'false',
  '10s',
  '${DOMAIN}',
  '$$',
  '',
  '`',
  '(',
  ')',
];
const KEY_WORDS = [
  'routers',
  'services',
  'middlewares',
  'rule',
  'entrypoints',
  'loadbalancer',
  'server',
  'port',
  'tls',
  'certresolver',
  'priority',
  'stripprefix',
  'prefixes',
  'service',
  'enable',
  'http',
  'tcp',
  'udp',
  'rulle',
  '',
];
const ODD = ['\u0000', '😀', '𝒳', '\u00e9', '\u200b', '\t', '\r', '\u2028'];

/** An offset in [start, end] the cursor can take. */
function at(doc: FuzzText, r: Rand, start: number, end: number): number {
  return doc.boundary(start + r.int(end - start + 1));
}

/** [a, b) within [start, end], both ends on boundaries. */
function span(doc: FuzzText, r: Rand, start: number, end: number, max = 8): [number, number] {
  const a = at(doc, r, start, end);
  const b = doc.boundary(Math.min(end, a + 1 + r.int(max)));
  return b < a ? [b, a] : [a, b];
}

function typeInto(doc: FuzzText, r: Rand, start: number, end: number, words: readonly string[]): ContentChange {
  const kind = r.int(5);
  if (kind === 0) {
    const o = at(doc, r, start, end);
    return doc.replace(o, o, r.pick(VALUE_CHARS));
  }
  if (kind === 1) {
    const [a, b] = span(doc, r, start, end, 2);
    return doc.replace(a, b, '');
  }
  if (kind === 2) {
    const [a, b] = span(doc, r, start, end, 12);
    return doc.replace(a, b, r.pick(words));
  }
  if (kind === 3) {
    const o = at(doc, r, start, end);
    return doc.replace(o, o, r.pick(words));
  }
  const [a, b] = span(doc, r, start, end, 1);
  return doc.replace(a, b, r.pick(VALUE_CHARS));
}

type Edit = (doc: FuzzText, r: Rand, original: string) => ContentChange[];

function onLabel(pick: (l: Label) => [number, number], words: readonly string[]): Edit {
  return (doc, r) => {
    const list = labels(doc);
    if (list.length === 0) return anyChar(doc, r);
    const l = r.pick(list);
    const [start, end] = pick(l);
    return [typeInto(doc, r, start, end, words)];
  };
}

const inValue = onLabel((l) => l.value, VALUE_WORDS);
const inKey = onLabel((l) => l.key, KEY_WORDS);

function anyChar(doc: FuzzText, r: Rand): ContentChange[] {
  return [typeInto(doc, r, 0, doc.text.length, [...VALUE_WORDS, '\n', '  ', ':', '- ', '#'])];
}

function wholeLine(doc: FuzzText, r: Rand): ContentChange[] {
  const list = labels(doc);
  const n = list.length > 0 && r.chance(0.7) ? r.pick(list).line : r.int(doc.lineCount);
  const start = doc.lineStart(n);
  const end = n + 1 < doc.lineCount ? doc.lineStart(n + 1) : doc.text.length;
  const kind = r.int(3);
  if (kind === 0) return [doc.replace(start, end, '')];
  const copy = doc.text.slice(start, end);
  if (kind === 1) return [doc.replace(start, start, copy.endsWith('\n') || copy.endsWith('\r') ? copy : copy + '\n')];
  // A new label line copied from another one, renamed.
  const other = list.length > 0 ? doc.line(r.pick(list).line) : '      - "traefik.enable=true"';
  const renamed = other.replace(/(routers|services|middlewares)\.[^.=:]+/, `$1.${r.pick(['x', 'app', 'api', 'a b'])}`);
  return [doc.replace(start, start, renamed + '\n')];
}

/** Several cursors: the same kind of edit on 2 to 4 labels, sent last-first as VS Code does. */
function multiCursor(doc: FuzzText, r: Rand): ContentChange[] {
  const list = labels(doc);
  if (list.length < 2) return inValue(doc, r, '');
  const count = Math.min(list.length, 2 + r.int(3));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(r.int(list.length));
  const lines = [...chosen].map((i) => list[i]).sort((a, b) => b.line - a.line);
  const word = r.pick(r.chance(0.5) ? VALUE_WORDS : VALUE_CHARS);
  const atEnd = r.chance(0.5);
  const deleting = r.chance(0.3);
  return lines.map((l) => {
    const o = atEnd ? l.value[1] : l.value[0];
    if (deleting) return doc.replace(doc.boundary(Math.max(l.value[0], o - 1)), o, '');
    return doc.replace(o, o, word);
  });
}

function lineEndings(doc: FuzzText, r: Rand): ContentChange[] {
  const kind = r.int(3);
  if (kind === 0) return [doc.replaceAll(doc.text.replace(/\r?\n/g, '\r\n'))];
  if (kind === 1) return [doc.replaceAll(doc.text.replace(/\r\n/g, '\n'))];
  // One line break turned into CRLF or a lone CR.
  const n = r.int(Math.max(1, doc.lineCount - 1));
  const end = doc.lineStart(n) + doc.line(n).length;
  const next = n + 1 < doc.lineCount ? doc.lineStart(n + 1) : end;
  return [doc.replace(end, next, r.pick(['\r\n', '\r', '\n']))];
}

function oddCharacter(doc: FuzzText, r: Rand): ContentChange[] {
  if (r.chance(0.1)) return doc.text.startsWith('\ufeff') ? [doc.replace(0, 1, '')] : [doc.replace(0, 0, '\ufeff')];
  const list = labels(doc);
  const [start, end] = list.length > 0 ? r.pick(list)[r.chance(0.7) ? 'value' : 'key'] : [0, doc.text.length];
  const o = at(doc, r, start, end);
  return [doc.replace(o, o, r.pick(ODD))];
}

function restore(doc: FuzzText, _r: Rand, original: string): ContentChange[] {
  return [doc.replaceAll(original)];
}

const EDITS: [Edit, number][] = [
  [inValue, 30],
  [inKey, 14],
  [wholeLine, 12],
  [multiCursor, 10],
  [anyChar, 8],
  [lineEndings, 4],
  [oddCharacter, 8],
  [restore, 1],
];
const TOTAL = EDITS.reduce((s, [, w]) => s + w, 0);

/** One didChange's content changes, applied to `doc` as the server must apply them. */
export function nextEdit(doc: FuzzText, r: Rand, original: string): ContentChange[] {
  let x = r.int(TOTAL);
  for (const [edit, weight] of EDITS) {
    if (x < weight) return edit(doc, r, original);
    x -= weight;
  }
  return anyChar(doc, r);
}
