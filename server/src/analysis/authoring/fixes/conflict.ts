// route-conflict has no safe automatic fix: which router should serve, or which definition is
// right, is the user's choice. The action says so in its title and goes to the other definition.
import { definitionRange, definitions } from '../../traefik/lookup';
import type { Kind, Protocol } from '../../traefik/model';
import type { CodeAction } from '../types';
import { str, strings, type FixContext } from './common';

export function routeConflict(ctx: FixContext<'route-conflict'>): CodeAction[] {
  const { project, finding, container } = ctx;
  const data = finding.data;
  const rivals = strings(data, 'rivals');
  const sameRule = rivals.length > 0;
  const names = sameRule ? rivals : [str(data, 'name') ?? ''];
  const kind = (sameRule ? 'routers' : (str(data, 'kind') ?? 'routers')) as Kind;
  const protocol = (str(data, 'protocol') ?? 'http') as Protocol;
  const why = sameRule
    ? 'no automatic fix: you choose which serves, with a priority or a narrower rule'
    : 'no automatic fix: make both definitions the same, or rename one';
  return definitions(project, protocol, kind)
    .filter((d) => names.includes(d.name) && d.container !== container && d.labels[0])
    .map((d) => ({
      title: `Go to "${d.name}" on ${d.container.compose.name} (${why})`,
      kind: 'quickfix' as const,
      edits: {},
      reveal: { file: d.labels[0].file, range: definitionRange(d) },
    }));
}
