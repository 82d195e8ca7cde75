// Completion of a matcher's argument inside a rule: in Host(`…`) / HostSNI(`…`) the hosts the
// project's rules already use, in PathPrefix(`…`) / Path(`…`) the paths of the routers that share
// an entry point with this one (Traefik builds one muxer per entry point: pkg/server/router/
// router.go; only routers on the same entry point compete for a request).
import { routerEntryPoints } from '../traefik/routing';
import type { Definition, Protocol } from '../traefik/model';
import type { LabelContext } from './context';
import type { CompletionItem } from './types';

type ArgKind = 'host' | 'path';

const KIND: Record<string, ArgKind> = {
  host: 'host',
  hostheader: 'host',
  hostsni: 'host',
  pathprefix: 'path',
  path: 'path',
};

/** A string argument (backquoted or double-quoted, Go's two string forms) of a call. */
const STRING = '(?:`[^`]*`|"(?:[^"\\\\]|\\\\.)*")';
/** The call whose argument list is open at the end of the text: `Host(` or `Host(`a`, `. */
const OPEN_CALL = new RegExp(`([A-Za-z]+)\\s*\\(\\s*(?:${STRING}\\s*,\\s*)*$`);
const CALL = new RegExp(`([A-Za-z]+)\\s*\\(((?:\\s*${STRING}\\s*,?)*)\\s*\\)`, 'g');
const ARG = /`([^`]*)`|"((?:[^"\\]|\\.)*)"/g;

interface Candidate {
  value: string;
  detail: string;
}

/**
 * Items for the argument at the cursor, or undefined when the cursor is not where a Host or path
 * argument goes. `open` is the offset of the argument's opening quote (-1 before one is typed).
 */
export function ruleArgItems(
  ctx: LabelContext,
  protocol: Protocol,
  routerName: string | undefined,
  open: number,
): CompletionItem[] | undefined {
  const value = ctx.value!;
  const text = value.text;
  const at = ctx.offset - value.range.start;
  const callEnd = open >= 0 ? open - value.range.start : at;
  const call = OPEN_CALL.exec(text.slice(0, callEnd));
  const kind = call ? KIND[call[1].toLowerCase()] : undefined;
  if (!kind) return undefined;
  const quote = open >= 0 ? text[open - value.range.start] : '`';
  let replace: { start: number; end: number };
  let close = '';
  if (open >= 0) {
    const from = open - value.range.start + 1;
    const end = text.indexOf(quote, at);
    replace = { start: value.range.start + from, end: value.range.start + (end < 0 ? at : end) };
    if (end < 0) close = quote + (/^\s*\)/.test(text.slice(at)) ? '' : ')');
  } else {
    // Right after `Host(`: the item brings its quotes (and the parenthesis when it is missing).
    replace = { start: ctx.offset, end: ctx.offset };
    close = quote + (/^\s*\)/.test(text.slice(at)) ? '' : ')');
  }
  const router = ctx.container?.definitions.find(
    (d) => d.kind === 'routers' && d.protocol === protocol && d.name === routerName,
  );
  const candidates = kind === 'host' ? hosts(ctx) : paths(ctx, protocol, router);
  const lead = open < 0 ? quote : '';
  return candidates.map((c, i) => ({
    label: c.value,
    kind: 'value' as const,
    detail: c.detail,
    insertText: lead + c.value + close,
    replace,
    sortText: String(i).padStart(4, '0'),
    filterText: lead + c.value,
  }));
}

/** Router rules of the project, except the one being edited. */
function otherRules(ctx: LabelContext): { router: Definition; rule: string }[] {
  const out: { router: Definition; rule: string }[] = [];
  for (const c of ctx.project.containers) {
    for (const d of c.definitions) {
      const label = d.kind === 'routers' ? d.fields.get('rule') : undefined;
      if (!label || label.interpolated) continue;
      if (label.file === ctx.file.file && label.entryRange.start <= ctx.offset && ctx.offset <= label.entryRange.end)
        continue;
      out.push({ router: d, rule: label.value });
    }
  }
  return out;
}

function argsOf(rule: string, kind: ArgKind): string[] {
  const out: string[] = [];
  for (const m of rule.matchAll(CALL)) {
    if (KIND[m[1].toLowerCase()] !== kind) continue;
    for (const a of m[2].matchAll(ARG)) {
      const v = a[1] ?? a[2];
      if (v.trim() !== '') out.push(v);
    }
  }
  return out;
}

/** Hosts in Host/HostHeader/HostSNI calls anywhere in the project (HTTP and TCP name the same hosts). */
function hosts(ctx: LabelContext): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const { router, rule } of otherRules(ctx)) {
    for (const host of argsOf(rule, 'host')) {
      if (!out.has(host)) out.set(host, { value: host, detail: `host of router ${where(router)}` });
    }
  }
  return [...out.values()];
}

/** PathPrefix/Path arguments of the HTTP routers that listen on one of this router's entry points. */
function paths(ctx: LabelContext, protocol: Protocol, router: Definition | undefined): Candidate[] {
  if (protocol !== 'http') return [];
  const mine = router ? routerEntryPoints(ctx.project, router) : undefined;
  const out = new Map<string, Candidate>();
  for (const { router: other, rule } of otherRules(ctx)) {
    if (other.protocol !== 'http') continue;
    const theirs = routerEntryPoints(ctx.project, other);
    const shared = !mine || !theirs ? undefined : theirs.filter((e) => mine.includes(e));
    if (shared && shared.length === 0) continue;
    const on = shared ? ` on ${shared.join(', ')}` : '';
    for (const p of argsOf(rule, 'path')) {
      if (!out.has(p)) out.set(p, { value: p, detail: `path of router ${where(other)}${on}` });
    }
  }
  return [...out.values()];
}

function where(router: Definition): string {
  const service = router.container.compose.name;
  return router.name === service ? router.name : `${router.name} (${service})`;
}
