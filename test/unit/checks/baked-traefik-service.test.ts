// A Traefik built from the project's Dockerfile (`build: ./traefik`, `FROM traefik:v3.1`) is the
// project's Traefik service for every check that asks (Project.traefikService), exactly as
// `image: traefik:v3.1` is: network reach, its own missing-port exemption, the dashboard loop and
// the v1 information. Each row runs both forms and expects the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll } from '../../helpers';

const STATIC = 'entryPoints:\n  web:\n    address: ":80"\napi:\n  insecure: true\nproviders:\n  docker: {}\n';

interface Case {
  name: string;
  /** The Traefik service's keys after image:/build: (indented four spaces). */
  traefik: string;
  /** The other services (indented two spaces), and top-level keys after them. */
  rest: string;
  /** The image the image form names, and the baked form's FROM. */
  image?: string;
  /** Traefik's configuration file, COPYed (baked) or mounted (image) to /etc/traefik/. */
  config?: { name: string; text: string };
  /** `code text` of the findings of `codes`. */
  expect: string[];
  codes: string[];
}

const APP = (networks: string): string => `  app:
    image: nginx
    networks: [${networks}]
    labels:
      - traefik.http.routers.app.rule=Host(\`a.example\`)
      - traefik.http.routers.app.entrypoints=web
`;

const cases: Case[] = [
  {
    name: 'Traefik shares no network with the app: network-unreachable',
    traefik: '    networks: [front]\n',
    rest: `${APP('back')}networks:\n  front: {}\n  back: {}\n`,
    codes: ['network-unreachable'],
    expect: ['network-unreachable back'],
  },
  {
    name: 'Traefik on the app network: nothing',
    traefik: '    networks: [front, back]\n',
    rest: `${APP('back')}networks:\n  front: {}\n  back: {}\n`,
    codes: ['network-unreachable'],
    expect: [],
  },
  {
    name: 'a dashboard router on Traefik itself without api@internal: dashboard-loop',
    traefik:
      '    labels:\n      - traefik.http.routers.dashboard.rule=PathPrefix(`/dashboard`)\n      - traefik.http.routers.dashboard.entrypoints=web\n',
    rest: '',
    codes: ['dashboard-loop'],
    expect: ['dashboard-loop PathPrefix(`/dashboard`)'],
  },
  {
    name: 'Traefik itself with a router and no port of its own: no missing-port (its image EXPOSEs 80)',
    traefik:
      '    labels:\n      - traefik.http.routers.api.rule=Host(`t.example`)\n      - traefik.http.routers.api.service=api@internal\n      - traefik.http.services.api.loadbalancer.passhostheader=true\n',
    rest: '',
    image: 'traefik:v3.1',
    codes: ['missing-port'],
    expect: [],
  },
  {
    name: 'Traefik itself publishing 80 and 443 with a router on its own service: no lowest-port information',
    traefik:
      '    ports: ["80:80", "443:443"]\n    labels:\n      - traefik.http.routers.ping.rule=Path(`/ping`)\n      - traefik.http.services.ping.loadbalancer.passhostheader=true\n',
    rest: '',
    codes: ['missing-port'],
    expect: [],
  },
  {
    name: 'Traefik v1: one information, nothing judged',
    traefik: '',
    rest: '  app:\n    image: nginx\n    labels:\n      - traefik.frontend.rule=Host:a.example\n',
    image: 'traefik:1.7',
    codes: ['traefik-v1', 'unknown-label'],
    expect: ['traefik-v1 <image>'],
  },
  {
    name: 'its traefik.yml with an unknown key: unknown-static-key there',
    traefik: '',
    rest: '',
    config: { name: 'traefik.yml', text: 'entryPoints:\n  web:\n    adress: ":80"\n' },
    codes: ['unknown-static-key'],
    expect: ['unknown-static-key adress'],
  },
  {
    name: 'its traefik.toml is a v1 file under traefik:v3.1: once',
    traefik: '',
    rest: '',
    config: {
      name: 'traefik.toml',
      text: 'defaultEntryPoints = ["http"]\n[entryPoints]\n  [entryPoints.http]\n  address = ":80"\n[docker]\nwatch = true\n',
    },
    codes: ['unknown-static-key', 'traefik-v1'],
    expect: ['unknown-static-key defaultEntryPoints'],
  },
];

for (const c of cases) {
  const image = c.image ?? 'traefik:v3.1';
  const config = c.config ?? { name: 'traefik.yml', text: STATIC };
  const host = `/project/traefik/${config.name}`;
  const forms = {
    image: {
      head: image.startsWith('traefik:1')
        ? `    image: ${image}\n`
        : `    image: ${image}\n    volumes:\n      - ./traefik/${config.name}:/etc/traefik/${config.name}:ro\n`,
      at: image,
      mounted: { [host]: config.text },
    },
    baked: {
      head: '    build: ./traefik\n',
      at: './traefik',
      mounted: {
        '/project/traefik/Dockerfile': `FROM ${image}\nCOPY ${config.name} /etc/traefik/\n`,
        [host]: config.text,
      },
    },
  };
  for (const [form, f] of Object.entries(forms)) {
    test(`baked Traefik service (${form} form): ${c.name}`, () => {
      const text = `services:\n  traefik:\n${f.head}${c.traefik}${c.rest}`;
      const found = runAll(text, { mounted: f.mounted })
        .filter((x) => c.codes.includes(x.code))
        .map((x) => `${x.code} ${x.text}`);
      assert.deepEqual(
        found,
        c.expect.map((e) => e.replace('<image>', f.at)),
      );
    });
  }
}
