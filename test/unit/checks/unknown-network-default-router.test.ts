// unknown-network on a container whose only Traefik label is traefik.docker.network: Traefik
// keeps it with its default router and service (exposedByDefault), so the network name is judged
// whether or not its port can be seen here (pkg/provider/docker/config.go getIPAddress).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const compose = (command: string, labels: string[]): string =>
  [
    'services:',
    '  traefik:',
    '    image: traefik:v3.6',
    `    command: [--providers.docker=true${command}]`,
    '    networks: [traefik, prometheus]',
    '  grafana:',
    '    image: grafana/grafana-enterprise:12.3.2',
    '    labels:',
    ...labels.map((l) => `      ${l}`),
    '    networks: [traefik, prometheus]',
    'networks:',
    '  traefik:',
    '    name: services_traefik',
    '    external: true',
    '  prometheus:',
    '',
  ].join('\n');

const cases: { name: string; command?: string; labels: string[]; expect: string[] }[] = [
  {
    name: 'the image port cannot be seen, no routing label',
    labels: ['traefik.docker.network: traefik'],
    expect: ['warning traefik'],
  },
  {
    name: 'with a port label (as before)',
    labels: ['traefik.docker.network: traefik', 'traefik.http.services.g.loadbalancer.server.port: "3000"'],
    expect: ['warning traefik'],
  },
  { name: 'the right name', labels: ['traefik.docker.network: services_traefik'], expect: [] },
  {
    name: 'exposedByDefault=false without traefik.enable: Traefik skips the container',
    command: ', --providers.docker.exposedbydefault=false',
    labels: ['traefik.docker.network: traefik'],
    expect: [],
  },
  {
    name: 'traefik.enable=false',
    labels: ['traefik.enable: "false"', 'traefik.docker.network: traefik'],
    expect: [],
  },
];

for (const c of cases) {
  test(`unknown-network, default router: ${c.name}`, () => {
    const found = run('unknown-network', compose(c.command ?? '', c.labels));
    assert.deepEqual(
      found.map((f) => `${f.severity} ${f.text}`),
      c.expect,
    );
  });
}
