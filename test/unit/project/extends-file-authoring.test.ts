// Authoring inside a file read only for `extends: file:` (common/base.yaml, no compose name):
// the labels there are the extending service's, so hover, completion, the outline, quick fixes
// and a rule's hover answer in it as they do in the project's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { codeActions, complete, documentSymbols, hover } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { analyseFiles, ROOT } from './helpers';

const texts: Record<string, string> = {
  'compose.yaml': yaml`
    services:
      traefik:
        image: traefik:v3.1
        labels:
          - traefik.http.middlewares.auth.basicauth.users=u:p
      site:
        extends: { file: common/base.yaml, service: app }
  `,
  'common/base.yaml': yaml`
    services:
      app:
        image: nginx:1.27
        labels:
          - traefik.http.routers.site.rule=Host(\`site.example\`)
          - traefik.http.routers.site.middlewares=aut
  `,
};
const BASE = path.resolve(ROOT, 'common/base.yaml');
const at = (needle: string, delta = 0): number => texts['common/base.yaml'].indexOf(needle) + delta;

const HOVERS: { what: string; offset: number; shows: RegExp }[] = [
  { what: 'a key segment', offset: at('middlewares=', 2), shows: /middleware/i },
  {
    what: "a router's rule, with the router's facts",
    offset: at('Host(', 1),
    shows: /\*\*router\*\* `site`[^]*Priority \*\*\d+\*\*/,
  },
];

for (const { what, offset, shows } of HOVERS) {
  test(`extends file: hover on ${what}`, () => {
    const { project } = analyseFiles(texts);
    const h = hover(project, BASE, offset);
    assert.ok(h, 'a hover');
    assert.match(h.markdown, shows);
  });
}

test('extends file: completion in a rule offers the matchers', () => {
  const { project } = analyseFiles(texts);
  const labels = complete(project, BASE, at('rule=H', 'rule=H'.length)).map((i) => i.label);
  assert.ok(labels.includes('Host') && labels.includes('PathPrefix'), labels.join(','));
});

test('extends file: the outline holds its service and router', () => {
  const { project } = analyseFiles(texts);
  const names = documentSymbols(project, BASE).flatMap((s) => [s.name, ...s.children.map((c) => c.name)]);
  assert.ok(names.includes('app') && names.some((n) => n.includes('site')), names.join(','));
});

test('extends file: the misspelt middleware it uses gets the quick fix to the name compose.yaml defines', () => {
  const { project, findings } = analyseFiles(texts);
  const finding = findings.find((f) => f.code === 'undefined-middleware' && f.file === BASE);
  assert.ok(finding, findings.map((f) => `${f.code} ${f.file}`).join('\n'));
  const titles = codeActions(project, BASE, finding).map((a) => a.title);
  assert.deepEqual(titles, ['Change "aut" to "auth"']);
});
