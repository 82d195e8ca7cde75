// The source action "add a stripprefix middleware" on a router rule with a PathPrefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceActions } from '../../../server/src/analysis/authoring';
import { yaml } from '../../helpers';
import { applyFile, cursor, FILE, findings, projectOf, summary } from './helpers';

const cases: { name: string; src: string; after?: string }[] = [
  {
    name: 'router without middlewares: both labels after the router',
    src: yaml`
      services:
        search:
          image: app
          labels:
            - "traefik.http.routers.search.rule=PathPrefix(\`/api/se|arch\`)"
            - "traefik.http.routers.search.tls=true"
            - "traefik.http.services.search.loadbalancer.server.port=8084"
    `,
    after: yaml`
      services:
        search:
          image: app
          labels:
            - "traefik.http.routers.search.rule=PathPrefix(\`/api/search\`)"
            - "traefik.http.routers.search.tls=true"
            - "traefik.http.routers.search.middlewares=search-stripprefix"
            - "traefik.http.middlewares.search-stripprefix.stripprefix.prefixes=/api/search"
            - "traefik.http.services.search.loadbalancer.server.port=8084"
    `,
  },
  {
    name: 'router with other middlewares, map form: the name is appended',
    src: yaml`
      services:
        search:
          image: app
          labels:
            traefik.http.routers.search.rule: PathPrefix(\`/a\`) || PathPrefix(\`/b\`)|
            traefik.http.routers.search.middlewares: gzip
            traefik.http.middlewares.gzip.compress: "true"
            traefik.http.services.search.loadbalancer.server.port: 80
    `,
    after: yaml`
      services:
        search:
          image: app
          labels:
            traefik.http.routers.search.rule: PathPrefix(\`/a\`) || PathPrefix(\`/b\`)
            traefik.http.routers.search.middlewares: gzip,search-stripprefix
            traefik.http.middlewares.search-stripprefix.stripprefix.prefixes: /a,/b
            traefik.http.middlewares.gzip.compress: "true"
            traefik.http.services.search.loadbalancer.server.port: 80
    `,
  },
  {
    name: 'not offered when a stripprefix is already used',
    src: yaml`
      services:
        search:
          image: app
          labels:
            - traefik.http.routers.search.rule=PathPrefix(\`/a|\`)
            - traefik.http.routers.search.middlewares=s
            - traefik.http.middlewares.s.stripprefix.prefixes=/a
    `,
  },
  {
    name: 'not offered for the catch-all PathPrefix(`/`)',
    src: yaml`
      services:
        front:
          image: app
          labels:
            - traefik.http.routers.front.rule=PathPrefix(\`/\`)|
    `,
  },
];

for (const c of cases) {
  test(`source action: ${c.name}`, () => {
    const { text, offset } = cursor(c.src);
    const actions = sourceActions(projectOf(text), FILE, { start: offset, end: offset });
    if (!c.after) {
      assert.deepEqual(actions, []);
      return;
    }
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source');
    const after = applyFile(text, actions[0].edits);
    assert.equal(after, c.after);
    assert.deepEqual(summary(after, findings(after)), []);
  });
}
