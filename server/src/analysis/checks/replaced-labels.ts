// A `labels:` beside `<<: *anchor` replaces the anchor's labels instead of adding to them (YAML's
// merge key yields to a key the mapping writes itself, yaml.org/type/merge.html; compose reads
// YAML so, compose spec 10-fragments.md), so Traefik never sees the Traefik labels it drops.
import { isTraefikKey } from '../traefik/containers';
import type { Check } from './check';

const SHOWN = 3;

export const check: Check<'replaced-labels'> = {
  code: 'replaced-labels',
  severity: 'warning',
  description:
    'labels: written next to a <<: merge key replaces the merged labels instead of adding to them: the Traefik labels it does not repeat are lost.',
  service(service, { report }) {
    for (const r of service.replacedLabels) {
      const lost = r.lost.filter(isTraefikKey);
      if (lost.length === 0) continue;
      const names = lost.slice(0, SHOWN).join(', ') + (lost.length > SHOWN ? ` and ${lost.length - SHOWN} more` : '');
      const shown = lost.length === 1 ? lost[0] : `${lost[0]} and ${lost.length - 1} more`;
      report({
        message: `these ${r.source} replace those of <<: ${r.mergeText}: repeat ${shown} here`,
        explanation: `YAML merge keys copy whole keys: a key the mapping writes itself wins over the merged one, and maps are not combined. Compose reads service "${service.name}" with only these labels, so Traefik never sees ${names} of the merged map.`,
        file: service.file,
        range: r.range,
        related: [
          { file: service.file, range: r.merge, message: 'the merge key' },
          { file: service.file, range: r.merged, message: 'the labels that are not read' },
        ],
        data: { lost },
      });
    }
  },
};
