// Writing labels the way the file already writes them: list or map form, the neighbours' quotes,
// the block's indentation and the file's line breaks. Only the new text is inserted.
import { isScalar, isSeq, isMap, parseDocument } from 'yaml';
import type { ComposeFile, ComposeService, Label, LabelBlock, LabelForm, QuoteStyle } from '../compose/model';
import { contentLineEnd, eolOf, indentOf, insert, lineEnd, lineStart, nextLineStart } from './edits';
import type { TextEdit } from './types';

export interface LabelStyle {
  form: LabelForm;
  /** List form: quote of the whole item; map form: quote of the key. */
  quote: QuoteStyle;
  /** Map form: quote of values; '' quotes only what YAML would not read as the same string. */
  valueQuote: QuoteStyle;
}

export interface NewLabel {
  key: string;
  value: string;
}

/** Where the labels go: after a label, first in the block, or last (the default). */
export type Placement = { after: Label } | { first: true } | { last: true };

/** The quote a map-form value is written with, read from the text around its range. */
function valueQuoteOf(text: string, label: Label): QuoteStyle {
  const q = text[label.valueRange.start - 1];
  return (q === '"' || q === "'") && text[label.valueRange.end] === q ? q : '';
}

/** The style of a block's labels; without one, the style of the file's other label blocks. */
export function styleOf(file: ComposeFile, service: ComposeService | undefined, source: Label['source']): LabelStyle {
  const own = service?.labels.filter((l) => l.source === source) ?? [];
  const labels = own.length > 0 ? own : file.services.flatMap((s) => s.labels.filter((l) => l.source === source));
  const all = labels.length > 0 ? labels : file.services.flatMap((s) => s.labels);
  if (all.length === 0) return { form: 'list', quote: '"', valueQuote: '' };
  const last = all[all.length - 1];
  const quotes = all.filter((l) => l.form === 'map').map((l) => valueQuoteOf(file.text, l));
  const same = quotes.length > 0 && quotes.every((q) => q === quotes[0]) ? quotes[0] : '';
  return { form: last.form, quote: last.quote, valueQuote: same };
}

/** Whether YAML reads `text` written plain in this position as exactly this string. */
function plainSafe(text: string, form: LabelForm): boolean {
  if (text === '' || /^(y|n|yes|no|on|off|true|false|null|~)$/i.test(text)) return false;
  const doc = parseDocument(form === 'list' ? `- ${text}` : `k: ${text}`);
  if (doc.errors.length > 0) return false;
  const node = isSeq(doc.contents)
    ? doc.contents.items[0]
    : isMap(doc.contents)
      ? (doc.contents.items[0]?.value as unknown)
      : undefined;
  return isScalar(node) && node.type === 'PLAIN' && node.value === text;
}

export function quoted(text: string, quote: QuoteStyle): string {
  if (quote === '"') return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  if (quote === "'") return `'${text.replace(/'/g, "''")}'`;
  return text;
}

/** One label as the text of its list item (without `- `) or map pair. */
export function renderLabel(label: NewLabel, style: LabelStyle, flow = false): string {
  if (style.form === 'list') {
    const item = `${label.key}=${label.value}`;
    const quote = style.quote === '' && (flow || !plainSafe(item, 'list')) ? '"' : style.quote;
    return quoted(item, quote);
  }
  const key = quoted(label.key, style.quote);
  const valueQuote = style.valueQuote !== '' ? style.valueQuote : plainSafe(label.value, 'map') && !flow ? '' : '"';
  return `${key}: ${quoted(label.value, valueQuote)}`;
}

/** The indentation and `- ` a neighbouring entry starts its line with. */
function entryPrefix(text: string, label: Label, block: LabelBlock): string {
  const start = lineStart(text, label.entryRange.start);
  const lead = text.slice(start, label.entryRange.start);
  const fallback = ' '.repeat(Math.max(block.indent, 0)) + (block.form === 'list' ? '- ' : '');
  if (lead.trim() !== '') return fallback;
  if (block.form === 'map') return lead;
  let i = label.entryRange.start + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return lead + text.slice(label.entryRange.start, i);
}

