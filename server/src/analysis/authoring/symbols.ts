// The outline of a compose file: services, and under each the routers, services and middlewares
// its labels declare (by the name segment of their keys).
import type { ComposeService, Label } from '../compose/model';
import type { Project } from '../project';
import type { Range } from '../types';
import { composeFile } from './context';
import { NOUN } from './names';
import type { DocumentSymbol, SymbolKind } from './types';

const KINDS = new Set(['routers', 'services', 'middlewares']);
const PROTOCOLS = new Set(['http', 'tcp', 'udp']);

export function documentSymbols(project: Project, file: string): DocumentSymbol[] {
  const compose = composeFile(project, file);
  if (!compose) return [];
  return compose.services.map((service) => ({
    // An outline name may not be empty (VS Code rejects the whole answer): `"":` is shown as written.
    name: service.name === '' ? '""' : service.name,
    kind: 'compose-service' as const,
    detail: service.image?.value,
    range: service.range,
    selectionRange: service.nameRange,
    children: definitionsOf(service),
  }));
}

function definitionsOf(service: ComposeService): DocumentSymbol[] {
  const groups = new Map<string, { protocol: string; kind: string; labels: Label[] }>();
  for (const label of service.labels) {
    const segs = label.segments;
    // A half-typed `traefik.http.routers.` or `routers..rule` names nothing yet: no symbol for it.
    if (segs.length < 4 || segs[0].text.toLowerCase() !== 'traefik' || segs[3].text.trim() === '') continue;
    const protocol = segs[1].text.toLowerCase();
    const kind = segs[2].text.toLowerCase();
    if (!PROTOCOLS.has(protocol) || !KINDS.has(kind)) continue;
    const id = `${protocol}.${kind}.${segs[3].text}.${label.source}`;
    const group = groups.get(id) ?? { protocol, kind, labels: [] };
    group.labels.push(label);
    groups.set(id, group);
  }
  return [...groups.values()].map(({ protocol, kind, labels }) => {
    const noun = NOUN[kind as keyof typeof NOUN];
    const rule = labels.find((l) => l.segments.length === 5 && l.segments[4].text.toLowerCase() === 'rule');
    return {
      name: labels[0].segments[3].text,
      kind: noun as SymbolKind,
      detail: rule ? `${protocol} ${rule.value}` : protocol,
      range: span(labels),
      selectionRange: labels[0].segments[3].range,
      children: [],
    };
  });
}

/** From the first label to the last; labels of one name need not be adjacent. */
function span(labels: Label[]): Range {
  return {
    start: Math.min(...labels.map((l) => l.entryRange.start)),
    end: Math.max(...labels.map((l) => l.entryRange.end)),
  };
}
