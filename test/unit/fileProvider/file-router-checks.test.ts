// rule-syntax and undefined-entrypoint on the file provider's routers (trial6 min-6: a dynamic
// file's `entryPoints: [websecur]` and `rule: Host(`x`) && PathPrefix(/api)` gave no finding):
// Traefik builds a file router as it builds a label router, so the same mistakes disable it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const compose = (file: string) => `services:
  traefik:
    image: traefik:v3.1
    command:
      - --entrypoints.web.address=:80
      - --entrypoints.websecure.address=:443
      - --entrypoints.dns.address=:53/udp
      - --providers.file.filename=/etc/traefik/${file}
    volumes:
      - ./${file}:/etc/traefik/${file}:ro
`;

const SERVICES = '  services:\n    app:\n      loadBalancer:\n        servers:\n          - url: http://10.0.0.1\n';
const yamlRouter = (fields: string) => `http:\n  routers:\n    app:\n${fields}      service: app\n${SERVICES}`;

const cases: { name: string; file?: string; dynamic: string; expect: string[] }[] = [
  {
    name: 'an entry point the static configuration lacks: error, with the suggestion',
    dynamic: yamlRouter('      entryPoints: [websecur]\n      rule: Host(`a.example`)\n'),
    expect: ['undefined-entrypoint error websecur did you mean "websecure"?'],
  },
  {
    name: 'one of two entry points unknown: a warning (the router keeps the other)',
    dynamic: yamlRouter('      entryPoints:\n        - web\n        - websecur\n      rule: Host(`a.example`)\n'),
    expect: ['undefined-entrypoint warning websecur did you mean "websecure"?'],
  },
  {
    name: 'a UDP entry point on an HTTP router',
    dynamic: yamlRouter('      entryPoints: [dns]\n      rule: Host(`a.example`)\n'),
    expect: ['undefined-entrypoint error dns'],
  },
  {
    name: 'no entryPoints: the default ones, nothing to judge',
    dynamic: yamlRouter('      rule: Host(`a.example`)\n'),
    expect: [],
  },
  {
    name: 'a path without backticks (min-6), plain scalar: the exact text',
    dynamic: yamlRouter('      entryPoints: [websecure]\n      rule: Host(`x.example`) && PathPrefix(/api)\n'),
    expect: ['rule-syntax error /api'],
  },
  {
    name: 'an unknown matcher in a double-quoted rule: the matcher itself',
    dynamic: yamlRouter('      entryPoints: [websecure]\n      rule: "Host(`a.example`) && Pathh(`/x`)"\n'),
    expect: ['rule-syntax error Pathh did you mean "Path"?'],
  },
  {
    name: 'a TOML router',
    file: 'dynamic.toml',
    dynamic:
      '[http.routers.app]\n  entryPoints = ["websecur"]\n  rule = "Host(`a.example`) && Pathh(`/x`)"\n  service = "app"\n[http.services.app.loadBalancer]\n  [[http.services.app.loadBalancer.servers]]\n    url = "http://10.0.0.1"\n',
    // TOML arrays keep no item ranges here: the whole value.
    expect: [
      'rule-syntax error Pathh did you mean "Path"?',
      'undefined-entrypoint error ["websecur"] did you mean "websecure"?',
    ],
  },
  {
    name: 'a template in the router’s own fields: not judged',
    dynamic: yamlRouter('      entryPoints: [{{ env "EP" }}]\n      rule: "Host(`{{ env "D" }}`) && Pathh(`/x`)"\n'),
    expect: [],
  },
  {
    name: 'a template elsewhere in the file: this router is judged',
    dynamic: yamlRouter('      entryPoints: [websecur]\n      rule: Host(`a.example`)\n').replace(
      'http://10.0.0.1',
      '{{ env "APP_URL" }}',
    ),
    expect: ['undefined-entrypoint error websecur did you mean "websecure"?'],
  },
  {
    name: 'a file Traefik refuses: its routers are not loaded, not judged',
    dynamic: yamlRouter('      entryPoints: [websecur]\n      rule: Host(`a.example`)\n') + '  bad: [\n',
    expect: [],
  },
];

for (const c of cases) {
  test(`file-router checks: ${c.name}`, () => {
    const file = c.file ?? 'dynamic.yml';
    const found = runAll(compose(file), { mounted: { [`/project/${file}`]: c.dynamic } })
      .filter((f) => f.code === 'rule-syntax' || f.code === 'undefined-entrypoint')
      .map(
        (f) =>
          `${f.code} ${f.severity} ${f.text}${/did you mean "[^"]+"\?$/.exec(f.message) ? ` ${/did you mean "[^"]+"\?$/.exec(f.message)![0]}` : ''}`,
      );
    assert.deepEqual(found, c.expect);
  });
}
