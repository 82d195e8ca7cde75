// The authoring commands' table agrees with package.json, and each entry calls its context method.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUTHORING_COMMANDS, COMMANDS, registerAuthoringCommands } from '../../../client/src/commands';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('the authoring commands are contributed with their titles and category "Gateway Lens"', () => {
  const contributed: { command: string; title: string; category: string }[] = manifest.contributes.commands;
  const titles = Object.keys(AUTHORING_COMMANDS).map((id) => {
    const entry = contributed.find((c) => c.command === id);
    assert.ok(entry, `${id} is not in package.json`);
    assert.equal(entry.category, 'Gateway Lens');
    assert.ok(!(id in COMMANDS), `${id} is in both tables`);
    return [id, entry.title];
  });
  assert.deepEqual(titles, [
    ['gatewayLens.addService', 'Add Service to Gateway...'],
    ['gatewayLens.whichRouter', 'Which Router Serves This URL?'],
    ['gatewayLens.revealLocation', 'Go to the Other Definition'],
  ]);
});

test('registerAuthoringCommands binds each entry to the context', async () => {
  const calls: string[] = [];
  const ctx = {
    addService: async () => void calls.push('addService'),
    whichRouter: async () => void calls.push('whichRouter'),
    revealLocation: async (l: unknown) => void calls.push(`reveal ${JSON.stringify(l)}`),
  };
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const disposables = registerAuthoringCommands(ctx, (id, run) => {
    registered.set(id, run);
    return { dispose: () => undefined };
  });
  assert.equal(disposables.length, 3);
  await registered.get('gatewayLens.whichRouter')!();
  await registered.get('gatewayLens.addService')!();
  await registered.get('gatewayLens.revealLocation')!({ uri: 'u' });
  assert.deepEqual(calls, ['whichRouter', 'addService', 'reveal {"uri":"u"}']);
});
