// TCP and UDP in the Gateway view against a Traefik API stand-in on 127.0.0.1: the routers and
// services Traefik reports for each protocol are rows of their group, and "Reveal in Compose File"
// on such a row opens the compose file with the name selected in that protocol's label (the
// fixture's HTTP router has the TCP router's name, so a lookup that ignored the protocol would
// land on the wrong label). Every wait polls the DOM; none sleeps.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ApiEntryPoint, ApiRouter, ApiServer, ApiService } from '../../live/traefik/types';
import { defaultState, startFakeTraefik, type FakeTraefik } from '../support/fakeTraefik';
import { openFile, screenshot, startEditor, type Editor } from './codeServer';
import {
  gatewayRows,
  positionOf,
  readProblems,
  showProblems,
  maximizePanel,
  waitUntil,
  workspaceOf,
  SHOWN_WITHIN,
} from './workbench';

const FIXTURE = path.join(__dirname, 'fixtures', 'layer4');
const FILE = 'layer4/docker-compose.yml';

/** What a running Traefik reports for the fixture's labels (pkg/api shapes, as in test/fixtures/traefik-api). */
function layer4State(): ReturnType<typeof defaultState> {
  const docker = { provider: 'docker', status: 'enabled' } as const;
  const entryPoints: ApiEntryPoint[] = [
    { name: 'dns', address: ':53/udp' },
    { name: 'postgres', address: ':5432' },
    { name: 'web', address: ':80' },
  ];
  // The HTTP router has the TCP router's name, and an error Traefik reports on it.
  const httpRouters: ApiRouter[] = [
    {
      name: 'db@docker',
      ...docker,
      status: 'warning',
      rule: 'Host(`db.example.com`)',
      service: 'db@docker',
      entryPoints: ['web'],
      using: ['web'],
      error: ['middleware "auth@docker" does not exist'],
    },
  ];
  const tcpRouters: ApiRouter[] = [
    {
      name: 'db@docker',
      ...docker,
      rule: 'HostSNI(`*`)',
      service: 'db@docker',
      entryPoints: ['postgres'],
      using: ['postgres'],
    },
  ];
  const udpRouters: ApiRouter[] = [
    { name: 'dns@docker', ...docker, service: 'dns@docker', entryPoints: ['dns'], using: ['dns'] },
  ];
  const service = (name: string, server: ApiServer): ApiService[] => [
    { name, ...docker, loadBalancer: { servers: [server] } },
  ];
  return {
    ...defaultState(),
    lists: {
      '/api/entrypoints': entryPoints,
      '/api/http/routers': httpRouters,
      '/api/http/services': service('db@docker', { url: 'http://172.18.0.4:8080' }),
      '/api/http/middlewares': [],
      '/api/tcp/routers': tcpRouters,
      '/api/tcp/services': service('db@docker', { address: '172.18.0.2:5432' }),
      '/api/tcp/middlewares': [],
      '/api/udp/routers': udpRouters,
      '/api/udp/services': service('dns@docker', { address: '172.18.0.3:53' }),
    },
  };
}

let traefik: FakeTraefik;
let editor: Editor;
let text: string;

before(async () => {
  text = fs.readFileSync(path.join(FIXTURE, 'docker-compose.yml'), 'utf8');
  traefik = await startFakeTraefik(layer4State());
  editor = await startEditor({
    folder: workspaceOf(path.relative(path.join(__dirname, '..', '..'), FIXTURE)),
    settings: { 'gatewayLens.traefik.apiUrl': traefik.url },
  });
  // The Gateway view's views are contributed once the extension runs; it activates on a compose file.
  await openFile(editor.page, FILE, editor.folder);
  await editor.page.locator('.activitybar [aria-label^="Gateway"]').first().click();
  await editor.page.locator('.part.sidebar .pane-header', { hasText: 'Routers' }).waitFor({ timeout: SHOWN_WITHIN });
});

after(async () => {
  await editor?.stop();
  await traefik?.close();
});

