// stripprefix removes the first listed prefix the request path starts with, as a plain string
// prefix (pkg/middlewares/stripprefix; SEMANTICS E): a prefix none of the router's paths starts
// with never strips anything, and one that ends inside a path segment leaves half a segment.
import type { Label } from '../compose/model';
import { parseRuleCached, type RuleNode } from '../rules';
import { index, qualify } from '../traefik/lookup';
import type { Definition } from '../traefik/model';
import { listItems } from '../traefik/values';
import type { Check, CheckContext } from './check';
import { related } from './references';
import { ruleSyntax } from './rule-syntax';

export const check: Check = {
  code: 'stripprefix-mismatch',
  severity: 'warning',
  description: 'A stripprefix middleware whose prefixes do not match the paths of the router using it.',
  run(ctx) {
    const { project } = ctx;
    const middlewares = index(project, 'http', 'middlewares');
    for (const router of index(project, 'http', 'routers').all) {
      if (!router.container.enabled) continue;
      const rule = router.fields.get('rule');
      const uses = router.fields.get('middlewares');
      if (!rule || !uses || rule.interpolated || uses.interpolated) continue;
      const parsed = parseRuleCached(rule.value, ruleSyntax(project, router));
      if (!parsed.tree) continue;
      const paths = positivePaths(parsed.tree);
      if (paths.length === 0) continue;
      for (const item of listItems(uses)) {
        const ref = qualify(item.value, router.container.provider);
        if (ref.provider !== router.container.provider) continue;
        for (const middleware of middlewares.live.get(ref.provider)?.get(ref.name) ?? []) {
          const prefixes = middleware.fields.get('stripprefix.prefixes');
          if (prefixes && !prefixes.interpolated) judge(ctx.report, router, rule, middleware, prefixes, paths);
        }
      }
    }
  },
};

/** Path and PathPrefix values the rule requires (not under a negation). */
function positivePaths(node: RuleNode): string[] {
  switch (node.type) {
    case 'matcher':
      return node.name === 'Path' || node.name === 'PathPrefix' ? node.args.map((a) => a.value) : [];
    case 'not':
      return [];
    default:
      return [...positivePaths(node.left), ...positivePaths(node.right)];
  }
}

function judge(
  report: CheckContext['report'],
  router: Definition,
  rule: Label,
  middleware: Definition,
  prefixes: Label,
  paths: string[],
): void {
  const items = listItems(prefixes).filter((i) => i.value !== '');
  const where = [
    related(router, `router "${router.name}" uses it`),
    { file: rule.file, range: rule.valueRange, message: 'its rule' },
  ];
  if (!items.some((i) => paths.some((p) => p.startsWith(i.value)))) {
    const first = items[0];
    if (!first) return;
    report({
      file: prefixes.file,
      range: first.range,
      message: `Middleware "${middleware.name}" strips ${items.map((i) => `"${i.value}"`).join(', ')}, but router "${router.name}" only matches paths under ${paths.map((p) => `"${p}"`).join(', ')}: nothing is stripped and the service receives the full path.`,
      related: where,
      data: { router: router.name, middleware: middleware.name, expected: paths[0], suggestion: paths[0] },
    });
    return;
  }
  for (const item of items) {
    const cut = paths.find(
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
      message: `"${item.value}" ends inside a path segment of "${cut}": stripping it leaves "${cut.slice(item.value.length)}…" at the start of the forwarded path.`,
      related: where,
      data: { router: router.name, middleware: middleware.name, expected: cut, suggestion: cut },
    });
  }
}
