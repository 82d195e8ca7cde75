// ignored-static-config: the static configuration sources Traefik never reads (flags beside a
// configuration file, variables beside a file or flags) and dynamic configuration in variables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/ignored-static-config';
import { findings, type Setup } from '../static/support';

const MOUNT = '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n';
const FILE: Setup = { mounted: { '/p/traefik.yml': 'entryPoints:\n  web:\n    address: ":80"\n' } };

function compose(body: string): string {
  return `services:\n  traefik:\n    image: traefik:v3.1\n${body}`;
}

const cases: {
  name: string;
  text: string;
  setup?: Setup;
  expect: { text: string; message: RegExp; related?: string[] }[];
}[] = [
  {
    name: 'flags beside a mounted file: one finding on the first flag, the others related',
    text: compose(`    command:\n      - --api.insecure\n      - --log.level=DEBUG\n${MOUNT}`),
    setup: FILE,
    expect: [
      {
        text: '--api.insecure',
        message: /^Traefik ignores these 2 command flags: move them into \/etc\/traefik\/traefik.yml$/,
        related: [
          '/p/docker-compose.yml: ./traefik.yml:/etc/traefik/traefik.yml:ro',
          '/p/docker-compose.yml: --log.level=DEBUG',
        ],
      },
    ],
  },
  {
    name: 'variables beside a mounted file',
    text: compose(`    environment:\n      TRAEFIK_LOG_LEVEL: DEBUG\n${MOUNT}`),
    setup: FILE,
    expect: [
      {
        text: 'TRAEFIK_LOG_LEVEL',
        message: /^Traefik ignores TRAEFIK_LOG_LEVEL: move it into \/etc\/traefik\/traefik.yml$/,
      },
    ],
  },
  {
    name: 'variables beside flags',
    text: compose(
      '    command: --providers.docker\n    environment:\n      - TRAEFIK_LOG_LEVEL=DEBUG\n      - TRAEFIK_API=true\n',
    ),
    expect: [
      {
        text: 'TRAEFIK_LOG_LEVEL',
        message: /^Traefik ignores these 2 TRAEFIK_\* variables: write them as flags$/,
      },
    ],
  },
  {
    name: 'dynamic configuration in variables: one finding each, with the label to write',
    text: compose(
      '    environment:\n      - TRAEFIK_HTTP_ROUTERS_API_RULE=Host(`x`)\n      - TRAEFIK_HTTP_ROUTERS_API_SERVICE=api@internal\n',
    ),
    expect: [
      {
        text: 'TRAEFIK_HTTP_ROUTERS_API_RULE',
        message: /^Traefik never reads TRAEFIK_HTTP_ROUTERS_API_RULE: use the label traefik\.http\.routers\.api\.rule$/,
      },
      { text: 'TRAEFIK_HTTP_ROUTERS_API_SERVICE', message: /the label traefik\.http\.routers\.api\.service$/ },
    ],
  },
  {
    name: 'one source alone: nothing',
    text: compose('    environment:\n      - TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80\n      - TZ=UTC\n'),
    expect: [],
  },
  {
    name: '--configFile is how the file is chosen, not an ignored flag',
    text: compose('    command: --configFile=/etc/traefik/traefik.yml\n' + MOUNT),
    setup: FILE,
    expect: [],
  },
  {
    name: 'a file named by --configFile that no volume mounts is not known to win: nothing',
    text: compose(
      '    command:\n      - --configFile=/config/traefik.yml\n      - --api.insecure\n    environment:\n      - TRAEFIK_LOG_LEVEL=DEBUG\n',
    ),
    expect: [],
  },
];

for (const c of cases) {
  test(`ignored-static-config: ${c.name}`, () => {
    const seen = findings(check, c.text, c.setup);
    assert.equal(seen.length, c.expect.length, JSON.stringify(seen));
    c.expect.forEach((e, i) => {
      assert.equal(seen[i].severity, 'warning');
      assert.equal(seen[i].text, e.text);
      assert.match(seen[i].message, e.message);
      assert.match(
        seen[i].explanation,
        /^Traefik reads (its static configuration from one source|only static configuration)/,
      );
      if (e.related) assert.deepEqual(seen[i].related, e.related);
    });
  });
}
