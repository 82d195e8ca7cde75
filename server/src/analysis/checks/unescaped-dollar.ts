// Compose interpolates label values before Traefik reads them: a `$` followed by a letter in an
// htpasswd hash is read as a variable and replaced (compose-go template/template.go; Traefik's
// basicauth docs: "when used in docker-compose.yml all dollar signs in the hash need to be doubled").
import { eatenDollars, escapeDollars } from '../compose/dollars';
import { writtenRange } from '../compose/interpolated';
import type { Check } from './check';
import { envDollars } from './envDollars';

export const check: Check<'unescaped-dollar'> = {
  code: 'unescaped-dollar',
  severity: 'warning',
  description:
    'A `$` in a label value (an htpasswd hash), or in the unquoted or double-quoted .env value a label uses, that compose reads as a variable and replaces; write `$$` for each `$` (in .env: single-quote the value).',
  run: envDollars,
  service(service, { report }) {
    for (const label of service.labels) {
      const eaten = eatenDollars(label);
      if (eaten.length === 0 || !label.interpolation) continue;
      const { written, result } = label.interpolation;
      const all = [...new Set(eaten.map((u) => `$${u.name}`))];
      const names = all.join(', ');
      const shown = all.length > 3 ? `${all.slice(0, 2).join(', ')} and ${all.length - 2} more` : names;
      report({
        file: label.file,
        range: writtenRange(label, eaten[0].range),
        message: `compose reads ${shown} as ${all.length > 1 ? 'variables' : 'a variable'}: write each $ as $$`,
        explanation:
          `docker compose replaces ${names} before Traefik sees the label, so Traefik reads "${result.value}" ` +
          `instead of the hash, and no password matches it. $$ is compose's escape for one $.`,
        data: { escaped: escapeDollars(written), written },
      });
    }
  },
};
