// "Suppress <code> on this line": offered where a comment line above the finding leaves the YAML
// as it was, refused where it would change a value (inside a block scalar), and never a throw
// when the service merges an anchor defined outside it (`<<: *default-logging`, as real files do).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suppressActions } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { apply, FILE, findings, projectOf } from './helpers';

const cases: { name: string; text: string; code: string; after?: string }[] = [
  {
    name: 'a label of a plain service',
    text: yaml`
      services:
        app:
          labels:
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
    code: 'unknown-label',
    after: yaml`
      services:
        app:
          labels:
            # gateway-lens-disable-next-line unknown-label
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
  },
  {
    name: 'a service that merges an anchor defined above the services',
    text: yaml`
      x-logging: &default-logging
        driver: json-file
      services:
        app:
          <<: *default-logging
          labels:
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
    code: 'unknown-label',
    after: yaml`
      x-logging: &default-logging
        driver: json-file
      services:
        app:
          <<: *default-logging
          labels:
            # gateway-lens-disable-next-line unknown-label
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
  },
  {
    name: 'a service whose logging is an alias of an anchor elsewhere',
    text: yaml`
      x-logging: &default-logging
        driver: json-file
      services:
        app:
          logging: *default-logging
          labels:
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
    code: 'unknown-label',
    after: yaml`
      x-logging: &default-logging
        driver: json-file
      services:
        app:
          logging: *default-logging
          labels:
            # gateway-lens-disable-next-line unknown-label
            - "traefik.http.routers.app.rulle=Host(\`a\`)"
    `,
  },
];

for (const c of cases) {
  test(`suppress fix: ${c.name}`, () => {
    const finding = findings(c.text).find((f) => f.code === c.code);
    assert.ok(finding, `no ${c.code} finding`);
    const actions = suppressActions(projectOf(c.text), FILE, finding);
    if (c.after === undefined) {
      assert.deepEqual(actions, []);
      return;
    }
    assert.equal(actions.length, 1);
    assert.equal(apply(c.text, actions[0].edits[FILE]), c.after);
  });
}
