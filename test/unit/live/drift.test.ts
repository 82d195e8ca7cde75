// Drift between the files and the running Traefik: what the files define (the server's
// definedIn over examples/musicshare) against a live model built from API answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/analysis';
import { definedIn } from '../../../server/src/definitions';
import type { FileDefinition } from '../../../server/src/protocol';
import { drift, driftNodes } from '../../../live/drift';
import { buildLiveModel } from '../../../live/model';
import type { ApiRouter, ApiService } from '../../../live/traefik/types';

const FILE = path.resolve(__dirname, '..', '..', '..', 'examples', 'musicshare', 'docker-compose.yml');

function defined(): FileDefinition[] {
  const project = new Analyzer().project({
    files: [{ file: FILE, text: fs.readFileSync(FILE, 'utf8') }],
    readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined),
  });
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return definedIn(project).map((d) => ({ ...d, project: project.name, location: { uri: d.file, range } }));
}

const router = (name: string, provider = 'docker'): ApiRouter => ({
  name,
  provider,
  status: 'enabled',
  rule: 'PathPrefix(`/`)',
});
const service = (name: string, provider = 'docker'): ApiService => ({ name, provider, status: 'enabled' });

test('the files define what Traefik would be given: enabled containers only', () => {
  const names = defined().map((d) => `${d.kind} ${d.name}`);
  assert.ok(names.includes('router music-service@docker'), names.join('\n'));
  assert.ok(names.includes('service userservice@docker'));
  // metadataservice has traefik.enable=false.
  assert.equal(
    names.some((n) => n.includes('metadataservice')),
    false,
  );
});

test('drift: files against the running Traefik, by name and protocol', () => {
  const files = defined();
  const live = files.filter((d) => d.name !== 'upload@docker').map((d) => d);
  const model = buildLiveModel(
    {
      state: { kind: 'connected', url: 'http://127.0.0.1:8080', version: '3.7.9' },
      at: 0,
      entryPoints: [],
      http: {
        routers: [
          ...live.filter((d) => d.kind === 'router').map((d) => router(d.name.toUpperCase())),
          router('music@docker'),
          router('dashboard@internal', 'internal'),
        ],
        services: [
          ...live.filter((d) => d.kind === 'service').map((d) => service(d.name)),
          service('api@internal', 'internal'),
        ],
        middlewares: [],
      },
      // Same name, other protocol: not the file's HTTP router.
      tcp: { routers: [router('frontend@docker')], services: [], middlewares: [] },
      udp: { routers: [], services: [] },
    },
    [],
  );
  const d = drift(model, files);
  assert.deepEqual(d.notRunning.map((f) => `${f.protocol} ${f.kind} ${f.name}`).sort(), [
    'http router upload@docker',
    'http service upload@docker',
  ]);
  assert.deepEqual(
    d.notInFiles.map((r) => `${r.protocol} ${r.kind} ${r.name}`),
    ['http router music@docker', 'tcp router frontend@docker'],
  );
  const [inFiles, inTraefik] = driftNodes(d);
  assert.deepEqual(
    [inFiles.label, inFiles.description, inTraefik.label, inTraefik.description],
    ['In the files, not in Traefik', '2', 'In Traefik, in no file', '2'],
  );
  assert.deepEqual(inFiles.children[0].ref, { kind: 'router', name: 'upload@docker', protocol: undefined });
  assert.equal(inTraefik.children[1].description, 'TCP router · enabled');
});
