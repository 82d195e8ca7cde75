// Completion inside a service's labels: keys segment by segment, values by field, and on an
// empty item a few whole labels a routed service needs.
import { containerPorts } from '../checks/missing-port';
import type { Project } from '../project';
import { labelContext, type LabelContext } from './context';
import { completeKey, derivedName, escapeSnippet } from './keys';
import { serviceSnippets } from './serviceSnippet';
import type { CompletionItem } from './types';
import { completeValue } from './values';

export function complete(project: Project, file: string, offset: number): CompletionItem[] {
  const ctx = labelContext(project, file, offset);
  if (!ctx) return serviceSnippets(project, file, offset);
  if (ctx.cursor.kind === 'value') return completeValue(ctx, project.version);
  const items = completeKey(ctx, project.version);
  if (ctx.cursor.segment === 0 && ctx.segments.length === 1 && !ctx.value) items.push(...wholeLabels(ctx));
  return items;
}

/** Whole labels for an empty item: enable, a PathPrefix rule, the port. Keys the service lacks only. */
function wholeLabels(ctx: LabelContext): CompletionItem[] {
  const name = derivedName(ctx.serviceName);
  const has = (key: string): boolean => (ctx.service?.labels ?? []).some((l) => l.key.toLowerCase() === key);
  const port = ctx.container ? containerPorts(ctx.container)[0] : undefined;
  const sep = ctx.form === 'list' ? '=' : ': ';
  const out: CompletionItem[] = [];
  const add = (key: string, value: string, title: string): void => {
    if (has(key)) return;
    const body = `${escapeSnippet(key)}${sep}${value}`;
    out.push({
      label: `${key}${sep.trim()}…`,
      kind: 'snippet',
      detail: title,
      insertText: snippetLine(ctx, body),
      isSnippet: true,
      replace: ctx.segments[0].range,
      sortText: `2${out.length}`,
      filterText: key,
    });
  };
  add('traefik.enable', 'true', 'expose this service through Traefik');
  add(`traefik.http.routers.${name}.rule`, 'PathPrefix(`${1:/api/' + name + '}`)', 'route a path prefix');
  add(`traefik.http.services.${name}.loadbalancer.server.port`, `\${1:${port ?? 8080}}`, 'port Traefik forwards to');
  return out;
}

/** A snippet body as an item of the line: on a blank line in list form with its `- "` and closing quote. */
function snippetLine(ctx: LabelContext, body: string): string {
  if (!ctx.blank || ctx.form !== 'list') return body;
  return `- ${ctx.quote}${body}${ctx.quote}`;
}
