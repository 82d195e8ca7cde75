// The static-* fixture projects (test/fixtures/static-*): one per Traefik version case and per
// static configuration source, read from disk as the CLI and the editor read them (mounted files,
// .env). Each lists every finding it must produce, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeProject } from '../../server/src/analysis';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

const EXPECTED: Record<string, { version: string; findings: string[] }> = {
  'static-version-v2': { version: 'v2 image', findings: [] },
  'static-version-v3': {
    version: 'v3 image',
    findings: ['error unknown-static-key swarmMode', 'error rule-syntax Host(`a.example`, `b.example`)'],
  },
  'static-version-unknown': {
    version: 'v3 unknown',
    findings: ['warning rule-syntax Host(`a.example`, `b.example`)'],
  },
  'static-version-env': { version: 'v2 image', findings: [] },
  'static-source-file': {
    version: 'v3 image',
    findings: [
      'error undefined-entrypoint websecure',
      'error unknown-static-key swarmMode',
      'warning ignored-static-config --log.level=DEBUG',
    ],
  },
  'static-source-toml': {
    version: 'v3 image',
    findings: [
      'error undefined-entrypoint websecure',
      'error unknown-static-key endpont',
      'warning ignored-static-config --log.level=DEBUG',
      'warning not-enabled traefik.http.routers.other.rule',
    ],
  },
  'static-source-file-env': {
    version: 'v3 image',
    findings: ['warning ignored-static-config TRAEFIK_LOG_LEVEL', 'error undefined-entrypoint websecure'],
  },
  'static-source-flags': { version: 'v3 image', findings: ['warning ignored-static-config TRAEFIK_LOG_LEVEL'] },
  'static-source-env': {
    version: 'v3 image',
    findings: ['warning ignored-static-config TRAEFIK_HTTP_ROUTERS_API_RULE'],
  },
};

const readFile = (p: string): string | undefined =>
  existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`fixture ${name}`, () => {
    const file = path.join(FIXTURES, name, 'docker-compose.yml');
    // The fixture's .env, as the CLI and the editor read it for interpolation.
    const dotenv = path.join(FIXTURES, name, '.env');
    const environment = { files: existsSync(dotenv) ? [{ file: dotenv, text: readFile(dotenv)! }] : [] };
    const { project, findings } = analyzeProject({ files: [{ file, text: readFile(file)! }], readFile, environment });
    assert.equal(`${project.versionFact.assumed} ${project.versionFact.source}`, expected.version);
    const seen = findings.map((f) => `${f.severity} ${f.code} ${readFile(f.file)!.slice(f.range.start, f.range.end)}`);
    assert.deepEqual(seen.sort(), [...expected.findings].sort());
  });
}
