// The status bar says what state the server is in, and what untrusted workspaces may set (the
// command table: commands.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statusView } from '../../../client/src/status';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('status bar: starting, crashed, analysing, clean, problems', () => {
  const idle = (errors: number, warnings: number, infos: number) => ({
    state: 'idle' as const,
    problems: { errors, warnings, infos },
    projects: 1,
  });
  assert.match(statusView('starting', undefined).text, /loading~spin/);
  const crashed = statusView('crashed', undefined);
  assert.equal(crashed.command, 'gatewayLens.restartServer');
  assert.equal(crashed.background, 'error');
  assert.equal(statusView('stopped', undefined).command, 'gatewayLens.restartServer');
  assert.match(statusView('running', { ...idle(0, 0, 0), state: 'analysing' }).text, /sync~spin/);
  assert.equal(statusView('running', idle(0, 0, 0)).text, '$(check) Gateway Lens');
  assert.equal(statusView('running', undefined).text, '$(check) Gateway Lens');
  const problems = statusView('running', idle(2, 1, 0));
  assert.equal(problems.text, '$(error) Gateway Lens: 3');
  assert.equal(problems.tooltip, 'Gateway Lens: 2 errors, 1 warning, 0 infos in 1 project');
  assert.equal(statusView('running', idle(0, 1, 0)).text, '$(warning) Gateway Lens: 1');
});

test('status bar: the tooltip says which Traefik version each project is judged for, and why', () => {
  const base = { state: 'idle' as const, problems: { errors: 0, warnings: 1, infos: 0 }, projects: 2 };
  const one = statusView('running', {
    ...base,
    traefikVersions: [{ folder: '/w/app', assumed: 'v3', source: 'unknown', why: 'no Traefik image in this project' }],
  });
  assert.equal(
    one.tooltip,
    'Gateway Lens: 0 errors, 1 warning, 0 infos in 2 projects\nTraefik version unknown (no Traefik image in this project): judged as v3, what only v3 rejects is a warning',
  );
  const two = statusView('running', {
    ...base,
    problems: { errors: 0, warnings: 0, infos: 0 },
    traefikVersions: [
      { folder: '/w/app', assumed: 'v3', source: 'unknown', why: 'no Traefik image in this project' },
      { folder: '/w/proxy', assumed: 'v2', source: 'image', why: 'image traefik:v2.11 (service traefik)' },
    ],
  });
  assert.match(two.tooltip, /\nproxy: Traefik v2 assumed: image traefik:v2\.11 \(service traefik\)$/);
  assert.match(two.tooltip, /\napp: Traefik version unknown/);
});

test('in an untrusted workspace its own settings cannot pick the files the server reads (gatewayLens.files)', () => {
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const key of ['gatewayLens.files', 'gatewayLens.traefik.apiUrl', 'gatewayLens.docker.host'])
    assert.ok(restricted.includes(key), key);
  for (const key of restricted) assert.ok(manifest.contributes.configuration.properties[key], key);
});
