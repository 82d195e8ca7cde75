// The sentence that says what a dynamic file Traefik cannot load takes with it: one name is
// singular ("auth@file does not exist"), several plural.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatIsLost } from '../../../server/src/analysis/checks/dynamicFiles';
import type { DynamicFile } from '../../../server/src/analysis/traefik/fileProvider/model';

const file = (...names: string[]): DynamicFile =>
  ({ definitions: names.map((name) => ({ name })) }) as unknown as DynamicFile;

const cases: { names: string[]; directory?: string; expect: string }[] = [
  { names: [], expect: 'it defines no router, service or middleware.' },
  { names: ['auth'], expect: 'auth@file does not exist, and routers that use it are disabled.' },
  { names: ['auth', 'api'], expect: 'auth@file, api@file do not exist, and routers that use them are disabled.' },
  {
    names: ['a', 'b', 'c', 'd', 'e', 'f'],
    expect: 'a@file, b@file, c@file, d@file, e@file, and 1 more do not exist, and routers that use them are disabled.',
  },
  {
    names: ['auth'],
    directory: '/config',
    expect:
      "auth@file does not exist, and routers that use it are disabled. Because it is in the provider's directory /config, every other file there is lost too (loadFileConfigFromDirectory stops at the first error).",
  },
];

for (const c of cases) {
  test(`whatIsLost: ${c.names.length} name(s)${c.directory ? ' in a directory' : ''}`, () => {
    assert.equal(whatIsLost(file(...c.names), c.directory).long, c.expect);
  });
}
