// Where the cursor is inside a compose file's labels: which service, which label, key or
// value, which key segment, list or map form, quoted or not. Read from the raw text of the
// line, so it also works on a label being typed that does not parse yet (`- "traefik.http.ro`).
import type { ComposeFile, ComposeService, Label, LabelForm, QuoteStyle } from '../compose/model';
import type { Project } from '../project';
import type { Container } from '../traefik/model';
import type { Range } from '../types';
import { lineEnd, lineStart } from './edits';

export interface Segment {
  text: string;
  range: Range;
}

export interface LabelValue {
  text: string;
  range: Range;
  /** Quote around the value (map form only; in list form the whole item is quoted). */
  quote: QuoteStyle;
}

export type Cursor = { kind: 'key'; segment: number } | { kind: 'value' };

export interface LabelContext {
  project: Project;
  file: ComposeFile;
  offset: number;
  serviceName: string;
  /** The parsed service, when the YAML around it parses. */
  service?: ComposeService;
  container?: Container;
  source: Label['source'];
  form: LabelForm;
  /** Quote of the list item (list form) or of the key (map form). */
  quote: QuoteStyle;
  /** Nothing typed on the line yet (not even `- `): insertions must bring the item's start. */
  blank: boolean;
  key: string;
  keyRange: Range;
  segments: Segment[];
  /** Present once `=` (list) or `:` (map) is typed. */
  value?: LabelValue;
  /** Map form: a space is missing between `:` and the cursor. */
  valueNeedsSpace: boolean;
  /** Offset of the `=` or `:` between key and value, when typed. */
  separator?: number;
  cursor: Cursor;
}

/**
 * Every compose file the project reads: its own and included ones, then the files read only for
 * `extends: file:` (05-services.md, extends), whose services' labels the extending ones carry.
 */
export function readFiles(project: Project): ComposeFile[] {
  return [...project.files, ...project.load.extendsFiles];
}

export function composeFile(project: Project, file: string): ComposeFile | undefined {
  return project.files.find((f) => f.file === file) ?? project.load.extendsFiles.find((f) => f.file === file);
}

export function containerOf(project: Project, service: ComposeService | undefined): Container | undefined {
  if (!service) return undefined;
  return (
    project.containers.find((c) => c.composeParts.includes(service)) ??
    project.containers.find((c) => c.compose.name === service.name)
  );
}

/** The label context at `offset`, or undefined when the cursor is not on a label line of a service. */
export function labelContext(project: Project, fileName: string, offset: number): LabelContext | undefined {
  const file = composeFile(project, fileName);
  if (!file) return undefined;
  const text = file.text;
  const start = lineStart(text, offset);
  const end = lineEnd(text, start);
  if (offset > end) return undefined;
  const line = text.slice(start, end);
  const blank = line.trim() === '';
  const path = yamlPath(text, start, blank ? offset - start : leadOf(line), !blank && /^[ \t]*-(\s|$)/.test(line));
  if (path.length < 3 || path[0] !== 'services') return undefined;
  const source = labelSource(path.slice(2));
  if (!source) return undefined;
  const serviceName = path[1];
  const service = file.services.find((s) => s.name === serviceName);
  const container = containerOf(project, service);
  const base = { project, file, offset, serviceName, service, container, source };
  if (blank) return blankLine(base, offset);
  const parsed = /^[ \t]*-(\s|$)/.test(line) ? listLine(text, start, end) : mapLine(text, start, end);
  if (!parsed || offset < parsed.keyRange.start) return undefined;
  const cursor = cursorIn(parsed, offset);
  if (!cursor) return undefined;
  return { ...base, ...parsed, blank: false, cursor };
}

function labelSource(rest: string[]): Label['source'] | undefined {
  if (rest.length === 1 && rest[0] === 'labels') return 'labels';
  if (rest.length === 2 && rest[0] === 'deploy' && rest[1] === 'labels') return 'deploy.labels';
  return undefined;
}

type Parsed = Pick<
  LabelContext,
  'form' | 'quote' | 'key' | 'keyRange' | 'segments' | 'value' | 'valueNeedsSpace' | 'separator'
>;

function blankLine(base: Omit<LabelContext, keyof Parsed | 'blank' | 'cursor'>, offset: number): LabelContext {
  const block = base.service?.labelBlocks.find((b) => b.source === base.source);
  const labels = base.service?.labels.filter((l) => l.source === base.source) ?? [];
  const form = block?.form ?? 'list';
  return {
    ...base,
    form,
    quote: labels.length > 0 ? labels[labels.length - 1].quote : form === 'list' ? '"' : '',
    blank: true,
    key: '',
    keyRange: { start: offset, end: offset },
    segments: [{ text: '', range: { start: offset, end: offset } }],
    valueNeedsSpace: false,
    cursor: { kind: 'key', segment: 0 },
  };
}

function leadOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Keys of the mappings that enclose the line starting at `start` (`services`, `api`, `labels`),
 * found by indentation alone so that a broken line below does not matter.
 */
