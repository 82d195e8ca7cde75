// A label key written twice in one service's list-form labels: compose turns the list into a map
// and the later item replaces the earlier one silently (compose-go types.Labels / loader
// ListOrDict: each `key=value` item is set in order), so Traefik never sees the earlier value.
// In map form a repeated key is a YAML error compose refuses (yaml-syntax reports it on the key).
import type { Label } from '../compose/model';
import type { Check } from './check';

export const check: Check<'duplicate-label'> = {
  code: 'duplicate-label',
  severity: 'warning',
  description: 'A label key set twice in one service: compose keeps the later value and silently drops the earlier.',
  service(service, { report }) {
    const last = new Map<string, Label>();
    for (const label of service.labels) if (label.form === 'list') last.set(`${label.source}|${label.key}`, label);
    for (const label of service.labels) {
      const winner = last.get(`${label.source}|${label.key}`);
      if (label.form !== 'list' || !winner || winner === label) continue;
      report({
        file: label.file,
        range: label.keyRange,
        message: `"${label.key}" is set again below, which wins: remove this one`,
        explanation: `Compose turns a list of labels into a map, item by item, so the later "${label.key}" replaces this one without a word (compose-go types.Labels) and Traefik never sees "${label.value}".`,
        related: [{ file: winner.file, range: winner.entryRange, message: `the value that counts: ${winner.value}` }],
        data: { key: label.key, kept: winner.value },
      });
    }
  },
};
