// published-port: loadbalancer.server.port names the host side of a published mapping whose
// container side differs (Traefik dials the container's address: pkg/provider/docker/config.go addServer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, codeActions } from '../../../server/src/analysis';
import { run } from '../../helpers';
import { applyFile, FILE } from '../authoring/helpers';

const app = (ports: string, port: string, extra = '') => `services:
  traefik:
    image: traefik:v3.3
    command: [--providers.docker=true, --entrypoints.web.address=:80]
  app:
    image: nginx
${ports ? `    ports: ${ports}\n` : ''}${extra}    labels:
      - traefik.http.routers.app.rule=Host(\`app.example.com\`)
      - traefik.http.services.app.loadbalancer.server.port=${port}
`;

const cases: { name: string; text: string; expect: string[] }[] = [
  { name: 'the host side of "8080:80"', text: app('["8080:80"]', '8080'), expect: ['8080'] },
  { name: 'with a host address', text: app('["127.0.0.1:8080:80"]', '8080'), expect: ['8080'] },
  { name: 'long syntax', text: app('[{ target: 80, published: "8080" }]', '8080'), expect: ['8080'] },
  { name: 'the container side', text: app('["8080:80"]', '80'), expect: [] },
  { name: 'the same on both sides', text: app('["8080:8080"]', '8080'), expect: [] },
  { name: 'the port is also exposed', text: app('["8080:80"]', '8080', '    expose: ["8080"]\n'), expect: [] },
  { name: 'the port is also a target', text: app('["8080:80", "9000:8080"]', '8080'), expect: [] },
  { name: 'a udp mapping', text: app('["8080:80/udp"]', '8080'), expect: [] },
  { name: 'no mapping', text: app('', '8080'), expect: [] },
  {
    name: 'a variable with a default: judged as compose fills it',
    text: app('["8080:80"]', '${PORT:-8080}'),
    expect: ['${PORT:-8080}'],
  },
  { name: 'a variable nobody sets', text: app('["8080:80"]', '${PORT}'), expect: [] },
  {
    name: 'switched off',
    text: app('["8080:80"]', '8080', '').replace('    labels:\n', '    labels:\n      - traefik.enable=false\n'),
    expect: [],
  },
];

for (const c of cases) {
  test(`published-port: ${c.name}`, () => {
    assert.deepEqual(
      run('published-port', c.text).map((f) => f.text),
      c.expect,
    );
  });
}

test('published-port: the message names the container side, the related note the mapping', () => {
  const [f] = run('published-port', app('["8080:80"]', '8080'));
  assert.equal(f.severity, 'warning');
  assert.equal(f.message, '8080 is the host port of "8080:80": Traefik connects to the container, use 80');
  assert.match(f.explanation, /502 Bad Gateway/);
});

test('published-port: the quick fix writes the container side, and only the value', () => {
  const text = app('["8080:80"]', '8080');
  const analyzer = new Analyzer();
  const input = { files: [{ file: FILE, text }] };
  const finding = analyzer.analyze(input).findings.find((f) => f.code === 'published-port')!;
  const [fix] = codeActions(analyzer.project(input), FILE, finding);
  assert.equal(applyFile(text, fix.edits), text.replace('server.port=8080', 'server.port=80'));
  const templated = app('["8080:80"]', '${PORT:-8080}');
  const input2 = { files: [{ file: FILE, text: templated }] };
  const f2 = analyzer.analyze(input2).findings.find((f) => f.code === 'published-port')!;
  assert.deepEqual(codeActions(analyzer.project(input2), FILE, f2), []);
});
