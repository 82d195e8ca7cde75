// compose-spec: what the Compose Specification's schema (the one docker compose embeds) rejects,
// on the exact node; quiet on what compose accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run, yaml } from '../../helpers';

const cases: { name: string; text: string; expect: [string, string][]; message?: RegExp }[] = [
  {
    name: 'a clean file with version, name, x- fields and top-level sections',
    text: yaml`
      version: "3.8"
      name: shop
      x-logging: &logging
        driver: json-file
      services:
        web:
          image: nginx
          x-note: anything
          logging: *logging
          ports: ["80:80", {target: 443, published: "8443"}]
          deploy: {replicas: 2}
          healthcheck: {test: ["CMD", "true"], interval: 10s}
      networks:
        default:
      volumes:
        data: {}
    `,
    expect: [],
  },
  {
    name: 'unknown service key, with the suggestion, on the key',
    text: 'services:\n  web:\n    image: nginx\n    restrat: always\n',
    expect: [['error', 'restrat']],
    message: /^unknown key "restrat": did you mean "restart"\?$/,
  },
  {
    name: 'unknown key inside build',
    text: 'services:\n  web:\n    build:\n      contxt: .\n',
    expect: [['error', 'contxt']],
    message: /in "build".*did you mean "context"/,
  },
  {
    name: 'a wrong type, on the value',
    text: 'services:\n  web:\n    image: nginx\n    ports: 80\n',
    expect: [['error', '80']],
    message: /^"ports" must be a list, not 80/,
  },
  {
    name: 'a duration written as a number',
    text: 'services:\n  web:\n    image: nginx\n    healthcheck:\n      interval: 10\n',
    expect: [['error', '10']],
  },
  {
    name: 'an unknown top-level key',
    text: 'services:\n  web:\n    image: nginx\nvolumess: {}\n',
    expect: [['error', 'volumess']],
    message: /did you mean "volumes"/,
  },
  {
    name: 'an unknown key under a top-level network',
    text: 'services:\n  web:\n    image: nginx\nnetworks:\n  a:\n    driverr: bridge\n',
    expect: [['error', 'driverr']],
  },
  {
    name: 'interpolated values are compose business: "${PORT}" where a number is wanted',
    text: yaml`
      services:
        web:
          image: nginx
          ports: ["\${PORT}:80", {target: "\${TARGET}"}]
          deploy:
            replicas: \${REPLICAS:-1}
          privileged: \${PRIVILEGED}
          healthcheck:
            retries: \${RETRIES}
    `,
    expect: [],
  },
  {
    name: 'an unknown key from a merge key points at the anchor',
    text: yaml`
      x-base: &base
        restart: always
        imagee: nginx
      services:
        web:
          <<: *base
          image: nginx
    `,
    expect: [['error', 'imagee']],
  },
  {
    name: 'the mapping wins over the merged keys: no error for a key it replaces',
    text: yaml`
      x-base: &base
        ports: 80
      services:
        web:
          <<: [*base]
          image: nginx
          ports: ["80"]
    `,
    expect: [],
  },
  {
    name: '!reset drops the key before validation',
    text: 'services:\n  web:\n    image: nginx\n    ports: !reset 80\n',
    expect: [],
  },
  {
    name: 'repeated list items: compose removes them before validating',
    text: 'services:\n  web:\n    image: nginx\n    cap_add: [NET_ADMIN, NET_ADMIN]\n',
    expect: [],
  },
  {
    // Reduced from Haxxnet/Compose-Examples examples/upsnap/docker-compose.yml (TZ listed twice):
    // compose-go's loader runs override.EnforceUnicity (services.*.environment) before the schema,
    // so the list branch of list_or_dict passes and the mapping branch's type error is no error.
    name: 'a repeated item in a list_or_dict list: not "must be a mapping"',
    text: 'services:\n  web:\n    image: nginx\n    environment:\n      - TZ=UTC\n      - A=1\n      - TZ=UTC\n',
    expect: [],
  },
  {
    name: 'a repeated item beside a wrong item type: the item is still an error',
    text: 'services:\n  web:\n    image: nginx\n    environment:\n      - TZ=UTC\n      - TZ=UTC\n      - [1]\n',
    expect: [['error', '[1]']],
  },
  {
    name: 'an empty value where a mapping or list is wanted: compose keeps the null and refuses it',
    text: 'services:\n  web:\n    image: nginx\n    environment:\n    labels: []\n',
    expect: [['error', 'environment']],
  },
  {
    // The mapping branch had the right type and failed on its member: the string branch's type
    // error on the same node is noise.
    name: 'a half-typed include mapping: the empty member alone, not "must be a string"',
    text: 'include:\n  - path:\nservices:\n  web:\n    image: nginx\n',
    expect: [['warning', 'path']],
  },
  {
    name: 'a half-typed extends mapping: the empty service alone',
    text: 'services:\n  web:\n    image: nginx\n    extends: {file: base.yml, service: }\n',
    expect: [['warning', 'service']],
  },
  {
    name: 'a wrong version type: compose ignores version, a warning',
    text: 'version: 3.8\nservices:\n  web:\n    image: nginx\n',
    expect: [['warning', '3.8']],
  },
  {
    name: 'a YAML error is yaml-syntax alone',
    text: 'services:\n  web:\n    image: nginx\n    ports: [80\n',
    expect: [],
  },
  {
    name: 'include, develop and models: current compose keys',
    text: yaml`
      include:
        - path: ./other.yml
      services:
        web:
          image: nginx
          develop:
            watch:
              - action: sync
                path: ./src
                target: /app
          models: [llm]
      models:
        llm:
          model: ai/smollm2
    `,
    expect: [],
  },
];

