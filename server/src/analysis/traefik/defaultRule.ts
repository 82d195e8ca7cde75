// The docker (swarm) provider's `defaultRule`: a Go template Traefik parses once when the
// provider starts (pkg/provider/docker/pdocker.go Init, provider.MakeDefaultRuleTemplate; a
// template that does not parse fails Init, and the aggregator logs "Error while initializing
// provider" and never runs it), then executes for each router without a rule
// (pkg/provider/configuration.go BuildRouterConfiguration).
import { normalizeName } from './containers';

export const DEFAULT_RULE = 'Host(`{{ normalize .Name }}`)';

/**
 * The rule a router of compose service `service` gets, with `.Name` = `<service>_<project>`;
 * undefined when the template uses anything else (not guessed) or renders nothing.
 */
export function renderDefaultRule(template: string, service: string, project: string): string | undefined {
  const name = `${service}_${project}`;
  const rule = template
    .replace(/\{\{-?\s*normalize\s+\.Name\s*-?\}\}/g, normalizeName(name))
    .replace(/\{\{-?\s*\.Name\s*-?\}\}/g, name);
  return rule.includes('{{') || rule.trim() === '' ? undefined : rule;
}

const OPENS = new Set(['if', 'range', 'with', 'define', 'block']);

/**
 * What Go's text/template parser (text/template/parse) surely refuses in `template`: an action
 * that never closes, an empty action, an `if`/`range`/`with`/`define`/`block` without its `end`
 * or an `end` without one. Anything else (function names, pipelines) is left to Traefik.
 */
export function templateProblem(template: string): string | undefined {
  let open = 0;
  let i = 0;
  while ((i = template.indexOf('{{', i)) >= 0) {
    const close = actionEnd(template, i + 2);
    if (close < 0) return 'unclosed action';
    let body = template.slice(i + 2, close);
    i = close + 2;
    body = body.replace(/^-\s/, '').replace(/\s-$/, '').trim();
    if (body.startsWith('/*')) continue;
    if (body === '') return 'missing value for command';
    const word = /^[a-z]+/.exec(body)?.[0];
    if (word && OPENS.has(word)) open++;
    else if (word === 'end' && --open < 0) return 'unexpected {{end}}';
  }
  return open > 0 ? 'unexpected EOF' : undefined;
}

/** The offset of the `}}` closing an action whose body starts at `from`, skipping quoted strings; -1 if none. */
function actionEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = c === '"' ? skipEscaped(text, i + 1) : end;
      if (i < 0) return -1;
    } else if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

/** The closing quote of a Go interpreted string opened before `from` (backslash escapes); -1 if none. */
function skipEscaped(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
