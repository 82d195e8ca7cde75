// route and a file router whose rule is a Go template action: Traefik renders the file before
// decoding it (pkg/provider/file/file.go), so what it matches is not known here; a request no
// other router matches is then not called a 404 (trial4 min-9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, routeRequest } from '../../../server/src/analysis';

const COMPOSE = [
  'services:',
  '  traefik:',
  '    image: traefik:v3.6',
  '    environment:',
  '      DOMAIN: example.com',
  '    command: [--providers.file.filename=/dyn.yaml, --entrypoints.websecure.address=:443]',
  '    volumes: [./dyn.yaml:/dyn.yaml:ro]',
  '',
].join('\n');

const dynamic = (rule: string): string =>
  `http:\n  routers:\n    pihole:\n      entryPoints: [websecure]\n      service: app\n      rule: ${rule}\n      tls: {}\n` +
  '  services:\n    app:\n      loadBalancer:\n        servers:\n          - url: http://192.168.11.2\n';

function route(rule: string, url: string) {
  const project = new Analyzer().project({
    files: [{ file: '/p/docker-compose.yml', text: COMPOSE }],
    readFile: (f) => (f === '/p/dyn.yaml' ? dynamic(rule) : undefined),
  });
  return routeRequest(project, { url });
}

const cases: { name: string; rule: string; url: string; winner: string | null; templated?: string[] }[] = [
  {
    name: 'a templated rule is left out, and said so',
    rule: 'Host(`pihole.{{ env "DOMAIN" }}`)',
    url: 'https://pihole.example.com/',
    winner: null,
    templated: ['pihole'],
  },
  {
    name: 'a plain rule matches',
    rule: 'Host(`pihole.example.com`)',
    url: 'https://pihole.example.com/',
    winner: 'pihole',
  },
  {
    name: 'a plain rule that does not match: a 404',
    rule: 'Host(`pihole.example.com`)',
    url: 'https://x.example.com/',
    winner: null,
  },
];

for (const c of cases) {
  test(`route, templated file router: ${c.name}`, () => {
    const result = route(c.rule, c.url);
    assert.equal(result.winner?.router.replace(/@file$/, '') ?? null, c.winner);
    assert.deepEqual(
      result.templated?.map((n) => n.replace(/@file$/, '')),
      c.templated,
    );
    if (c.templated) assert.match(result.notes.join('\n'), /is left out: its file is a Go template/);
    else if (!c.winner) assert.match(result.notes.join('\n'), /Traefik answers 404/);
  });
}
