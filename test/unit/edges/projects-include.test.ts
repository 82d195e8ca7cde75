// projects.ts with the project loader: a file another folder's project includes belongs to that
// project (its diagnostics and authoring answers come from it, its own folder shows nothing),
// an edit of the included file re-checks the including project, and gatewayLens.compose.profiles
// or COMPOSE_PROFILES in .env start the services of a profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToUri } from '../../../server/src/documents';
import { projectsOf } from './projects-host';

function setup(settings: unknown = {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-include-'));
  const { projects } = projectsOf(workspace, settings);
  const write = (name: string, text: string): string => {
    const file = path.join(workspace, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  return { workspace, projects, write, done: () => fs.rmSync(workspace, { recursive: true, force: true }) };
}

const MONITORING = (port: string) =>
  `services:\n  grafana:\n    image: grafana/grafana\n    labels:\n      - traefik.http.services.g.loadbalancer.server.port=${port}\n`;

const codes = (r: { diagnostics: Map<string, { code?: unknown }[]> }, uri: string) =>
  (r.diagnostics.get(uri) ?? []).map((d) => d.code);

test('an included file in another folder belongs to the including project', async () => {
  const { workspace, projects, write, done } = setup();
  try {
    write('compose.yaml', 'include: [monitoring/compose.yaml]\nservices:\n  web: { image: nginx }\n');
    const included = write('monitoring/compose.yaml', MONITORING('3000a'));
    const uri = pathToUri(included);
    const parent = await projects.analyse(workspace);
    assert.deepEqual(codes(parent, uri), ['invalid-value']);
    assert.equal(projects.projectOf(included), workspace);
    // Its own folder has no project of its own any more: nothing shown twice.
    const own = await projects.analyse(path.dirname(included));
    assert.deepEqual(own.composeFiles, []);
    // Authoring answers from the including project.
    const model = await projects.model(included);
    assert.equal(model?.project, parent.project);
    // An edit of the included file is an input of the including project.
    fs.writeFileSync(included, MONITORING('3000'));
    assert.deepEqual(codes(await projects.analyse(workspace), uri), []);
    // Without the include, the file is its folder's again.
    write('compose.yaml', 'services:\n  web: { image: nginx }\n');
    await projects.analyse(workspace);
    assert.equal(projects.projectOf(included), path.dirname(included));
  } finally {
    done();
  }
});

const PROFILED =
  'services:\n  dbg:\n    image: nginx\n    profiles: [debug]\n    labels: [traefik.http.routers.d.middlewares=nowhere]\n';

test('profiles: the setting, else COMPOSE_PROFILES in .env', async () => {
  for (const [settings, env, expected] of [
    [{}, undefined, []],
    [{ compose: { profiles: ['debug'] } }, undefined, ['undefined-middleware']],
    [{}, 'COMPOSE_PROFILES=debug\n', ['undefined-middleware']],
    [{ compose: { profiles: ['other'] } }, 'COMPOSE_PROFILES=debug\n', []],
  ] as const) {
    const { workspace, projects, write, done } = setup(settings);
    try {
      const file = write('compose.yaml', PROFILED);
      if (env) write('.env', env);
      assert.deepEqual(codes(await projects.analyse(workspace), pathToUri(file)), expected, JSON.stringify(settings));
    } finally {
      done();
    }
  }
});
