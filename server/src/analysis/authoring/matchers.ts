// Traefik's rule matchers per syntax, for completion snippets and for describing a rule in a hover.
// v3: pkg/muxer/http/matcher.go; v2 syntax: matcher_v2.go (v2.11 pkg/muxer/http/mux.go);
// TCP: pkg/muxer/tcp/matcher.go.
import type { Project } from '../project';
import type { RuleSyntax } from '../traefik/static';
import type { Definition } from '../traefik/model';
import { codeSpan, escapeMarkdown } from './markdown';

export interface Matcher {
  name: string;
  /** Snippet inserted for it (without the name). */
  args: string;
  /** What the matcher tests, as a phrase taking its arguments: `path starts with {0}`. */
  phrase: string;
}

const one = '(`$1`)';

const HTTP_V3: Matcher[] = [
  { name: 'Host', args: one, phrase: 'host is {0}' },
  { name: 'PathPrefix', args: one, phrase: 'path starts with {0}' },
  { name: 'Path', args: one, phrase: 'path is exactly {0}' },
  { name: 'Method', args: one, phrase: 'method is {0}' },
  { name: 'Header', args: '(`${1:Upgrade}`, `${2:websocket}`)', phrase: 'header {0} is {1}' },
  { name: 'HeaderRegexp', args: '(`$1`, `$2`)', phrase: 'header {0} matches regexp {1}' },
  { name: 'HostRegexp', args: one, phrase: 'host matches regexp {0}' },
  { name: 'PathRegexp', args: one, phrase: 'path matches regexp {0}' },
  { name: 'Query', args: '(`$1`, `$2`)', phrase: 'query parameter {0} is {1}' },
  { name: 'QueryRegexp', args: '(`$1`, `$2`)', phrase: 'query parameter {0} matches regexp {1}' },
  { name: 'ClientIP', args: one, phrase: 'client IP is in {0}' },
];

const HTTP_V2: Matcher[] = [
  { name: 'Host', args: one, phrase: 'host is {*}' },
  { name: 'PathPrefix', args: one, phrase: 'path starts with {*}' },
  { name: 'Path', args: one, phrase: 'path is exactly {*}' },
  { name: 'Method', args: one, phrase: 'method is {*}' },
  { name: 'Headers', args: '(`${1:Upgrade}`, `${2:websocket}`)', phrase: 'header {0} is {1}' },
  { name: 'HeadersRegexp', args: '(`$1`, `$2`)', phrase: 'header {0} matches regexp {1}' },
  { name: 'HostHeader', args: one, phrase: 'host is {*}' },
  { name: 'HostRegexp', args: one, phrase: 'host matches {*}' },
  { name: 'Query', args: '(`${1:key}=${2:value}`)', phrase: 'query has {*}' },
  { name: 'ClientIP', args: one, phrase: 'client IP is in {*}' },
];

const TCP: Matcher[] = [
  { name: 'HostSNI', args: one, phrase: 'TLS server name is {0}' },
  { name: 'HostSNIRegexp', args: one, phrase: 'TLS server name matches regexp {0}' },
  { name: 'ClientIP', args: one, phrase: 'client IP is in {0}' },
  { name: 'ALPN', args: one, phrase: 'ALPN protocol is {0}' },
];

export function matchers(protocol: string, syntax: RuleSyntax): Matcher[] {
  if (protocol === 'tcp') return TCP;
  return syntax === 'v2' ? HTTP_V2 : HTTP_V3;
}

/** The syntax a router's rule is parsed with (pkg/muxer/http/mux.go AddRoute): ruleSyntax label, else the static default. */
export function ruleSyntaxOf(project: Project, router: Pick<Definition, 'fields'> | undefined): RuleSyntax {
  if (project.version === 'v2') return 'v2';
  const own = router?.fields.get('rulesyntax')?.value.trim().toLowerCase();
  if (own === 'v2') return 'v2';
  if (own === 'v3') return 'v3';
  return project.staticConfig.defaultRuleSyntax ?? 'v3';
}

/**
 * The rule in words: each matcher call replaced by its phrase, `&&`/`||`/`!` by and/or/not.
 * Matchers it does not know stay as written.
 */
export function describeRule(rule: string, protocol: string, syntax: RuleSyntax): string {
  const known = new Map(matchers(protocol, syntax).map((m) => [m.name.toLowerCase(), m]));
  const call = /([A-Za-z]+)\s*\(((?:`[^`]*`|"(?:[^"\\]|\\.)*"|[^()`"])*)\)/g;
  // Calls become placeholders first, so operators inside their strings stay as they are.
  const phrases: string[] = [];
  const skeleton = rule.replace(call, (whole: string, name: string, args: string) => {
    const m = known.get(name.toLowerCase());
    const values = [...args.matchAll(/`([^`]*)`|"((?:[^"\\]|\\.)*)"/g)].map((a) => codeSpan(a[1] ?? a[2]));
    phrases.push(
      m
        ? m.phrase.replace('{*}', values.join(' or ')).replace(/\{(\d)\}/g, (_, i: string) => values[Number(i)] ?? '…')
        : codeSpan(whole),
    );
    return `\u0000${phrases.length - 1}\u0000`;
  });
  // What lies between the calls is the file's own text: literal, whatever it holds.
  return escapeMarkdown(skeleton)
    .replace(/\s*\\&\\&\s*/g, ' **and** ')
    .replace(/\s*\\\|\\\|\s*/g, ' **or** ')
    .replace(/\\!\s*/g, '**not** ')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => phrases[Number(i)]);
}