for (const c of cases) {
  test(`compose-spec: ${c.name}`, () => {
    const found = run('compose-spec', c.text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      c.expect,
    );
    if (c.message) assert.match(found[0].message, c.message);
    for (const f of found) assert.match(f.explanation, /^docker compose validates (every file|files) against/);
    for (const f of found) assert.ok(f.message.length <= 100, `long message: ${f.message}`);
  });
}

test('compose-spec: the compiled validators are those of schemas/compose-spec.json', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const dir = mkdtempSync(path.join(tmpdir(), 'gl-compose-spec-'));
  const out = path.join(dir, 'validate.js');
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'generate-compose-validator.mjs'), out], { cwd: root });
    assert.equal(
      readFileSync(path.join(root, 'schemas', 'compose-spec.validate.js'), 'utf8'),
      readFileSync(out, 'utf8'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A string command compose-go cannot split (go-shellwords, types/command.go ShellCommand).
const commands: { name: string; text: string; expect: [string, string][] }[] = [
  {
    name: 'a rule with its ( outside quotes: refused, on the (',
    text: 'services:\n  t:\n    image: traefik\n    command: --providers.docker.defaultRule=Host(`{{ .Name }}.x`)\n',
    expect: [['error', '(']],
  },
  {
    name: 'the same rule in quotes: split',
    text: 'services:\n  t:\n    image: traefik\n    command: --providers.docker.defaultRule="Host(`{{ .Name }}.x`)"\n',
    expect: [],
  },
  {
    name: 'a quote left open: the whole string',
    text: 'services:\n  t:\n    image: traefik\n    command: "--log.level=\'DEBUG"\n',
    expect: [['error', '"--log.level=\'DEBUG"']],
  },
  {
    name: 'a pipe: what compose drops',
    text: 'services:\n  t:\n    image: alpine\n    entrypoint: sh -c echo | tee /x\n',
    expect: [['warning', '| tee /x']],
  },
  {
    // After JimsGarage rClone/mount: nothing follows the `&`, so no word is lost.
    name: 'a lone trailing &: nothing dropped, nothing said',
    text: 'services:\n  t:\n    image: rclone/rclone\n    command: "mount remote:/folder /data --allow-other &"\n',
    expect: [],
  },
  {
    name: 'a & with words after it: what compose drops',
    text: 'services:\n  t:\n    image: alpine\n    command: "sleep 1 & echo hi"\n',
    expect: [['warning', '"sleep 1 & echo hi"']],
  },
  {
    name: 'a list is not split',
    text: 'services:\n  t:\n    image: traefik\n    command:\n      - --providers.docker.defaultRule=Host(`{{ .Name }}.x`)\n',
    expect: [],
  },
  {
    name: 'a compose variable in it: left to compose',
    text: 'services:\n  t:\n    image: traefik\n    command: --a=${X} Host(`y`)\n',
    expect: [],
  },
];

for (const c of commands) {
  test(`compose-spec: string command, ${c.name}`, () => {
    const found = run('compose-spec', c.text);
    assert.deepEqual(
      found.map((f) => [f.severity, f.text]),
      c.expect,
    );
    for (const f of found) assert.match(f.explanation, /go-shellwords \(types\/command.go ShellCommand\)/);
  });
}
