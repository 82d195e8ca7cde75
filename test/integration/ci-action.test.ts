// action.yml and .pre-commit-hooks.yaml as their runners read them: the action's shell steps run
// with bash the way a composite action runs them (inputs in env, GITHUB_OUTPUT a file), with the
// CLI of this checkout as `command`; the hook's file pattern and entry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { built, ROOT } from '../support/build';

const CLI = built('cli.js');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-action-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    'services:\n  web:\n    image: busybox\n    labels:\n      - traefik.http.routers.web.rulle=Host(`a`)\n',
  );
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `${{ inputs.x }}` and `${{ steps.check.outputs.y }}` as the runner substitutes them. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(inputs|steps\.check\.outputs)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) =>
    scope === 'inputs' ? (inputs[name] ?? '') : (outputs[name] ?? ''),
  );
}

function runStep(step: Step, inputs: Record<string, string>, outputs: Record<string, string>) {
  const githubOutput = path.join(dir, `output-${Math.random().toString(16).slice(2)}`);
  fs.writeFileSync(githubOutput, '');
  const env: Record<string, string> = { ...process.env, GITHUB_OUTPUT: githubOutput } as Record<string, string>;
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs, outputs);
  const r = spawnSync('bash', ['-e', '-c', expand(step.run!, inputs, outputs)], { cwd: dir, env, encoding: 'utf8' });
  const written = Object.fromEntries(
    fs
      .readFileSync(githubOutput, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, written };
}

test('action.yml: a composite action whose check step writes SARIF and annotations, and whose last step fails', () => {
  assert.equal(action.runs.using, 'composite');
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
  inputs.command = `${process.execPath} ${CLI}`;
  const [check, upload, fail] = action.runs.steps;
  assert.equal(check.id, 'check');
  const r = runStep(check, inputs, {});
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.written['exit-code'], '1');
  assert.match(r.stdout, /^::error file=docker-compose\.yml,line=5,.*title=gateway-lens unknown-label::/m);
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, inputs['sarif-file']), 'utf8')) as {
    version: string;
    runs: { results: { ruleId: string }[] }[];
  };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'unknown-label'));
  assert.match(upload.uses ?? '', /^github\/codeql-action\/upload-sarif@v\d+$/);
  assert.equal(expand(upload.with!.sarif_file, inputs, {}), './gateway-lens.sarif');
  assert.equal(runStep(fail, inputs, r.written).status, 1);
  assert.equal(runStep(fail, inputs, { 'exit-code': '0' }).status, 0);
  assert.equal(action.outputs['exit-code'].value, '${{ steps.check.outputs.exit-code }}');
});

test('action.yml: files and args reach the command', () => {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
  inputs.command = `${process.execPath} ${CLI}`;
  inputs.files = 'docker-compose.yml';
  inputs.args = '--quiet --max-warnings 5';
  const r = runStep(action.runs.steps[0], inputs, {});
  assert.equal(r.written['exit-code'], '1');
  assert.ok(!/::warning/.test(r.stdout), '--quiet reached the command');
});

test('.pre-commit-hooks.yaml: the hook runs gateway-lens check on the project when a compose file changes', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
    pass_filenames: boolean;
  }[];
  const [hook] = hooks;
  assert.equal(hook.id, 'gateway-lens');
  assert.equal(hook.entry, 'gateway-lens check');
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, false);
  const files = new RegExp(hook.files);
  for (const name of [
    'docker-compose.yml',
    'a/docker-compose.override.yaml',
    'compose.yml',
    'x/compose.prod.yml',
    '.gateway-lens.yaml',
  ])
    assert.ok(files.test(name), name);
  for (const name of ['traefik.yml', 'mycompose.yml', 'docker-compose.yml.bak']) assert.ok(!files.test(name), name);
  const bin = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> })
    .bin;
  assert.equal(bin[hook.entry.split(' ')[0]], './dist/cli.js');
});
