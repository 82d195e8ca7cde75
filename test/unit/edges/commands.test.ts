// The extension's one command table (client/src/commands.ts) and package.json's
// contributes.commands agree both ways, title and category included; registering it binds each
// id to its context method, hands tree rows through, and reports a failure with the title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, registerCommands, type CommandContext } from '../../../client/src/commands';
import type { Node } from '../../../live/tree';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const contributed: { command: string; title: string; category: string }[] = manifest.contributes.commands;

test('every command of the table is contributed with its title and category "Gateway Lens", and vice versa', () => {
  const table = Object.entries(COMMANDS).map(([id, c]) => [id, c.title, 'Gateway Lens']);
  const declared = contributed.map((c) => [c.command, c.title, c.category]);
  assert.deepEqual(table, declared);
});

test('every command package.json names in a menu or welcome link is in the table', () => {
  const ids = new Set<string>(Object.keys(COMMANDS));
  const menus: Record<string, { command: string }[]> = manifest.contributes.menus;
  for (const [menu, items] of Object.entries(menus)) {
    for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
  }
  const welcome: { contents: string }[] = manifest.contributes.viewsWelcome;
  for (const w of welcome) {
    for (const [, id] of w.contents.matchAll(/\(command:([\w.]+)/g)) {
      assert.ok(ids.has(id) || id.startsWith('workbench.'), id);
    }
  }
});

function recording() {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) =>
      void calls.push([name, ...args]);
  const ctx: CommandContext = {
    restartServer: record('restart'),
    showOutput: () => void calls.push(['output']),
    addService: record('addService'),
    whichRouter: record('whichRouter'),
    showTraefikConfiguration: record('showTraefikConfiguration'),
    showComposeProject: record('showComposeProject'),
    revealLocation: record('revealLocation'),
    live: {
      refresh: record('refresh'),
      setApiUrl: record('setApiUrl'),
      setApiPassword: record('setApiPassword'),
      reveal: record('reveal'),
      scale: record('scale'),
      step: record('step'),
      scaleAllBackends: record('all'),
      showMetrics: () => void calls.push(['metrics']),
      testLoadBalancing: record('loadtest'),
    },
  };
  const failures: string[] = [];
  const registered = new Map<string, (arg?: unknown) => Promise<void>>();
  const disposables = registerCommands(
    ctx,
    (id, run) => {
      registered.set(id, run);
      return { dispose: () => undefined };
    },
    (title, err) => void failures.push(`${title}: ${err instanceof Error ? err.message : String(err)}`),
  );
  return { calls, ctx, failures, registered, disposables };
}

test('registerCommands binds each id to its context method; tree commands get the row, or nothing', async () => {
  const { calls, registered, disposables } = recording();
  assert.equal(disposables.length, Object.keys(COMMANDS).length);
  const row: Node = { id: 'compose:shop/users', label: 'users', contextValue: 'composeService', children: [] };
  const run = (id: string, arg?: unknown) => registered.get(id)!(arg);
  await run('gatewayLens.restartServer');
  await run('gatewayLens.showOutput');
  await run('gatewayLens.addService');
  await run('gatewayLens.whichRouter');
  await run('gatewayLens.showTraefikConfiguration');
  await run('gatewayLens.showComposeProject');
  await run('gatewayLens.revealLocation', { uri: 'u' });
  await run('gatewayLens.live.refresh');
  await run('gatewayLens.scale.increment', row);
  await run('gatewayLens.scale.decrement', row);
  await run('gatewayLens.scale.service', 'not a row');
  await run('gatewayLens.live.revealInCompose', row);
  await run('gatewayLens.live.testLoadBalancing', row);
  await run('gatewayLens.live.showMetrics');
  assert.deepEqual(calls, [
    ['restart'],
    ['output'],
    ['addService'],
    ['whichRouter'],
    ['showTraefikConfiguration'],
    ['showComposeProject'],
    ['revealLocation', { uri: 'u' }],
    ['refresh'],
    ['step', row, 1],
    ['step', row, -1],
    ['scale', undefined],
    ['reveal', row],
    ['loadtest', row],
    ['metrics'],
  ]);
});

test('a failing command is reported with its title, not thrown', async () => {
  const { ctx, failures, registered } = recording();
  ctx.live.scaleAllBackends = async () => {
    throw new Error('docker compose is not installed');
  };
  await registered.get('gatewayLens.scale.allBackends')!();
  assert.deepEqual(failures, ['Scale All Backend Services...: docker compose is not installed']);
});
