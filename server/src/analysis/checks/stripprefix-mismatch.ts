// stripprefix removes the first listed prefix the request path starts with, as a plain string
// prefix (pkg/middlewares/stripprefix): a prefix none of the router's paths starts
// with never strips anything, and one that ends inside a path segment leaves half a segment.
import type { Label } from '../compose/model';
import { footprintsIn, parseRuleIn } from '../rules';
import { definitionsNamed, qualify } from '../traefik/lookup';
import type { Definition } from '../traefik/model';
import { listItems } from '../traefik/values';
import type { Check, CheckContext } from './check';
import { related } from './references';
import { ruleSyntax } from './rule-syntax';

export const check: Check<'stripprefix-mismatch'> = {
  code: 'stripprefix-mismatch',
  severity: 'warning',
  description: 'A stripprefix middleware whose prefixes do not match the paths of the router using it.',
  container(container, ctx) {
    const { project } = ctx;
    if (!container.enabled) return;
    for (const router of container.definitions) {
      if (router.protocol !== 'http' || router.kind !== 'routers') continue;
      const rule = router.fields.get('rule');
      const uses = router.fields.get('middlewares');
      if (!rule || !uses || rule.interpolated || uses.interpolated) continue;
      const parsed = parseRuleIn(project, rule.value, ruleSyntax(project, router));
      if (!parsed.tree) continue;
      const terms = footprintsIn(project, parsed.tree, ruleSyntax(project, router));
      if (!terms || terms.length === 0 || terms.some((t) => !t.path)) continue;
      const paths = terms.map((t) => t.path!);
      for (const item of listItems(uses)) {
        const ref = qualify(item.value, container.provider);
        if (ref.provider !== container.provider) continue;
        for (const middleware of definitionsNamed(project, 'http', 'middlewares', ref.provider, ref.name)) {
          const prefixes = middleware.fields.get('stripprefix.prefixes');
          if (prefixes && !prefixes.interpolated) judge(ctx.report, router, rule, middleware, prefixes, paths);
        }
      }
    }
  },
};

function judge(
  report: CheckContext['report'],
  router: Definition,
  rule: Label,
  middleware: Definition,
  prefixes: Label,
  paths: { kind: 'eq' | 'prefix'; value: string }[],
): void {
  const items = listItems(prefixes).filter((i) => i.value !== '');
  const where = [
    related(router, `router "${router.name}" uses it`),
    { file: rule.file, range: rule.valueRange, message: 'its rule' },
  ];
  // The issue's rule (and the usual mistake): none of the router's own paths starts with a prefix.
  // A catch-all path (`/`) is left alone: stripping a sub-path there is a deliberate choice.
  if (paths.some((p) => p.value === '/')) return;
  if (!items.some((i) => paths.some((p) => p.value.startsWith(i.value)))) {
    const first = items[0];
    if (!first) return;
    // Longer request paths may still start with a prefix (`/api/socials/x` under `/api/social`).
    const some = items.filter((i) => paths.some((p) => p.kind === 'prefix' && i.value.startsWith(p.value)));
    const effect =
      some.length > 0
        ? `only requests under ${some.map((i) => `"${i.value}"`).join(', ')} are stripped; every other request reaches the service with its full path.`
        : 'nothing is stripped and the service receives the full path.';
    report({
      file: prefixes.file,
      range: first.range,
      message: `${items.map((i) => `"${i.value}"`).join(', ')} ${items.length === 1 ? 'is not a prefix' : 'are not prefixes'} of router "${router.name}"'s paths: strip "${paths[0].value}"`,
      explanation: `stripprefix removes a listed prefix only from a path that starts with it (pkg/middlewares/stripprefix). Middleware "${middleware.name}" strips ${items.map((i) => `"${i.value}"`).join(', ')}, but router "${router.name}" matches ${paths.map((p) => (p.kind === 'eq' ? `"${p.value}"` : `paths under "${p.value}"`)).join(', ')}: ${effect}`,
      related: where,
      data: { router: router.name, middleware: middleware.name, expected: paths[0].value, suggestion: paths[0].value },
    });
    return;
  }
  for (const item of items) {
    const cut = paths
      .map((p) => p.value)
      .find(
        (p) =>
          p.startsWith(item.value) &&
          p.length > item.value.length &&
          !item.value.endsWith('/') &&
          p[item.value.length] !== '/',
      );
    if (!cut) continue;
    report({
      file: prefixes.file,
      range: item.range,
      message: `"${item.value}" ends inside a segment of "${cut}": strip "${cut}"`,
      explanation: `stripprefix removes the prefix as plain text, not by path segment (pkg/middlewares/stripprefix): a request for "${cut}" reaches the service as "${cut.slice(item.value.length)}…", with half a segment left at the start of the path.`,
      related: where,
      data: { router: router.name, middleware: middleware.name, expected: cut, suggestion: cut },
    });
  }
}
