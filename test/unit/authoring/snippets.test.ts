// The snippets in snippets/: each body, with its placeholders at their defaults and inserted
// where it belongs (a service under `services:`, label lines inside a labels list), parses and
// checks clean in a gateway like the seed's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { yaml } from '../../helpers';
import { findings, projectOf, summary } from './helpers';

const FILE = path.resolve(__dirname, '..', '..', '..', 'snippets', 'compose.json');
const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<
  string,
  { prefix: string[]; body: string[]; description: string }
>;

/** The text a snippet inserts when every placeholder keeps its default (a choice: its first value). */
export function expand(body: string): string {
  const defaults = new Map<string, string>();
  const placeholder = /\$\{(\d+)(?::((?:[^${}\\]|\\.|\$\{\d+\})*)|\|([^|]*)\|)?\}|\$(\d+)/g;
  for (const m of body.matchAll(placeholder)) {
    const n = m[1] ?? m[4];
    const value = m[2] ?? (m[3] !== undefined ? m[3].split(',')[0] : undefined);
    if (value !== undefined && !defaults.has(n)) defaults.set(n, value);
  }
  let out = body;
  for (let i = 0; i < 5 && placeholder.test(out); i++) {
    placeholder.lastIndex = 0;
    out = out.replace(placeholder, (_, a: string, _d, _c, b: string) => defaults.get(a ?? b) ?? '');
  }
  return out.replace(/\\([$}\\])/g, '$1');
}

const gateway = (service: string) =>
  yaml`
    services:
      traefik:
        image: traefik:v3.7
        command:
          - --providers.docker.exposedByDefault=false
          - --entrypoints.web.address=:80
          - --entrypoints.websecure.address=:443
        networks:
          - backend_net
  ` +
  service +
  yaml`

    networks:
      backend_net:
        name: backend_net
  `;

/** A routed service for label snippets to add to, named like the snippet's first placeholder. */
const routed = (name: string, extra: string) => `  ${name}:
    build: ./${name}
    networks:
      - backend_net
    labels:
      - "traefik.enable=true"
      - "traefik.http.routers.${name}.rule=PathPrefix(\`/api/${name}\`)"
      - "traefik.http.routers.${name}.entrypoints=websecure"
      - "traefik.http.routers.${name}.tls=true"
      - "traefik.http.services.${name}.loadbalancer.server.port=8080"
${extra}`;

test('the snippets: six, each with a prefix and a description', () => {
  assert.equal(Object.keys(snippets).length, 6);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix.length > 0 && s.description.length > 20, name);
    assert.ok(s.body.join('\n').includes('$0'), `${name} ends at $0`);
  }
});

test('expand: defaults, mirrors and choices', () => {
  assert.equal(expand('${1:a}.${1}-$1 ${2|x,y|} \\$HOME $0'), 'a.a-a x $HOME ');
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" parses and checks clean where it is inserted`, () => {
    const lines = expand(snippet.body.join('\n')).split('\n');
    const first = /\$\{1:([^}]*)\}/.exec(snippet.body[0])?.[1] ?? 'app';
    const labelLines = lines[0].startsWith('- ');
    // The editor repeats the cursor line's indentation on every inserted line.
    const indent = (n: number) => lines.map((l) => (l === '' ? l : ' '.repeat(n) + l)).join('\n');
    const text = gateway(labelLines ? routed(first, indent(6)) : indent(2));
    assert.deepEqual(projectOf(text).files[0].problems, []);
    const service = projectOf(text).files[0].services.find((s) => s.name === first);
    assert.ok(service && service.labels.length >= (labelLines ? 7 : 6), `labels of ${first} read`);
    assert.deepEqual(summary(text, findings(text)), []);
  });
}