/** Inserts labels into the service's block of that source, creating the block when missing. */
export function insertLabels(
  file: ComposeFile,
  service: ComposeService,
  source: Label['source'],
  labels: NewLabel[],
  placement: Placement = { last: true },
): TextEdit {
  const text = file.text;
  const eol = eolOf(text);
  const style = styleOf(file, service, source);
  const block = service.labelBlocks.find((b) => b.source === source);
  const inBlock = block
    ? service.labels.filter(
        (l) => l.source === source && l.entryRange.start >= block.range.start && l.entryRange.end <= block.range.end,
      )
    : [];
  if (block && block.indent < 0) {
    const close = text.lastIndexOf(block.form === 'list' ? ']' : '}', block.range.end);
    const body = labels.map((l) => renderLabel(l, { ...style, form: block.form }, true)).join(', ');
    return insert(close, inBlock.length > 0 ? `, ${body}` : body);
  }
  if (block && inBlock.length > 0) {
    const blockStyle = { ...style, form: block.form };
    const anchor =
      'after' in placement ? placement.after : 'first' in placement ? inBlock[0] : inBlock[inBlock.length - 1];
    const prefix = entryPrefix(text, anchor, block);
    const lines = labels.map((l) => prefix + renderLabel(l, blockStyle));
    if ('first' in placement)
      return insert(lineStart(text, anchor.entryRange.start), lines.map((l) => l + eol).join(''));
    return insert(lineEnd(text, anchor.entryRange.end), lines.map((l) => eol + l).join(''));
  }
  return createBlock(file, service, source, labels, style, eol);
}

/** Indentation of the service's own keys (`image:`, `labels:`), and one level of the file's indentation. */
export function bodyIndent(text: string, service: ComposeService): { body: string; unit: string } {
  const own = indentOf(text, service.nameRange.start);
  let pos = nextLineStart(text, service.nameRange.end);
  while (pos < service.range.end) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end);
    if (line.trim() !== '' && !line.trim().startsWith('#')) {
      const body = indentOf(text, pos);
      if (body.length > own.length) return { body, unit: body.slice(own.length) };
      break;
    }
    pos = nextLineStart(text, pos);
  }
  const unit = own.length > 0 ? own : '  ';
  return { body: own + unit, unit };
}

/** A `labels:` key line inside the service (`labels:` with no value yet), if any. */
function keyLine(text: string, from: number, to: number, indent: string, key: string): number | undefined {
  const re = new RegExp(`^${indent}${key}[ \\t]*:[ \\t]*(#.*)?\\r?$`, 'm');
  const m = re.exec(text.slice(from, to));
  return m ? from + m.index : undefined;
}

function createBlock(
  file: ComposeFile,
  service: ComposeService,
  source: Label['source'],
  labels: NewLabel[],
  style: LabelStyle,
  eol: string,
): TextEdit {
  const text = file.text;
  const { body, unit } = bodyIndent(text, service);
  const from = nextLineStart(text, service.nameRange.end);
  const to = contentLineEnd(text, service.range.end);
  const items = (indent: string): string =>
    labels.map((l) => eol + indent + (style.form === 'list' ? '- ' : '') + renderLabel(l, style)).join('');
  if (source === 'labels') {
    const existing = keyLine(text, from, to, body, 'labels');
    if (existing !== undefined) return insert(lineEnd(text, existing), items(body + unit));
    return insert(to, `${eol}${body}labels:${items(body + unit)}`);
  }
  const deploy = keyLine(text, from, to, body, 'deploy');
  if (deploy !== undefined) {
    const inner = body + unit;
    const existing = keyLine(text, deploy, to, inner, 'labels');
    if (existing !== undefined) return insert(lineEnd(text, existing), items(inner + unit));
    return insert(lineEnd(text, deploy), `${eol}${inner}labels:${items(inner + unit)}`);
  }
  return insert(to, `${eol}${body}deploy:${eol}${body}${unit}labels:${items(body + unit + unit)}`);
}
