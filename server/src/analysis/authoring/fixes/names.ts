// Fixes for names: undefined-middleware, undefined-service, undefined-entrypoint and
// unknown-static-key take the check's suggestion; a router that cannot pick among its
// container's services gets a `service` label.
import { replace } from '../edits';
import { insertLabels } from '../style';
import type { CodeAction } from '../types';
import { action, type FixContext, str, strings, textAt, traefikSource } from './common';

/** The codes whose findings may suggest the name meant. */
type Suggesting =
  | 'undefined-middleware'
  | 'undefined-service'
  | 'undefined-entrypoint'
  | 'undefined-certresolver'
  | 'unknown-static-key'
  | 'unknown-network'
  | 'unused-suppression';

/** The reference written at the finding is replaced by the check's suggestion. */
export function suggestedName(ctx: FixContext<Suggesting>): CodeAction[] {
  const { file, finding } = ctx;
  const suggestion = str(finding.data, 'suggestion');
  if (suggestion === undefined) return [];
  const written = textAt(file, finding.range);
  const name = str(finding.data, 'name') ?? str(finding.data, 'entryPoint');
  // Only a range holding exactly the name (not a whole quoted scalar) is replaced.
  if (name !== undefined ? written !== name : /[=,"'\s]/.test(written)) return [];
  return [action(`Change "${written}" to "${suggestion}"`, file.file, [replace(finding.range, suggestion)], true)];
}

/** undefined-service without a suggestion: the router lacks `service` and its container has several. */
export function chooseService(ctx: FixContext<'undefined-service'>): CodeAction[] {
  const { file, finding, service, container } = ctx;
  const router = str(finding.data, 'router');
  const services = Array.isArray(finding.data?.services) ? strings(finding.data, 'services') : undefined;
  const protocol = str(finding.data, 'protocol') ?? 'http';
  if (!router || !services || !service) return [];
  const source = traefikSource(container);
  const own = service.labels.filter(
    (l) => l.source === source && l.segments[3]?.text === router && l.segments[2]?.text.toLowerCase() === 'routers',
  );
  const after = own[own.length - 1];
  return services
    .filter((s): s is string => typeof s === 'string')
    .map((name) => {
      const key = `traefik.${protocol}.routers.${router}.service`;
      const edit = insertLabels(file, service, source, [{ key, value: name }], after ? { after } : { last: true });
      return action(`Send router "${router}" to service "${name}"`, file.file, [edit]);
    });
}
