// The real `gateway-lens` command (dist/cli.js) on files in temp folders: the three output
// formats, exit statuses 0/1/2, bad usage, unreadable files, and projects split by folder.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHECKS } from '../../server/src/analysis';
import { built } from '../support/build';

const CLI = built('cli.js');

const app = (middleware: string): string => `services:
  app:
    image: traefik/whoami
    labels:
      - "traefik.enable=true"
      - "traefik.http.routers.app.rule=Host(\`app.example.com\`)"
      - "traefik.http.routers.app.middlewares=${middleware}"
      - "traefik.http.services.app.loadbalancer.server.port=80"
`;
const AUTH = `services:
  auth:
    image: traefik/whoami
    labels:
      - "traefik.enable=true"
      - "traefik.http.middlewares.auth.basicauth.users=a:b"
      - "traefik.http.routers.auth.rule=Host(\`auth.example.com\`)"
      - "traefik.http.services.auth.loadbalancer.server.port=80"
`;
/** `autth` next to a defined `auth`: an error ("did you mean"); with no `auth` anywhere, a warning. */
const TYPO = AUTH + app('autth').replace('services:\n', '');
const DUPLICATE_KEY = `services:
  web:
    image: a
    image: b
`;

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-cli-'));
  const files: Record<string, string> = {
    'typo/docker-compose.yml': TYPO,
    'clean/docker-compose.yml': AUTH,
    'broken/docker-compose.yml': DUPLICATE_KEY,
    'crlf/docker-compose.yml': TYPO.replace(/\n/g, '\r\n'),
    // Same folder: one project, the override finds `auth` in the base file.
    'merged/docker-compose.yml': AUTH,
    'merged/docker-compose.override.yml': app('auth'),
    // Other folder: its own project, where nobody defines `auth`.
    'alone/docker-compose.yml': app('auth'),
    'empty/README.md': 'no compose file here\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The text at 1-based line:column .. endLine:endColumn (same line) of a file in the temp folder. */
function at(file: string, line: number, column: number, endColumn: number): string {
  return fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split(/\r?\n/)
    [line - 1].slice(column - 1, endColumn - 1);
}

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

describe('gateway-lens check', () => {
  test('text: compiler-style lines with the file as given, a summary, exit 1 on errors', () => {
    const r = run('check', 'typo/docker-compose.yml');
    assert.equal(r.status, 1, r.stderr);
    const [first, ...rest] = r.stdout.trimEnd().split('\n');
    const m =
      /^typo\/docker-compose\.yml:(\d+):(\d+): error undefined-middleware: middleware "autth" is not defined/.exec(
        first,
      );
    assert.ok(m, first);
    assert.equal(at('typo/docker-compose.yml', Number(m[1]), Number(m[2]), Number(m[2]) + 5), 'autth');
    assert.equal(rest.at(-1), '1 problem (1 error, 0 warnings, 0 infos) in 1 file.');
    assert.equal(r.stderr, '');
  });

  test('text: a clean project exits 0', () => {
    const r = run('check', 'clean/docker-compose.yml');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'No problems in 1 file.\n');
  });

  test('json: sorted rows with 1-based, end-exclusive positions', () => {
    const r = run('check', '--format', 'json', 'typo/docker-compose.yml', 'broken/docker-compose.yml');
    assert.equal(r.status, 1, r.stderr);
    const rows = JSON.parse(r.stdout) as Row[];
    assert.deepEqual(
      rows.map((x) => [x.file, x.code, x.severity]),
      [
        ['broken/docker-compose.yml', 'yaml-syntax', 'error'],
        ['typo/docker-compose.yml', 'undefined-middleware', 'error'],
      ],
    );
    for (const row of rows) {
      // The nine fields, then what a finding explains and relates when it does (added, never removed).
      const keys = Object.keys(row);
      assert.deepEqual(
        keys.slice(9).filter((k) => k !== 'explanation' && k !== 'related'),
        [],
      );
      assert.deepEqual(keys.slice(0, 9), [
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'severity',
        'code',
        'message',
        'suppressed',
      ]);
    }
    const typo = rows[1];
    assert.equal(typo.endLine, typo.line);
    assert.equal(at(typo.file, typo.line, typo.column, typo.endColumn), 'autth');
    const yaml = rows[0];
    assert.equal(at(yaml.file, yaml.line, yaml.column, yaml.endColumn), 'image');
  });

  test('json: CRLF line ends give the same positions as LF', () => {
    const [lf] = JSON.parse(run('check', '--format', 'json', 'typo/docker-compose.yml').stdout) as Row[];
    const [crlf] = JSON.parse(run('check', '--format', 'json', 'crlf/docker-compose.yml').stdout) as Row[];
    const same = (row: Row) => JSON.stringify(row).replaceAll('crlf/', 'typo/');
    assert.equal(same(crlf), same(lf));
  });

  test('sarif: a 2.1.0 log with the checks as rules', () => {
    const r = run('check', '--format=sarif', 'typo/docker-compose.yml');
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    assert.equal(runLog.tool.driver.name, 'gateway-lens');
    const ids = runLog.tool.driver.rules.map((rule: { id: string }) => rule.id);
    for (const check of CHECKS) assert.ok(ids.includes(check.code), check.code);
    const [result] = runLog.results;
    assert.equal(result.ruleId, 'undefined-middleware');
    assert.equal(ids[result.ruleIndex], 'undefined-middleware');
    // The rule's help is its section of docs/codes.md, and helpUri the line of its heading.
    const rule = runLog.tool.driver.rules[result.ruleIndex];
    assert.match(rule.helpUri, /^file:\/\/\/.*\/docs\/codes\.md#L\d+$/);
    assert.match(rule.help.markdown, /^\*\*What it means\.\*\* A router's `middlewares` label/);
    assert.match(rule.help.text, /^What it means\. A router's middlewares label/);
    assert.doesNotMatch(rule.help.markdown, /^## /m, 'one section only');
    assert.equal(result.level, 'error');
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: 'typo/docker-compose.yml', uriBaseId: 'SRCROOT' });
    assert.equal(at('typo/docker-compose.yml', region.startLine, region.startColumn, region.endColumn), 'autth');
  });

  test('files are grouped into projects by folder', () => {
    const rows = (...files: string[]): string[][] => {
      const r = run('check', '--format', 'json', ...files);
      // A warning only: no error, exit 0.
      assert.equal(r.status, 0, r.stderr);
      return (JSON.parse(r.stdout) as Row[]).map((x) => [x.file, x.code, x.severity]);
    };
    // Alone, nobody defines `auth`: the hedged warning (another compose project may define it).
    assert.deepEqual(rows('alone/docker-compose.yml'), [
      ['alone/docker-compose.yml', 'undefined-middleware', 'warning'],
    ]);
    // Beside merged/, another project of the same run (one Docker host), whose container defines
    // `auth` for Traefik: no finding (cli/elsewhere.ts). The override finds it in its own base file.
    assert.deepEqual(
      rows('merged/docker-compose.yml', 'merged/docker-compose.override.yml', 'alone/docker-compose.yml'),
      [],
    );
  });

  test('a folder as FILE checks the project there, as check run in it would (README: check dirA dirB)', () => {
    assert.equal(run('check', 'clean').status, 0);
    const typo = run('check', 'typo');
    assert.equal(typo.status, 1);
    assert.match(typo.stdout, /^typo\/docker-compose\.yml:\d+:\d+: error undefined-middleware/m);
  });

  test('--demo prints the findings and exits 0', () => {
    const r = run('check', '--demo', 'typo/docker-compose.yml');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /error undefined-middleware/);
  });

  test('--traefik-version v2|v3 is accepted; --list names every check', () => {
    assert.equal(run('check', '--traefik-version', 'v2', 'clean/docker-compose.yml').status, 0);
    const list = run('check', '--list');
    assert.equal(list.status, 0);
    for (const check of CHECKS) assert.match(list.stdout, new RegExp(`^${check.code} +${check.severity} +\\S`, 'm'));
    const json = JSON.parse(run('check', '--list', '--format', 'json').stdout) as { code: string }[];
    assert.deepEqual(
      json.map((c) => c.code),
      [...CHECKS.map((c) => c.code), 'too-many-findings'],
    );
  });

  const usage: [string, string[], RegExp][] = [
    ['an unreadable file', ['check', 'missing.yml'], /^gateway-lens: cannot read missing\.yml: no such file$/],
    ['a folder without compose files', ['check', 'empty'], /^gateway-lens: no compose files under empty$/],
    ['an unknown flag', ['check', '--frmat', 'json', 'clean/docker-compose.yml'], /^gateway-lens: .*--frmat/],
    [
      'an unknown format',
      ['check', '--format', 'xml', 'clean/docker-compose.yml'],
      /^gateway-lens: unknown format 'xml'/,
    ],
    ['an unknown version', ['check', '--traefik-version', 'v9', 'clean/docker-compose.yml'], /Traefik version 'v9'/],
    [
      'an unreadable static config',
      ['check', '--traefik-config', 'nope.yml', 'clean/docker-compose.yml'],
      /cannot read nope\.yml/,
    ],
    ['a missing --config', ['check', '--config', 'nope.yml'], /^gateway-lens: cannot read nope\.yml \(--config\)/],
    ['no command', [], /^gateway-lens: missing command/],
    ['an unknown command', ['lint', 'x.yml'], /^gateway-lens: unknown command 'lint'/],
  ];
  for (const [what, args, message] of usage) {
    test(`exit 2 with one line for ${what}`, () => {
      const r = run(...args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr.trimEnd(), message);
    });
  }

  test('--help and --version', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^ {2}check {2}/m);
    assert.match(run('check', '--help').stdout, /--traefik-config FILE/);
    // Every command answers --help, even beside an option it does not know.
    for (const name of ['check', 'project', 'route', 'config', 'live', 'metrics', 'loadtest']) {
      const answer = run(name, '--no-such-option', '--help');
      assert.equal(answer.status, 0, `${name}: ${answer.stderr}`);
      assert.match(answer.stdout, new RegExp(`^Usage: gateway-lens ${name} `), name);
    }
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

// A folder as docker compose loads it, the same for `check` run above it, in it and on one file
// (the editor's grouping): the base and its override are one project, docker-compose.traefik.yml
// (a stack deployed alone) another, so neither sees the other's Traefik or middlewares.
test('check groups a folder as docker compose loads it: walk, no argument and one file agree', () => {
  const fixture = path.resolve(__dirname, '..', 'fixtures', 'projects', 'grouping-fsfp');
  const above = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-group-'));
  fs.cpSync(fixture, path.join(above, 'app'), { recursive: true });
  const check = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
    const found = JSON.parse(r.stdout) as { file: string; code: string; severity: string }[];
    return found.map((f) => `${path.basename(f.file)} ${f.severity} ${f.code}`).sort();
  };
  try {
    const walk = check(above).filter((f) => !f.startsWith('docker-compose.traefik.yml'));
    assert.ok(!walk.some((f) => / error /.test(f)), walk.join('\n'));
    // The override's proxy (Traefik, on the default network) is merged in: without it, docker-compose.yml
    // alone has no network-unreachable (Traefik's own container gets no missing-port information any more).
    assert.ok(walk.includes('docker-compose.yml warning network-unreachable'), 'the override is in the project');
    assert.deepEqual(check(path.join(above, 'app')), walk);
    assert.deepEqual(check(path.join(above, 'app'), 'docker-compose.yml'), walk);
  } finally {
    fs.rmSync(above, { recursive: true, force: true });
  }
});
