// missing-challenge: an ACME resolver without a challenge Traefik's ACME client can use (a
// dnsChallenge with a provider, an httpChallenge with an entryPoint, or a tlsChallenge;
// pkg/provider/acme/provider.go getClient): it obtains no certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/analysis/checks/missing-challenge';
import { findings, traefikBesideApp, type Setup } from '../static/support';

const BASE = [
  '--providers.docker',
  '--entrypoints.web.address=:80',
  '--certificatesresolvers.le.acme.email=a@example.com',
];
const MOUNT = '    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml';
const yml = (acme: string): Setup => ({
  mounted: {
    '/p/traefik.yml': `providers:\n  docker: {}\ncertificatesResolvers:\n  le:\n    acme:\n      email: a@example.com\n${acme}`,
  },
});

const cases: { name: string; flags?: string[]; extra?: string; setup?: Setup; expect: string[] }[] = [
  {
    name: 'a DNS challenge with a provider',
    flags: [...BASE, '--certificatesresolvers.le.acme.dnschallenge.provider=cloudflare'],
    expect: [],
  },
  {
    name: 'dnschallenge=true without a provider',
    flags: [...BASE, '--certificatesresolvers.le.acme.dnschallenge=true'],
    expect: ['dnschallenge: dnsChallenge has no provider: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'a DNS challenge with resolvers but no provider',
    flags: [...BASE, '--certificatesResolvers.le.acme.dnsChallenge.resolvers=1.1.1.1:53'],
    expect: ['dnsChallenge: dnsChallenge has no provider: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'a provider-less DNS challenge beside a usable HTTP challenge: Traefik uses the HTTP one',
    flags: [
      ...BASE,
      '--certificatesresolvers.le.acme.dnschallenge=true',
      '--certificatesresolvers.le.acme.httpchallenge.entrypoint=web',
    ],
    expect: [],
  },
  {
    name: 'a TLS challenge',
    flags: [...BASE, '--certificatesresolvers.le.acme.tlschallenge=true'],
    expect: [],
  },
  {
    name: 'httpchallenge without an entry point',
    flags: [...BASE, '--certificatesresolvers.le.acme.httpchallenge=true'],
    expect: ['httpchallenge: httpChallenge has no entryPoint: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'no challenge at all: on the resolver',
    flags: BASE,
    expect: ['le: certificate resolver "le" has no ACME challenge: it obtains no certificate'],
  },
  {
    name: 'dnschallenge=false and a TLS challenge',
    flags: [
      ...BASE,
      '--certificatesresolvers.le.acme.dnschallenge=false',
      '--certificatesresolvers.le.acme.tlschallenge',
    ],
    expect: [],
  },
  {
    name: 'the provider is a compose variable',
    flags: [...BASE, '--certificatesresolvers.le.acme.dnschallenge.provider=${DNS_PROVIDER}'],
    expect: [],
  },
  {
    name: 'a challenge key written with a compose variable',
    flags: [...BASE, '--certificatesresolvers.le.acme.${CHALLENGE}=true'],
    expect: [],
  },
  {
    name: 'a Tailscale resolver has no ACME challenge to give',
    flags: ['--providers.docker', '--certificatesresolvers.ts.tailscale=true'],
    expect: [],
  },
  {
    name: 'traefik.yml: dnsChallenge: {}',
    flags: [],
    extra: MOUNT,
    setup: yml('      dnsChallenge: {}\n'),
    expect: ['dnsChallenge: dnsChallenge has no provider: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'traefik.yml: dnsChallenge with only delayBeforeCheck',
    flags: [],
    extra: MOUNT,
    setup: yml('      dnsChallenge:\n        delayBeforeCheck: 10\n'),
    expect: ['dnsChallenge: dnsChallenge has no provider: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'traefik.yml: a dnsChallenge with its provider',
    flags: [],
    extra: MOUNT,
    setup: yml('      dnsChallenge:\n        provider: route53\n'),
    expect: [],
  },
  {
    name: 'traefik.yml: dnsChallenge: with a null value is no challenge; tlsChallenge is',
    flags: [],
    extra: MOUNT,
    setup: yml('      dnsChallenge:\n      tlsChallenge: {}\n'),
    expect: [],
  },
  {
    name: 'TRAEFIK_* variables: on the variable name segment',
    flags: [],
    extra:
      '    environment:\n      - TRAEFIK_PROVIDERS_DOCKER=true\n      - TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_EMAIL=a@example.com\n' +
      '      - TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_DNSCHALLENGE=true',
    expect: ['DNSCHALLENGE: dnsChallenge has no provider: certificate resolver "le" obtains no certificate'],
  },
  {
    name: 'flags Traefik ignores beside a mounted traefik.yml',
    flags: [...BASE, '--certificatesresolvers.le.acme.dnschallenge=true'],
    extra: MOUNT,
    setup: yml('      tlsChallenge: {}\n'),
    expect: [],
  },
];

for (const c of cases) {
  test(`missing-challenge: ${c.name}`, () => {
    const text = traefikBesideApp(
      c.flags ?? BASE,
      ['- traefik.http.routers.app.tls.certresolver=le'],
      c.extra,
      'traefik:v3.6',
    );
    const seen = findings(check, text, c.setup);
    assert.deepEqual(
      seen.map((f) => `${f.text}: ${f.message}`),
      c.expect,
    );
    for (const f of seen) {
      assert.equal(f.severity, 'warning');
      assert.match(f.explanation, /ACME challenge not specified/);
    }
  });
}

// After daohung2u/traefik-docker-apps: a resolver with only an email that no router names. Traefik
// asks the ACME client only for a router's certificate, so nothing fails here: an information.
const unusedCases: { name: string; labels: string[]; flags?: string[]; expect: string }[] = [
  { name: 'no router names it', labels: ['- traefik.http.routers.app.rule=Host(`a`)'], expect: 'info' },
  {
    name: 'a router names another resolver',
    labels: ['- traefik.http.routers.app.tls.certresolver=other'],
    expect: 'info',
  },
  {
    name: 'a router names it through a variable',
    labels: ['- traefik.http.routers.app.tls.certresolver=${RESOLVER}'],
    expect: 'warning',
  },
  {
    name: "an entry point's default resolver is it",
    labels: ['- traefik.http.routers.app.rule=Host(`a`)'],
    flags: [...BASE, '--entrypoints.web.http.tls.certresolver=le'],
    expect: 'warning',
  },
];

for (const c of unusedCases) {
  test(`missing-challenge: ${c.name}`, () => {
    const seen = findings(check, traefikBesideApp(c.flags ?? BASE, c.labels, '', 'traefik:v3.6'));
    assert.deepEqual(
      seen.map((f) => f.severity),
      [c.expect],
    );
    if (c.expect === 'info')
      assert.match(seen[0].explanation, /No router, entry point or dynamic file of this project/);
  });
}
