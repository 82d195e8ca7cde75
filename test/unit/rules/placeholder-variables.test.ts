// A compose variable left in a rule (`${DOMAIN}` not set here) is no v2 placeholder: compose
// replaces it before Traefik reads the rule (compose spec 12-interpolation.md), so the v3
// suggestion keeps it as written instead of reading `{DOMAIN}` as a template (trial4 min-1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaceholders, templateAsRegexp } from '../../../server/src/analysis/rules/placeholders';
import { run } from '../../helpers';

const templates: { value: string; placeholders: string[]; regexp: string }[] = [
  { value: '{subdomain:[a-z0-9-]+}.${DOMAIN}', placeholders: ['subdomain'], regexp: '^[a-z0-9-]+\\.${DOMAIN}$' },
  { value: '${SUB}.{name}.example.com', placeholders: ['name'], regexp: '^${SUB}\\.[^.]+\\.example\\.com$' },
  { value: '{a}.${D:-x.y}', placeholders: ['a'], regexp: '^[^.]+\\.${D:-x.y}$' },
  { value: '{a}.example.com', placeholders: ['a'], regexp: '^[^.]+\\.example\\.com$' },
];

for (const t of templates) {
  test(`placeholders beside compose variables: ${t.value}`, () => {
    assert.deepEqual(
      findPlaceholders(t.value, false).map((p) => p.name),
      t.placeholders,
    );
    assert.equal(templateAsRegexp(t.value, 'host', true), t.regexp);
  });
}

const label = (rule: string): string =>
  `services:\n  auth:\n    image: x\n    labels:\n      - "traefik.http.routers.o.rule=${rule}"\n`;

const rules: { rule: string; message?: string }[] = [
  {
    rule: 'HostRegexp(`{subdomain:[a-z0-9-]+}.${DOMAIN}`)',
    message: '{subdomain:[a-z0-9-]+} is v2 template syntax: use HostRegexp(`^[a-z0-9-]+\\.${DOMAIN}$`)',
  },
  { rule: 'HostRegexp(`^.+\\.${DOMAIN}$`)' },
  { rule: 'Host(`app.${DOMAIN}`)' },
];

for (const r of rules) {
  test(`rule-syntax with an unset compose variable: ${r.rule}`, () => {
    const found = run('rule-syntax', label(r.rule), { options: { version: 'v3' } });
    assert.deepEqual(
      found.map((f) => f.message.split(' (in v3')[0]),
      r.message ? [r.message] : [],
    );
  });
}
