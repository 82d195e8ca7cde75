// Definition, references and rename across the project's files beyond the -f set: a middleware
// defined in an extended file (extends: file:) or in an included file, used from the base file,
// and back. Only the names' ranges are edited; a service of the extended file that nothing
// extends is not part of the project (Traefik never sees its labels), so its names do not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { definition, references, rename } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { analyseFiles, ROOT } from './helpers';

const texts: Record<string, string> = {
  'compose.yaml': yaml`
    include:
      - monitoring/compose.yml
    services:
      web:
        extends: { file: shared/base.yml, service: app }
        labels:
          - traefik.http.routers.web.rule=Host(\`x\`)
          - traefik.http.routers.web.middlewares=auth,metrics-auth
  `,
  'shared/base.yml': yaml`
    services:
      app:
        image: nginx
        labels:
          - traefik.http.middlewares.auth.basicauth.users=u:p
      unused:
        image: nginx
        labels:
          - traefik.http.middlewares.auth.headers.customrequestheaders.X-A=1
  `,
  'monitoring/compose.yml': yaml`
    services:
      grafana:
        image: grafana/grafana
        labels:
          - traefik.http.routers.grafana.rule=Host(\`g\`)
          - traefik.http.middlewares.metrics-auth.basicauth.users=u:p
  `,
};
const abs = (f: string): string => path.resolve(ROOT, f);
const show = (l: { file: string; range: { start: number; end: number } }): string =>
  `${path.relative(ROOT, l.file)}:${texts[path.relative(ROOT, l.file)].slice(l.range.start, l.range.end)}`;
const offset = (file: string, needle: string): number => texts[file].indexOf(needle) + 1;

test('navigate: a middleware defined in an extended file, from the base file and back', () => {
  const { project } = analyseFiles(texts);
  const base = abs('compose.yaml');
  const use = offset('compose.yaml', 'auth,');
  assert.deepEqual(definition(project, base, use).map(show), ['shared/base.yml:auth']);
  assert.deepEqual(
    references(project, abs('shared/base.yml'), offset('shared/base.yml', 'auth.'), true).map(show).sort(),
    ['compose.yaml:auth', 'shared/base.yml:auth'],
  );
  const r = rename(project, base, use, 'login');
  assert.ok('edits' in r, JSON.stringify(r));
  assert.deepEqual(
    Object.entries(r.edits)
      .flatMap(([f, edits]) => edits.map((e) => show({ file: f, range: e.range })))
      .sort(),
    ['compose.yaml:auth', 'shared/base.yml:auth'],
  );
});

test('navigate: a middleware defined in an included file, from the including file', () => {
  const { project } = analyseFiles(texts);
  const use = offset('compose.yaml', 'metrics-auth');
  assert.deepEqual(definition(project, abs('compose.yaml'), use).map(show), ['monitoring/compose.yml:metrics-auth']);
  const r = rename(project, abs('compose.yaml'), use, 'grafana-auth');
  assert.ok('edits' in r, JSON.stringify(r));
  assert.deepEqual(
    Object.entries(r.edits)
      .flatMap(([f, edits]) => edits.map((e) => show({ file: f, range: e.range })))
      .sort(),
    ['compose.yaml:metrics-auth', 'monitoring/compose.yml:metrics-auth'],
  );
});
