// What another compose project of the same Docker host settles (checks/references.ts): the names
// it defines (definedNames), and which findings those may settle (settledElsewhere), as the CLI
// (cli/elsewhere.ts) and the editor (projects.ts) both use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { definedNames, settledElsewhere } from '../../../server/src/analysis/checks/references';

const AUTH = `services:
  authelia:
    image: authelia/authelia
    labels:
      - traefik.enable=true
      - traefik.http.middlewares.authelia.forwardAuth.address=http://authelia:9091/api/verify
      - traefik.http.services.authelia.loadbalancer.server.port=9091
`;
const app = (middleware: string): string => `services:
  nginx:
    image: nginx
    labels:
      - traefik.enable=true
      - traefik.http.routers.nginx.rule=Host(\`nginx.example.com\`)
      - traefik.http.routers.nginx.middlewares=${middleware}
`;

test('definedNames: the middlewares and services of the kept containers, name@docker', () => {
  const project = new Analyzer().project({ files: [{ file: '/auth/compose.yaml', text: AUTH }] });
  assert.deepEqual(definedNames(project), { middlewares: ['authelia@docker'], services: ['authelia@docker'] });
});

const ROWS: [string, string, boolean][] = [
  ['a middleware no file of the project defines: another project may', 'authelia@docker', true],
  ['a file provider name: no compose project settles it', 'authelia@file', false],
];

for (const [name, middleware, expect] of ROWS) {
  test(`settledElsewhere: ${name}`, () => {
    const { findings } = new Analyzer().analyze({ files: [{ file: '/app/compose.yaml', text: app(middleware) }] });
    assert.equal(
      findings.some((f) => f.code === 'undefined-middleware' && settledElsewhere(f)),
      expect,
      JSON.stringify(findings.map((f) => [f.code, f.effect])),
    );
  });
}

test('the name another project defines settles it, as options.elsewhere', () => {
  const analyzer = new Analyzer();
  const defined = definedNames(analyzer.project({ files: [{ file: '/auth/compose.yaml', text: AUTH }] }));
  const input = { files: [{ file: '/app/compose.yaml', text: app('authelia@docker') }] };
  const { findings } = analyzer.analyze({ ...input, options: { elsewhere: defined } });
  assert.deepEqual(
    findings.filter((f) => f.code === 'undefined-middleware'),
    [],
  );
});

// Trial6 min-5: a near miss of a name another project defines is named, still as the hedged warning.
test('a typo of a name another project defines: did you mean it, still a warning', () => {
  const analyzer = new Analyzer();
  const defined = definedNames(analyzer.project({ files: [{ file: '/auth/compose.yaml', text: AUTH }] }));
  const input = { files: [{ file: '/app/compose.yaml', text: app('autheila@docker') }] };
  const found = analyzer
    .analyze({ ...input, options: { elsewhere: defined } })
    .findings.filter((f) => f.code === 'undefined-middleware');
  assert.deepEqual(
    found.map((f) => [f.severity, f.message, settledElsewhere(f)]),
    [
      [
        'warning',
        'middleware "autheila@docker" is not defined in this project: did you mean "authelia@docker", which another compose project defines?',
        true,
      ],
    ],
  );
});