export function yamlPath(text: string, start: number, indent: number, isItem: boolean): string[] {
  const path: string[] = [];
  let want = indent;
  let item = isItem;
  let pos = start;
  while (pos > 0 && want > 0) {
    const prevEnd = pos - 1;
    const prevStart = lineStart(text, prevEnd);
    const line = text.slice(prevStart, prevEnd).replace(/\r$/, '');
    pos = prevStart;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lead = line.length - trimmed.length;
    const dash = /^-(\s|$)/.test(trimmed);
    // A sequence may sit at its parent key's own indentation (`labels:` / `- a`).
    if (lead < want || (lead === want && item && !dash)) {
      const key = /^(?:-[ \t]+)?(["']?)([^"'#]*?)\1[ \t]*:(?:[ \t]|$)/.exec(trimmed);
      if (!key) return [];
      path.unshift(key[2].trim());
      want = lead;
      item = dash;
    }
  }
  return path;
}

/** The end of a quoted scalar that starts at `from` (after the opening quote); `end` when unterminated. */
function closingQuote(text: string, from: number, end: number, quote: string): number {
  for (let i = from; i < end; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return end;
}

/**
 * End of a plain scalar on the line: before a ` #` comment and trailing blanks. A value keeps its
 * trailing blanks (`rule=Host(`a`) && |`: the cursor is still in it); readers trim what they replace.
 */
function plainEnd(text: string, from: number, end: number, keepBlanks = false): number {
  let stop = end;
  for (let i = from; i < end; i++) {
    if (text[i] === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
      stop = i;
      break;
    }
  }
  while (!keepBlanks && stop > from && (text[stop - 1] === ' ' || text[stop - 1] === '\t')) stop--;
  return stop;
}

function segmentsOf(key: string, start: number): Segment[] {
  let at = start;
  return key.split('.').map((t) => {
    const s = { text: t, range: { start: at, end: at + t.length } };
    at += t.length + 1;
    return s;
  });
}

function quoteAt(text: string, i: number): QuoteStyle {
  return text[i] === '"' || text[i] === "'" ? (text[i] as QuoteStyle) : '';
}

function listLine(text: string, start: number, end: number): Parsed | undefined {
  let i = text.indexOf('-', start) + 1;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  const quote = quoteAt(text, i);
  const from = quote ? i + 1 : i;
  const stop = quote ? closingQuote(text, from, end, quote) : plainEnd(text, from, end, true);
  const content = text.slice(from, stop);
  const eq = content.indexOf('=');
  const key = eq < 0 ? content.trimEnd() : content.slice(0, eq);
  const keyRange = { start: from, end: from + key.length };
  if (eq < 0) return { form: 'list', quote, key, keyRange, segments: segmentsOf(key, from), valueNeedsSpace: false };
  const value: LabelValue = { text: content.slice(eq + 1), range: { start: from + eq + 1, end: stop }, quote: '' };
  const segments = segmentsOf(key, from);
  return { form: 'list', quote, key, keyRange, segments, value, valueNeedsSpace: false, separator: from + eq };
}

function mapLine(text: string, start: number, end: number): Parsed | undefined {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  const quote = quoteAt(text, i);
  const from = quote ? i + 1 : i;
  let keyEnd: number;
  let colon = -1;
  if (quote) {
    keyEnd = closingQuote(text, from, end, quote);
    const after = text.slice(keyEnd + 1, end);
    const m = /^[ \t]*:/.exec(after);
    if (m) colon = keyEnd + 1 + m[0].length - 1;
  } else {
    const stop = plainEnd(text, from, end);
    const m = /:(?=[ \t]|$)/.exec(text.slice(from, stop));
    keyEnd = m ? from + m.index : stop;
    if (m) colon = keyEnd;
    while (keyEnd > from && (text[keyEnd - 1] === ' ' || text[keyEnd - 1] === '\t')) keyEnd--;
  }
  const key = text.slice(from, keyEnd);
  const parsed: Parsed = {
    form: 'map',
    quote,
    key,
    keyRange: { start: from, end: keyEnd },
    segments: segmentsOf(key, from),
    valueNeedsSpace: false,
  };
  if (colon < 0) return parsed;
  let v = colon + 1;
  while (v < end && (text[v] === ' ' || text[v] === '\t')) v++;
  const valueQuote = quoteAt(text, v);
  const vFrom = valueQuote ? v + 1 : v;
  const vEnd = valueQuote ? closingQuote(text, vFrom, end, valueQuote) : plainEnd(text, vFrom, end, true);
  parsed.value = { text: text.slice(vFrom, vEnd), range: { start: vFrom, end: vEnd }, quote: valueQuote };
  parsed.valueNeedsSpace = v === colon + 1;
  parsed.separator = colon;
  return parsed;
}

function cursorIn(parsed: Parsed, offset: number): Cursor | undefined {
  if (offset <= parsed.keyRange.end) {
    let segment = 0;
    for (let i = 0; i < parsed.segments.length; i++) if (offset >= parsed.segments[i].range.start) segment = i;
    return { kind: 'key', segment };
  }
  const value = parsed.value;
  if (!value || parsed.separator === undefined || offset <= parsed.separator) return undefined;
  // Before the value (between `: ` and a quote) there is nothing to complete.
  if (offset >= value.range.start && offset <= value.range.end) return { kind: 'value' };
  return undefined;
}
