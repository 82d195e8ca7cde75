import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledMatchers, witnessNotCovered, parseRule } from '../../../server/src/analysis/rules';
import { run } from '../../helpers';

/** The matchers a test compiles: one table for the file, as an engine keeps one. */
const compiled = new CompiledMatchers();

const router = (name: string, rule: string, extra: string[] = []) =>
  [
    `      - "traefik.http.routers.${name}.rule=${rule}"`,
    ...extra.map((e) => `      - traefik.http.routers.${name}.${e}`),
  ].join('\n');

const compose = (...routers: string[]) =>
  `services:\n  app:\n    image: x\n    labels:\n${routers.join('\n')}\n      - traefik.http.routers.a.service=svc\n      - traefik.http.routers.b.service=svc\n      - traefik.http.services.svc.loadbalancer.server.port=80\n`;

const cases: { name: string; text: string; expect: string[]; message?: RegExp }[] = [
  {
    name: 'catch-all with a high priority shadows a path route',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=100']), router('b', 'PathPrefix(`/upload`)')),
    expect: ['PathPrefix(`/upload`)'],
  },
  {
    name: 'catch-all at priority 1 shadows nothing',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=1']), router('b', 'PathPrefix(`/upload`)')),
    expect: [],
  },
  {
    name: 'different entry points',
    text: compose(
      router('a', 'PathPrefix(`/`)', ['priority=100', 'entrypoints=web']),
      router('b', 'PathPrefix(`/upload`)', ['entrypoints=websecure']),
    ),
    expect: [],
  },
  {
    name: 'TLS and plain routers are in different muxers',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=100', 'tls=true']), router('b', 'PathPrefix(`/upload`)')),
    expect: [],
  },
  {
    name: 'tls=false is a plain router (any value but true turns TLS off)',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=100', 'tls=false']), router('b', 'PathPrefix(`/upload`)')),
    expect: ['PathPrefix(`/upload`)'],
  },
  {
    name: 'a narrower higher rule does not shadow',
    text: compose(router('a', 'PathPrefix(`/upload/private`)', ['priority=100']), router('b', 'PathPrefix(`/upload`)')),
    expect: [],
  },
  {
    name: 'a regexp is never guessed',
    text: compose(router('a', 'PathRegexp(`.*`)', ['priority=100']), router('b', 'PathPrefix(`/upload`)')),
    expect: [],
  },
  {
    name: 'a Host-only router under a PathPrefix(`/`) catch-all: only asterisk-form requests escape',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=1000']), router('b', 'Host(`frontend.localhost`)')),
    expect: ['Host(`frontend.localhost`)'],
    message: /gets no request from a browser or HTTP client: "a" matches every one with a path first/,
  },
  {
    name: 'a Host-only router under a catch-all of lower priority is served',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=1']), router('b', 'Host(`frontend.localhost`)')),
    expect: [],
  },
  {
    name: 'a path route under a catch-all is shadowed for every request',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=100']), router('b', 'Host(`x`) && Method(`GET`)')),
    expect: ['Host(`x`) && Method(`GET`)'],
    message: /gets no request from a browser/,
  },
  {
    // retrial U2: "c" takes the requests with X-Debug first, but "a" alone covers the rest and them.
    name: 'a router the proof does not need is not named',
    text: compose(
      router('c', 'PathPrefix(`/`) && Header(`X-Debug`, `1`)', ['priority=2000']),
      router('a', 'PathPrefix(`/`)', ['priority=1000']),
      router('b', 'PathPrefix(`/upload`)'),
    ),
    expect: ['PathPrefix(`/upload`)'],
  },
  {
    name: 'two routers that cover only together are both named',
    text: compose(
      router('a', 'Path(`/x`)', ['priority=100']),
      router('c', 'Path(`/y`)', ['priority=100']),
      router('b', 'Path(`/x`) || Path(`/y`)'),
    ),
    expect: ['Path(`/x`) || Path(`/y`)'],
    message: /never gets a request: "a", "c" match them first; raise its priority$/,
  },
  {
    name: 'equal priority is a tie, not shadowing',
    text: compose(router('a', 'PathPrefix(`/`)', ['priority=5']), router('b', 'PathPrefix(`/upload`)', ['priority=5'])),
    expect: [],
  },
];

for (const c of cases) {
  test(`route-shadowed: ${c.name}`, () => {
    const got = run('route-shadowed', c.text);
    assert.deepEqual(
      got.map((f) => f.text),
      c.expect,
    );
    for (const f of got)
      assert.match(f.message, c.message ?? /never gets a request: "a" matches them first; raise its priority$/);
    // Sound: for a shadowed router no request may exist that reaches it (but an asterisk-form one, when it says so).
    for (const f of got) {
      const asteriskForm = !/with a path/.test(f.message);
      const shadowed = parseRule(f.text, 'v3').tree!;
      const by = (f.data?.shadowedBy as string[]).map((n) => {
        const m = new RegExp(`routers\\.${n}\\.rule=([^"]+)"`).exec(c.text)!;
        return parseRule(m[1], 'v3').tree!;
      });
      assert.equal(witnessNotCovered(compiled, shadowed, by, 'v3', { asteriskForm }), undefined);
    }
  });
}
