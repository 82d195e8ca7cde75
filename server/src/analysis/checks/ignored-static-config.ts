// Traefik reads its static configuration from ONE source, the first its loaders find: a
// configuration file, else the command flags, else the TRAEFIK_* variables (cmd/traefik/traefik.go
// loaders; github.com/traefik/paerser cli/commands.go run stops at the first that loads). The
// others are never decoded, and neither is dynamic configuration in variables (paerser
// env/filter.go FindPrefixedEnvVars reads static roots only): Traefik drops them without a word.
import type { IgnoredStatic } from '../traefik/static';
import type { Related } from '../types';
import type { Check } from './check';

export const check: Check<'ignored-static-config'> = {
  code: 'ignored-static-config',
  severity: 'warning',
  description:
    'Static configuration Traefik never reads: flags beside a configuration file, variables beside flags, dynamic configuration in TRAEFIK_* variables.',
  run(ctx) {
    for (const group of ctx.project.staticConfig.ignored ?? []) {
      if (group.kind === 'dynamic') {
        for (const item of group.items) {
          ctx.report({
            file: item.origin.file,
            range: item.origin.range,
            message: `Traefik never reads ${item.text}: use the label ${asLabel(item.text)}`,
            explanation: `Traefik reads only static configuration from TRAEFIK_* variables (paerser env/filter.go FindPrefixedEnvVars); routers, services and middlewares in variables are dropped without a word. As a container label the docker provider reads it.`,
            data: { kind: group.kind, label: asLabel(item.text) },
          });
        }
        continue;
      }
      const [first, ...others] = group.items;
      const related: Related[] = [];
      const winner = group.winner;
      if (winner?.origin)
        related.push({
          ...winner.origin,
          message: winner.source === 'file' ? `Traefik loads ${winner.name}` : 'the flags Traefik reads',
        });
      for (const item of others) related.push({ ...item.origin, message: `${item.text} is ignored too` });
      ctx.report({
        file: first.origin.file,
        range: first.origin.range,
        message: message(group),
        explanation: explanation(group),
        related,
        data: { kind: group.kind, count: group.items.length },
      });
    }
  },
};

function message(group: IgnoredStatic): string {
  const n = group.items.length;
  const one = n === 1;
  const what =
    group.kind === 'flags'
      ? one
        ? 'this command flag'
        : `these ${n} command flags`
      : one
        ? group.items[0].text
        : `these ${n} TRAEFIK_* variables`;
  if (group.winner?.source === 'file')
    return `Traefik ignores ${what}: move ${one ? 'it' : 'them'} into ${group.winner.name}`;
  return `Traefik ignores ${what}: write ${one ? 'it as a flag' : 'them as flags'}`;
}

function explanation(group: IgnoredStatic): string {
  const source =
    group.winner?.source === 'file'
      ? `it loads ${group.winner.name}, so it never decodes the ${group.kind === 'flags' ? 'command flags' : 'TRAEFIK_* variables'}`
      : 'the command has flags, so it never decodes the TRAEFIK_* variables';
  return `Traefik reads its static configuration from one source, the first it finds: a configuration file, else the command flags, else TRAEFIK_* variables (cmd/traefik/traefik.go; paerser cli/commands.go). Here ${source}, without a word.`;
}

/** `TRAEFIK_HTTP_ROUTERS_API_RULE` as the label Traefik would read: `traefik.http.routers.api.rule`. */
function asLabel(name: string): string {
  return name.toLowerCase().replace(/_/g, '.');
}
