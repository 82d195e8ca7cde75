// A new service's name typed under `services:` offers the whole routed block Add Service writes,
// as a snippet: at every prefix of the name, nowhere else, and what it inserts checks clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { complete } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { cursor, FILE, projectOf } from './helpers';

const gateway = (typed: string) => yaml`
  services:
    traefik:
      image: traefik:v3.7
      command:
        - --providers.docker
        - --entrypoints.web.address=:80
      networks:
        - edge
    whoami:
      image: traefik/whoami
      networks:
        - edge
      labels:
        - 'traefik.enable=true'
        - 'traefik.http.routers.whoami.rule=PathPrefix(\`/whoami\`)'
${typed}
  networks:
    edge: {}
`;

const at = (src: string) => {
  const { text, offset } = cursor(src);
  return { text, offset, items: complete(projectOf(text), FILE, offset) };
};

/** The text once the snippet is inserted with its defaults (tab stops replaced by their text). */
function expand(text: string, item: { insertText: string; replace: { start: number; end: number } }): string {
  const defaults = new Map([...item.insertText.matchAll(/\$\{(\d+):([^}]*)\}/g)].map((m) => [m[1], m[2]]));
  const body = item.insertText
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$([1-9])/g, (_, n: string) => defaults.get(n)!)
    .replace(/\$0/g, '')
    .replace(/\\([$}\\])/g, '$1')
    // The editor indents every line after the first as the line the item starts on.
    .replace(/\n/g, '\n  ');
  return text.slice(0, item.replace.start) + body + text.slice(item.replace.end);
}

test('service snippet: the routed block in the file style, with tab stops for what the user chooses', () => {
  const { items } = at(gateway('    payments|'));
  assert.equal(items.length, 1);
  assert.equal(items[0].label, 'payments: routed by Traefik');
  assert.equal(items[0].kind, 'snippet');
  // Named after the word typed: the editor must ask again as it grows.
  assert.equal(items[0].incomplete, true);
  assert.equal(
    items[0].insertText,
    [
      'payments:',
      '  image: ${1:payments:latest}',
      '  networks:',
      '    - edge',
      '  labels:',
      "    - 'traefik.enable=true'",
      "    - 'traefik.http.routers.payments.rule=PathPrefix(`${2:/api/payments}`)'",
      "    - 'traefik.http.routers.payments.entrypoints=${3:web}'",
      "    - 'traefik.http.routers.payments.middlewares=payments-stripprefix'",
      "    - 'traefik.http.middlewares.payments-stripprefix.stripprefix.prefixes=$2'",
      "    - 'traefik.http.services.payments.loadbalancer.server.port=${4:8080}'$0",
    ].join('\n'),
  );
});

test('service snippet: offered at every prefix of the name, replacing the name typed so far', () => {
  const name = 'payments-api';
  for (let i = 1; i <= name.length; i++) {
    const { text, items } = at(gateway(`    ${name.slice(0, i)}|`));
    assert.deepEqual(
      items.map((x) => [x.label, text.slice(x.replace.start, x.replace.end), x.filterText]),
      [[`${name.slice(0, i)}: routed by Traefik`, name.slice(0, i), name.slice(0, i)]],
    );
  }
  // The cursor inside the name: the whole name is replaced.
  const { text, items } = at(gateway('    pay|ments'));
  assert.equal(text.slice(items[0].replace.start, items[0].replace.end), 'payments');
});

test('service snippet: the inserted block checks clean', () => {
  const { text, items } = at(gateway('    payments|'));
  const expanded = expand(text, items[0]);
  assert.match(expanded, /\n {2}payments:\n {4}image: payments:latest\n/);
  const findings = new Analyzer().analyze({ files: [{ file: FILE, text: expanded }] }).findings;
  assert.deepEqual(
    findings.map((f) => `${f.code}: ${f.message}`),
    [],
  );
});

test('service snippet: only where a new service name goes', () => {
  for (const src of [
    gateway('    payments:|'),
    gateway('    whoami2|').replace('whoami:\n', 'whoami2:\n'),
    gateway('        - traefik.|'),
    gateway('').replace('  edge: {}', '  edg|'),
    gateway('    |'),
    'servi|\n',
    gateway('    # a comment|'),
  ]) {
    const { items } = at(src);
    assert.deepEqual(
      items.filter((i) => i.label.endsWith('routed by Traefik')).map((i) => i.label),
      [],
      src,
    );
  }
});
