// Source actions offered at the cursor rather than on a finding: a stripprefix middleware for a
// router whose rule has a PathPrefix and whose middlewares strip nothing (stripprefix removes the
// prefix before the service sees the path; pkg/middlewares/stripprefix).
import type { Label } from '../compose/model';
import type { Project } from '../project';
import { definitions, qualify } from '../traefik/lookup';
import { listItems } from '../traefik/values';
import type { Range } from '../types';
import { composeFile, containerOf } from './context';
import { insert } from './edits';
import { pathPrefixes } from './fixes/rules';
import { insertLabels, type NewLabel } from './style';
import type { CodeAction, TextEdit } from './types';

export function sourceActions(project: Project, file: string, range: Range): CodeAction[] {
  const compose = composeFile(project, file);
  const service = compose?.services.find((s) => s.range.start <= range.start && range.end <= s.range.end);
  const rule = service?.labels.find(
    (l) =>
      l.entryRange.start <= range.start &&
      range.end <= l.entryRange.end &&
      /^traefik\.http\.routers\.[^.]+\.rule$/i.test(l.key),
  );
  if (!compose || !service || !rule) return [];
  const prefixes = pathPrefixes(rule.value).filter((p) => p !== '/' && p !== '');
  if (prefixes.length === 0) return [];
  const router = rule.segments[3].text;
  const container = containerOf(project, service);
  const provider = container?.provider ?? 'docker';
  const mine = service.labels.filter(
    (l) =>
      l.source === rule.source && l.segments[2]?.text.toLowerCase() === 'routers' && l.segments[3]?.text === router,
  );
  const middlewares = mine.find(
    (l) =>
      l.segments.length === 5 &&
      l.segments[4].text.toLowerCase() === 'middlewares' &&
      l.segments[2].text.toLowerCase() === 'routers',
  );
  const used = middlewares ? listItems(middlewares).map((i) => qualify(i.value, provider)) : [];
  const all = definitions(project, 'http', 'middlewares');
  const strips = used.some((u) =>
    all.some(
      (d) =>
        d.name === u.name &&
        d.container.provider === u.provider &&
        [...d.fields.keys()].some((k) => k.startsWith('stripprefix')),
    ),
  );
  if (strips) return [];
  const name = freeName(`${router}-stripprefix`, new Set(all.map((d) => d.name)));
  const added: NewLabel[] = [
    { key: `traefik.http.middlewares.${name}.stripprefix.prefixes`, value: prefixes.join(',') },
  ];
  const edits: TextEdit[] = [];
  if (middlewares && !middlewares.exact) return [];
  if (middlewares) edits.push(appendItem(middlewares, name));
  else added.unshift({ key: `traefik.http.routers.${router}.middlewares`, value: name });
  edits.push(insertLabels(compose, service, rule.source, added, { after: lastOf(mine, rule) }));
  return [
    {
      title: `Add a stripprefix middleware removing ${prefixes.join(', ')} for router "${router}"`,
      kind: 'source',
      edits: { [file]: edits },
    },
  ];
}

function lastOf(labels: Label[], fallback: Label): Label {
  return labels.reduce((a, b) => (b.entryRange.end > a.entryRange.end ? b : a), fallback);
}

function appendItem(label: Label, name: string): TextEdit {
  return insert(label.valueRange.end, label.value.trim() === '' ? name : `,${name}`);
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
