// "Which Router Serves This URL?": what the user types, the recent URLs, and the answer in words.
// Plain data (no vscode import), so it is tested in node.
import type { RouteAnswer, RouteCandidate, RouteUnloaded } from '../../../server/src/protocol';

export interface RouteQuery {
  url: string;
  /** Only when typed before the URL (`POST https://...`); the server defaults to GET. */
  method?: string;
}

/** What the editor asks for after an answer that depends on it: an entry point, a header, the client IP. */
export type Ask = { entryPoint: { name: string; address?: string }[] } | { header: string } | { clientIP: true };

/** The questions an answer raises, in the order the editor asks them (the entry point first). */
export function asksOf(answer: RouteAnswer): Ask[] {
  if (answer.entryPointChoices?.length) return [{ entryPoint: answer.entryPointChoices }];
  return [
    ...answer.depends.headers.map((header) => ({ header })),
    ...(answer.depends.clientIP ? [{ clientIP: true as const }] : []),
  ];
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE']);

/** `https://x/a`, `GET https://x/a` or `x/a` (read as http://x/a); a message when it is not a URL. */
export function parseRouteQuery(text: string): RouteQuery | { problem: string } {
  const parts = text.trim().split(/\s+/);
  let method: string | undefined;
  if (parts.length === 2 && METHODS.has(parts[0].toUpperCase())) method = parts.shift()!.toUpperCase();
  if (parts.length !== 1 || parts[0] === '' || METHODS.has(parts[0].toUpperCase()))
    return {
      problem: 'Enter a URL such as https://example.com/api/users, optionally after a method (POST https://...).',
    };
  const raw = /^[a-z][a-z0-9+.-]*:\/\//i.test(parts[0]) ? parts[0] : `http://${parts[0]}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `"${parts[0]}" is not a URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `Traefik's HTTP routers see http:// and https:// URLs, not ${url.protocol}//.` };
  return method ? { url: raw, method } : { url: raw };
}

/** How a query is shown and remembered: `https://x/a`, or `POST https://x/a`. */
export function queryText(query: RouteQuery): string {
  return query.method ? `${query.method} ${query.url}` : query.url;
}

/** The recent queries with this one first, without duplicates, at most `max`. */
export function rememberQuery(recent: readonly string[], text: string, max = 10): string[] {
  return [text, ...recent.filter((r) => r !== text)].slice(0, max);
}

/** One line for the notification: the winner, where it sends the request, and the router passed over. */
export function summarizeAnswer(query: RouteQuery, answer: RouteAnswer): string {
  const request = `${query.method ?? 'GET'} ${query.url}`;
  const passed = answer.unloaded[0] ? ` ${unloadedText(answer.unloaded[0])}` : '';
  if (answer.router === null)
    return `No router matches ${request}.${answer.notes.length > 0 ? ` ${answer.notes[0]}` : ''}${passed}`;
  const priority = answer.priority !== null ? ` (priority ${answer.priority})` : '';
  const service = answer.service !== null ? ` → service "${answer.service}"` : '';
  const redirect = answer.redirect !== null ? `, which redirects to ${answer.redirect}` : '';
  const path = answer.forwardedPath !== null ? `, which receives ${answer.forwardedPath}` : '';
  return `${request} → router "${answer.router}"${priority}${service}${redirect}${path}.${passed}`;
}

/** `Router "userservice@docker" would match first but is not loaded: its container ... (invalid-value, line 65).` */
export function unloadedText(u: RouteUnloaded): string {
  const line = u.finding ? `, line ${u.finding.range.start.line + 1}` : '';
  const unless = u.unless ? `, unless ${u.unless}` : '';
  return `Router "${u.router}" would match first but is not loaded: ${u.reason}${unless} (${u.code}${line}).`;
}

/** The whole answer, one fact a line, for the output channel. */
export function answerDetails(query: RouteQuery, answer: RouteAnswer): string[] {
  const lines = [`${query.method ?? 'GET'} ${query.url}`];
  if (answer.router === null) lines.push('  no router matches');
  else {
    lines.push(`  router:         ${answer.router}${answer.priority !== null ? ` (priority ${answer.priority})` : ''}`);
    if (answer.rule !== null) lines.push(`  rule:           ${answer.rule}`);
    if (answer.entrypoint !== null) lines.push(`  entry point:    ${answer.entrypoint}`);
    if (answer.middlewares.length > 0) lines.push(`  middlewares:    ${answer.middlewares.join(', ')}`);
    lines.push(`  service:        ${answer.service ?? '(none)'}`);
    if (answer.forwardedPath !== null) lines.push(`  forwarded path: ${answer.forwardedPath}`);
  }
  if (answer.candidates.length > 0) {
    lines.push('  routers that match, in the order Traefik tries them:');
    answer.candidates.forEach((c, i) => lines.push(`    ${i + 1}. ${candidateText(c)}`));
  }
  if (answer.redirect !== null) lines.push(`  redirects to:   ${answer.redirect}`);
  for (const u of answer.unloaded) lines.push(`  not loaded:     ${unloadedText(u)}`);
  for (const note of answer.notes) lines.push(`  note: ${note}`);
  return lines;
}

function candidateText(c: RouteCandidate): string {
  return `${c.router} (priority ${c.priority}, entry point ${c.entryPoint}): ${c.rule}`;
}
