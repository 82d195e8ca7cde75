// Field names match ignoring case (paerser parser/nodes_metadata.go findTypedField), and label
// values are checked against the generated {type, pattern, enum} shapes as JSON Schema (ajv) checks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { checkValue, LABEL_SCHEMAS, type LabelSchema } from '../../../server/src/analysis/schema';
import { canonicalField, schemaNodes } from '../../../server/src/analysis/schema/tree';
import { STATIC_SCHEMA, type StaticSchema } from '../../../server/src/analysis/traefik/staticConfig/schema';

const FIELDS: [string, Record<string, unknown> | undefined, string, string | undefined][] = [
  ['lower case as written', { rule: 1, priority: 2 }, 'rule', 'rule'],
  ['upper case read', { rule: 1 }, 'RULE', 'rule'],
  ['camelCase found from any case', { accessLog: 1 }, 'ACCESSLOG', 'accessLog'],
  ['camelCase as written', { entryPoints: 1 }, 'entryPoints', 'entryPoints'],
  ['unknown', { rule: 1 }, 'rulle', undefined],
  ['no properties', undefined, 'rule', undefined],
  ['not an inherited member', {}, 'constructor', undefined],
];

for (const [name, properties, field, expected] of FIELDS) {
  test(`canonicalField: ${name}`, () => assert.equal(canonicalField(properties, field), expected));
}

function staticNodes(node: StaticSchema, out: StaticSchema[] = []): StaticSchema[] {
  out.push(node);
  for (const child of Object.values(node.properties ?? {})) staticNodes(child, out);
  if (typeof node.additionalProperties === 'object') staticNodes(node.additionalProperties, out);
  if (node.items) staticNodes(node.items, out);
  return out;
}

test('no two fields of a bundled schema node differ only in case (canonicalField relies on it)', () => {
  const nodes: { properties?: Record<string, unknown> }[] = [
    ...schemaNodes([LABEL_SCHEMAS.v2, LABEL_SCHEMAS.v3]),
    ...staticNodes(STATIC_SCHEMA),
  ];
  assert.ok(nodes.length > 1000, `${nodes.length} nodes`);
  const clashes = nodes.flatMap((n) => {
    const names = Object.keys(n.properties ?? {});
    return names.filter((a, i) => names.some((b, j) => j !== i && a.toLowerCase() === b.toLowerCase()));
  });
  assert.deepEqual(clashes, []);
});

test('every label value shape is judged as ajv judges it', () => {
  const ajv = new Ajv({ strict: true, validateSchema: false });
  const leaves = schemaNodes([LABEL_SCHEMAS.v2, LABEL_SCHEMAS.v3]).filter((n): n is LabelSchema => !!n['x-type']);
  const samples = ['true', 'False', '42', '-7', '1.5', '10s', '1m30s', 'x', 'ä', '80', '65536', 'a,b', '1, 2', ' 1'];
  let judged = 0;
  for (const leaf of leaves) {
    const validate = ajv.compile({ type: 'string', pattern: leaf.pattern, enum: leaf.enum });
    for (const value of [...samples, ...(leaf.enum ?? [])]) {
      judged++;
      assert.equal(
        checkValue(leaf, value, 'f') === undefined,
        validate(value),
        `${JSON.stringify(leaf)} on "${value}"`,
      );
    }
  }
  assert.ok(judged > 1000, `${judged} judged`);
});