/**
 * The index (among the sidebar's rows) of the row named `name` inside the group row whose label
 * starts with `group`: the first deeper row after the group's, before the next row of its level.
 */
async function rowIn(page: Page, group: string, name: string): Promise<number> {
  const rows = await page
    .locator('.part.sidebar .pane-body .monaco-list-row')
    .evaluateAll((els) =>
      els.map((e) => ({ label: e.getAttribute('aria-label') ?? '', level: Number(e.getAttribute('aria-level')) })),
    );
  const start = rows.findIndex((r) => r.label.startsWith(group));
  if (start < 0) return -1;
  for (let i = start + 1; i < rows.length && rows[i].level > rows[start].level; i++)
    if (rows[i].label === name || rows[i].label.startsWith(`${name}, `)) return i;
  return -1;
}

/** The editor's cursor as the status bar shows it: `Ln 12, Col 27 (2 selected)`. */
async function cursorStatus(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ });
  return (await item.count()) > 0 ? (await item.first().innerText()).trim() : '';
}

/** `Ln L, Col C (N selected)` for `name` selected where `label` writes it (the cursor at its end). */
function selectedStatus(label: string, name: string): string {
  const end = positionOf(text, label, label.indexOf(`.${name}.`) + 1 + name.length);
  return `Ln ${end.line}, Col ${end.column} (${name.length} selected)`;
}

/**
 * Collapses every Gateway view pane but `title` (Routers or Services): the trees render only the
 * rows in sight, and a small pane leaves the UDP rows below it out of the DOM.
 */
async function onlyPane(page: Page, title: string): Promise<void> {
  const headers = page.locator('.part.sidebar .pane-header');
  await waitUntil(
    page,
    `only the ${title} pane open`,
    async () => {
      // The header's title as written (innerText would be the upper-cased rendering).
      const open = await headers.evaluateAll((els) =>
        els.map((e) => ({
          title: (e.querySelector('.title')?.textContent ?? '').trim().toLowerCase(),
          expanded: e.getAttribute('aria-expanded'),
        })),
      );
      const mine = title.toLowerCase();
      const i = open.findIndex((h) => (h.title === mine ? h.expanded !== 'true' : h.expanded === 'true'));
      if (i >= 0) await headers.nth(i).click();
      return i;
    },
    (i) => i < 0,
  );
}

/**
 * Clicks the inline "Reveal in Compose File" action of the row `row` (its accessible label's
 * start) inside `group`, as a user does on hover, until the status bar shows `want`. The row is
 * found by its label when clicked: the view re-renders on each refresh of the live state, so an
 * index found earlier may be another row by then, and a click that lands while the row is
 * re-rendered is lost (seen under load); it is clicked again, at most three times.
 */
