// literal-variable: Traefik reads `${VAR}` in its static configuration file as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/literal-variable';
import { findings } from '../static/support';

const MOUNT = (name: string) => `    volumes:\n      - ./${name}:/etc/traefik/${name}:ro\n`;

function compose(extra = '', name = 'traefik.yml'): string {
  return `services:\n  traefik:\n    image: traefik:v3.1\n${extra}${MOUNT(name)}`;
}

const ACME = 'certificatesResolvers:\n  le:\n    acme:\n      email: ${ACME_EMAIL}\n      storage: /acme.json\n';

const cases: {
  name: string;
  text: string;
  file?: string;
  static: string;
  env?: string;
  mounted?: Record<string, string>;
  expect: string[];
}[] = [
  { name: 'an email from a variable', text: compose(), static: ACME, expect: ['${ACME_EMAIL}'] },
  {
    name: 'a default and a bare $NAME the service sets, quoted',
    text: compose('    environment:\n      LOG_DIR: /logs\n'),
    static:
      'log:\n  level: "${LOG_LEVEL:-INFO}"\napi:\n  dashboard: true\naccessLog:\n  filePath: "$LOG_DIR/access.log"\n',
    expect: ['${LOG_LEVEL:-INFO}', '$LOG_DIR'],
  },
  {
    name: 'TOML',
    file: 'traefik.toml',
    text: compose('', 'traefik.toml'),
    static: '[certificatesResolvers.le.acme]\n  email = "${ACME_EMAIL}"\n',
    expect: ['${ACME_EMAIL}'],
  },
  // retrial U1: a `$` in a secret. A bare $NAME counts only when the project sets NAME.
  {
    name: 'a bare $NAME the project sets nowhere: a $ in a password',
    text: compose('    environment:\n      OTHER: x\n'),
    static: 'providers:\n  redis:\n    password: "Sup3r$ECRET"\n',
    expect: [],
  },
  {
    name: 'the same name in braces: a variable',
    text: compose(),
    static: 'providers:\n  redis:\n    password: "${ECRET}"\n',
    expect: ['${ECRET}'],
  },
  {
    name: 'a bare $NAME that .env sets',
    text: compose(),
    env: 'ECRET=x\n',
    static: 'providers:\n  redis:\n    password: "Sup3r$ECRET"\n',
    expect: ['$ECRET'],
  },
  {
    name: "a bare $NAME the Traefik service's env_file sets",
    text: compose('    env_file: traefik.env\n'),
    mounted: { '/p/traefik.env': 'ECRET=x\n' },
    static: 'providers:\n  redis:\n    password: "Sup3r$ECRET"\n',
    expect: ['$ECRET'],
  },
  { name: 'no variable', text: compose(), static: 'log:\n  level: INFO\n', expect: [] },
  {
    name: 'a lower-case $ and a regexp end are not variables',
    text: compose(),
    static: 'accessLog:\n  filters:\n    statusCodes: ["400-499"]\nlog:\n  filePath: /logs/$date.log\n',
    expect: [],
  },
  {
    name: 'a script renders the file first',
    text: compose('    entrypoint: ["/bin/sh", "-c", "envsubst < /t > /etc/traefik/traefik.yml && traefik"]\n'),
    static: ACME,
    expect: [],
  },
  {
    // retrial F3: the image's ENTRYPOINT runs the mounted script, which runs envsubst.
    name: "a script mounted over the image's /entrypoint.sh renders the file first",
    text: compose().replace('volumes:\n', 'volumes:\n      - ./entrypoint.sh:/entrypoint.sh:ro\n'),
    static: ACME,
    expect: [],
  },
  {
    name: 'a mounted /entrypoint.sh that an entrypoint: [traefik] never runs',
    text: compose('    entrypoint: ["traefik"]\n').replace(
      'volumes:\n',
      'volumes:\n      - ./entrypoint.sh:/entrypoint.sh:ro\n',
    ),
    static: ACME,
    expect: ['${ACME_EMAIL}'],
  },
  {
    name: "Traefik's own entrypoint",
    text: compose('    entrypoint: ["/entrypoint.sh"]\n'),
    static: ACME,
    expect: ['${ACME_EMAIL}'],
  },
];

for (const c of cases) {
  test(`literal-variable: ${c.name}`, () => {
    const mounted = { ...c.mounted, [`/p/${c.file ?? 'traefik.yml'}`]: c.static };
    const got = findings(check, c.text, { mounted, env: c.env });
    assert.deepEqual(
      got.map((f) => f.text),
      c.expect,
      JSON.stringify(got, null, 1),
    );
  });
}

test('literal-variable: message and what to do', () => {
  const [f] = findings(check, compose(), { mounted: { '/p/traefik.yml': ACME } });
  assert.equal(
    f.message,
    'Traefik does not expand ${ACME_EMAIL} in its static configuration: certificatesResolvers.le.acme.email is "${ACME_EMAIL}" as written',
  );
  assert.match(f.explanation, /--certificatesresolvers\.le\.acme\.email=\$\{ACME_EMAIL\}/);
});
