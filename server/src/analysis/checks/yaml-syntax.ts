// Traefik never sees a compose file docker compose cannot parse; every other check runs on what did parse.
import type { Range } from '../types';
import type { Check } from './check';

export const check: Check<'yaml-syntax'> = {
  code: 'yaml-syntax',
  severity: 'error',
  description: 'The compose file is not valid YAML.',
  run(ctx) {
    for (const file of ctx.project.files) {
      for (const problem of file.problems) {
        if (problem.tooDeep) continue;
        // A repeated map key (a label written twice in map form): compose refuses the file.
        const key = problem.message === 'Map keys must be unique' ? keyAt(file.text, problem.range.start) : undefined;
        ctx.report({
          message: key
            ? `"${key.text}" is written twice in this map, which compose refuses; ${key.text === '<<' ? 'merge the aliases in one: <<: [*a, *b].' : 'remove one.'}`
            : problem.message,
          explanation: key
            ? `In YAML a map key appears once; docker compose (yaml.v3) refuses the file, so no container of the project starts and Traefik sees none of its labels.${key.text === '<<' ? ' docker-compose v1 merged every "<<" (the later one winning), and Gateway Lens judges the service that way; in a list, the first alias wins.' : ''}`
            : 'docker compose cannot parse the file and refuses it, so no container of the project starts and Traefik sees none of its labels. The other checks run on what did parse.',
          file: file.file,
          range: key?.range ?? problem.range,
          severity: problem.severity,
        });
      }
    }
  },
};

/** The mapping key starting at `start`: a quoted scalar, or plain text up to `: ` or the line's end. */
function keyAt(text: string, start: number): { text: string; range: Range } | undefined {
  const line = text.slice(start, text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|(.*?))\s*:(?:\s|$)/.exec(line);
  if (!m) return undefined;
  const raw = m[0].replace(/\s*:\s*$/, '').replace(/\s*:(?=\s)/, '');
  const value = m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3];
  return value ? { text: value, range: { start, end: start + raw.length } } : undefined;
}