async function reveal(page: Page, c: Case, want: string): Promise<void> {
  await onlyPane(page, c.group.endsWith('routers') ? 'Routers' : 'Services');
  await waitUntil(
    page,
    `the row ${c.name} under ${c.group}`,
    async () => {
      await gatewayRows(page);
      return rowIn(page, c.group, c.name);
    },
    (i) => i >= 0,
  );
  const target = page.locator(`.part.sidebar .pane-body .monaco-list-row[aria-label^=${JSON.stringify(c.row)}]`);
  for (let attempt = 1; ; attempt++) {
    await target.first().hover();
    await target.first().locator('.action-label[aria-label^="Reveal in Compose File"]').click();
    try {
      await waitUntil(
        page,
        `the cursor on ${c.part} of ${c.label}`,
        () => cursorStatus(page),
        (s) => s === want,
        attempt < 3 ? SHOWN_WITHIN / 3 : SHOWN_WITHIN,
      );
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

interface Case {
  group: string;
  name: string;
  row: string;
  label: string;
  part: string;
}

const cases: Case[] = [
  {
    group: 'TCP routers',
    name: 'db@docker',
    row: 'db@docker, HostSNI(`*`)',
    label: 'traefik.tcp.routers.db.rule',
    part: 'db',
  },
  {
    group: 'TCP services',
    name: 'db@docker',
    row: 'db@docker, 1 server',
    label: 'traefik.tcp.services.db.loadbalancer',
    part: 'db',
  },
  {
    group: 'UDP routers',
    name: 'dns@docker',
    row: 'dns@docker, entry points: dns',
    label: 'traefik.udp.routers.dns.entrypoints',
    part: 'dns',
  },
  {
    group: 'UDP services',
    name: 'dns@docker',
    row: 'dns@docker, 1 server',
    label: 'traefik.udp.services.dns.loadbalancer',
    part: 'dns',
  },
];

for (const c of cases) {
  test(
    `Reveal in Compose File on the ${c.group} row ${c.name} selects it in ${c.label}`,
    { timeout: 120_000 },
    async () => {
      const { page } = editor;
      const want = selectedStatus(c.label, c.part);
      try {
        await reveal(page, c, want);
      } catch (err) {
        // What the user would see instead: the picture goes to test-results/.
        await screenshot(page, `layer4-reveal-${c.group.replace(/ /g, '-')}`);
        throw err;
      }
    },
  );
}

test('the TCP and UDP rows show what Traefik reports for them', { timeout: 120_000 }, async () => {
  const { page } = editor;
  const seen = async (title: string): Promise<string[]> => {
    await onlyPane(page, title);
    return gatewayRows(page);
  };
  const routers = await waitUntil(
    page,
    'the TCP and UDP router groups with their rows',
    () => seen('Routers'),
    (r) =>
      r.includes('TCP routers, 1') &&
      r.includes('UDP routers, 1') &&
      r.some((x) => x.startsWith('db@docker, HostSNI(`*`) · entry points: postgres · → db@docker')) &&
      r.some((x) => x.startsWith('dns@docker, entry points: dns · → dns@docker')),
  );
  assert.ok(
    routers.some((r) => r.startsWith('db@docker, Host(`db.example.com`)')),
    'the HTTP router is apart',
  );
  const services = await waitUntil(
    page,
    'the TCP and UDP service groups with their servers',
    () => seen('Services'),
    (r) =>
      r.includes('TCP services, 1') &&
      r.includes('UDP services, 1') &&
      ['172.18.0.2:5432', '172.18.0.3:53'].every((a) => r.some((x) => x === a || x.startsWith(`${a}, `))),
  );
  assert.equal(services.filter((r) => r === 'db@docker, 1 server' || r === 'dns@docker, 1 server').length, 2);
});

test("a live error's code in Problems links to its docs/codes.md section", { timeout: 120_000 }, async () => {
  const { page } = editor;
  await showProblems(page);
  const problems = await waitUntil(
    page,
    "Traefik's live error on the HTTP router db",
    () => readProblems(page),
    (p) => p.some((x) => x.source === 'traefik' && x.code === 'live-router-error'),
  );
  const live = problems.find((x) => x.code === 'live-router-error')!;
  assert.match(live.text, /Traefik \(live\): router "db@docker": middleware "auth@docker" does not exist/);
  // A code with a codeDescription renders as a link (VS Code's Link widget) in the marker row.
  const link = page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'live-router-error' });
  await link.first().waitFor({ timeout: SHOWN_WITHIN });
  // file:///…/docs/codes.md#L<n>, shown by code-server as vscode-remote://<host>/…: the page
  // shipped in the installed extension, whose line <n> is the code's heading.
  const href = (await link.first().getAttribute('href')) ?? '';
  const m = /^[a-z-]+:\/\/[^/]*(\/.*\/docs\/codes\.md)#L(\d+)$/.exec(href);
  assert.ok(m, href);
  const shipped = fs.readFileSync(decodeURIComponent(m[1]), 'utf8').split('\n');
  assert.equal(shipped[Number(m[2]) - 1], '## live-router-error', href);
  await maximizePanel(page, false);
});
