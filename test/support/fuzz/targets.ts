// What the fuzzer edits: every real-world compose file of the corpus on its own, the corpus's
// override fragments beside the file they extend (docker-compose.yml + docker-compose.override.yml,
// merged by service name as docker compose does), and the examples with their mounted
// traefik.yml and Dockerfiles, alone and with an override file.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const EXAMPLES = path.join(ROOT, 'examples');

export const BASE = 'docker-compose.yml';
export const OVERRIDE = 'docker-compose.override.yml';

export interface Target {
  name: string;
  /** A folder copied first (the example's traefik.yml, Dockerfiles), if any. */
  copy?: string;
  /** The compose files, opened in the editor and edited: name -> original text. */
  files: Record<string, string>;
}

const corpus = (name: string): string => fs.readFileSync(path.join(CORPUS, name), 'utf8');

/** Override fragments of the corpus and the file each one extends (SOURCES.tsv's notes). */
const PAIRS: [string, string][] = [
  ['006-frappe-frappe_docker-traefik.yml', '007-frappe-frappe_docker-traefik-ssl-override.yml'],
  ['006-frappe-frappe_docker-traefik.yml', '008-frappe-frappe_docker-multi-bench.yml'],
  [
    '036-SourTyJohn-fastapi-traefik-deploy-example-traefik.yml',
    '037-SourTyJohn-fastapi-traefik-deploy-example-ssl-override.yml',
  ],
];

/** An override that re-labels the first routed service of `base` (a second router, a new priority). */
function overrideFor(base: string): string {
  const service = /^ {2}([\w.-]+):\n(?:(?! {2}\S).*\n)*? +labels:/m.exec(base)?.[1] ?? 'app';
  return `services:
  ${service}:
    labels:
      - "traefik.http.routers.${service}-override.rule=Host(\`override.example.com\`) && PathPrefix(\`/v2\`)"
      - "traefik.http.routers.${service}-override.priority=50"
      - "traefik.http.routers.${service}-override.middlewares=${service}-override-strip"
      - "traefik.http.middlewares.${service}-override-strip.stripprefix.prefixes=/v2"
`;
}

export function targets(): Target[] {
  const out: Target[] = [];
  for (const name of fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.yml'))
    .sort()) {
    out.push({ name: `corpus/${name}`, files: { [BASE]: corpus(name) } });
  }
  for (const [base, override] of PAIRS) {
    out.push({ name: `corpus/${base} + ${override}`, files: { [BASE]: corpus(base), [OVERRIDE]: corpus(override) } });
  }
  for (const example of ['musicshare', 'musicshare-broken']) {
    const copy = path.join(EXAMPLES, example);
    const base = fs.readFileSync(path.join(copy, BASE), 'utf8');
    out.push({ name: `examples/${example}`, copy, files: { [BASE]: base } });
    out.push({ name: `examples/${example} + override`, copy, files: { [BASE]: base, [OVERRIDE]: overrideFor(base) } });
  }
  return out;
}
