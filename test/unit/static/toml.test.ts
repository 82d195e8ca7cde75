// readToml: a TOML file as the key paths paerser decodes (file/raw_node.go decodeRaw),
// on every shape of array TOML allows; no shape may throw (one odd file would hide a project).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readToml } from '../../../server/src/analysis/traefik/toml';
import { parseDynamicFile } from '../../../server/src/analysis/traefik/fileProvider';

/** Settings as `a.b[0].c=value` (`a.b` alone for a key with sub-keys and no value). */
function settings(text: string): string[] {
  const read = readToml('/p/traefik.toml', text);
  assert.equal(read.ok, true, read.error?.message);
  return read.settings.map(
    (s) =>
      s.path
        .map((p) => (p.text.startsWith('[') ? p.text : `.${p.text}`))
        .join('')
        .slice(1) + (s.value === undefined ? '' : `=${s.value}`),
  );
}

const cases: [string, string, string[]][] = [
  ['scalars', 'a = 1\nb = "x"\nc = true', ['a=1', 'b=x', 'c=true']],
  ['an array of values is one comma-joined value', 'a = [1, "x", true]', ['a=1,x,true']],
  ['an empty array', 'a = []', ['a=']],
  ['an array of tables is indexed', 'a = [{b = 1}, {b = 2}]', ['a[0].b=1', 'a[1].b=2']],
  ['[[…]] tables are indexed', '[[a.b]]\nc = 1\n[[a.b]]\nc = 2', ['a.b[0].c=1', 'a.b[1].c=2']],
  ['an array holding an array of tables', '[x]\nz = [[{a = 1}]]', ['x.z[0][0].a=1']],
  [
    'arrays of arrays, one of tables',
    'cipherSuites = [["a"], [{b = 1}]]',
    ['cipherSuites[0]=a', 'cipherSuites[1][0].b=1'],
  ],
  ['arrays of scalar arrays', 'a = [[1, 2], [3]]', ['a[0]=1,2', 'a[1]=3']],
  ['a table mixed with scalars', 'a = [1, {b = 2}]', ['a[0]=1', 'a[1].b=2']],
  ['an empty inline table in an array', 'a = [[{}]]', ['a[0][0]']],
  ['dates', 'a = 1979-05-27T07:32:00Z\nb = [1979-05-27]', ['a=1979-05-27T07:32:00.000Z', 'b=1979-05-27']],
];

for (const [name, text, expected] of cases) {
  test(`TOML: ${name}`, () => assert.deepEqual(settings(text), expected));
}

test('a dynamic TOML file with arrays of arrays of tables is read, not a crash', () => {
  const text = '[tls.options.modern]\ncipherSuites = [["a"], [{b = 1}]]\n';
  const file = parseDynamicFile('/p/dyn/c.toml', '/dyn/c.toml', text, 'v3');
  assert.ok(file.read.keys.some((k) => k.map((p) => p.text).join('.') === 'tls.options.modern.cipherSuites.[1].[0].b'));
});
