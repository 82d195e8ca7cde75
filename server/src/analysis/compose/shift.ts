// Moves every range of a cached service to where its slice now starts in the file.
import type { Range } from '../types';
import type { ComposeService, Label, PortMapping, Scalar } from './model';

export function shiftService(s: ComposeService, by: number): ComposeService {
  if (by === 0) return s;
  const r = (x: Range): Range => ({ start: x.start + by, end: x.end + by });
  const sc = (x: Scalar | undefined): Scalar | undefined => (x ? { value: x.value, range: r(x.range) } : undefined);
  const scs = (xs: Scalar[]): Scalar[] => xs.map((x) => ({ value: x.value, range: r(x.range) }));
  const port = (p: PortMapping): PortMapping => ({ ...p, range: r(p.range) });
  const label = (l: Label): Label => ({
    ...l,
    keyRange: r(l.keyRange),
    valueRange: r(l.valueRange),
    entryRange: r(l.entryRange),
    segments: l.segments.map((g) => ({ text: g.text, range: r(g.range) })),
  });
  return {
    ...s,
    nameRange: r(s.nameRange),
    range: r(s.range),
    image: sc(s.image),
    containerName: sc(s.containerName),
    command: s.command && scs(s.command),
    entrypoint: s.entrypoint && scs(s.entrypoint),
    ports: s.ports.map(port),
    expose: s.expose.map(port),
    networks: scs(s.networks),
    networkMode: sc(s.networkMode),
    replicas: sc(s.replicas),
    profiles: scs(s.profiles),
    volumes: scs(s.volumes),
    labels: s.labels.map(label),
    labelBlocks: s.labelBlocks.map((b) => ({ ...b, range: r(b.range) })),
  };
}
