// A finding on text written under a YAML anchor has related information at each alias that
// brings it into a service, naming the service (issue 11 item 1: a shared x- anchor's typo drops
// every service that merges it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';

const FILE = '/project/docker-compose.yml';

const cases: { name: string; text: string; expect: string[] }[] = [
  {
    name: 'an x- anchor merged with <<: into two services',
    text: [
      'x-traefik: &traefik-labels',
      '  traefik.enable: "true"',
      '  traefik.http.routers.web.tls.certresolvr: le',
      'services:',
      '  web:',
      '    image: nginx',
      '    labels:',
      '      <<: *traefik-labels',
      '  api:',
      '    image: nginx',
      '    labels:',
      '      <<: *traefik-labels',
      '',
    ].join('\n'),
    // One finding per service reading the label, each pointing at both aliases.
    expect: [
      'certresolvr: *traefik-labels service "web" reads this through *traefik-labels',
      'certresolvr: *traefik-labels service "api" reads this through *traefik-labels',
      'certresolvr: *traefik-labels service "web" reads this through *traefik-labels',
      'certresolvr: *traefik-labels service "api" reads this through *traefik-labels',
    ],
  },
  {
    name: 'a list anchor used as the whole labels, through another anchor',
    text: [
      'x-labels: &labels',
      '  - traefik.http.routers.app.rulle=Host(`a.test`)',
      'x-app: &app',
      '  image: nginx',
      '  labels: *labels',
      'services:',
      '  app:',
      '    <<: *app',
      '',
    ].join('\n'),
    expect: ['rulle: *app service "app" reads this through *app'],
  },
  {
    name: 'a whole-service anchor: the service that merges it',
    text: [
      'services:',
      '  web: &web',
      '    image: nginx',
      '    labels:',
      '      traefik.http.services.web.loadbalancer.server.prot: "80"',
      '  worker:',
      '    <<: *web',
      '',
    ].join('\n'),
    // web's own finding and worker's, at the same text.
    expect: [
      'prot: *web service "worker" reads this through *web',
      'prot: *web service "worker" reads this through *web',
    ],
  },
  {
    name: 'a finding outside any anchor has none',
    text: [
      'x-base: &base',
      '  image: nginx',
      'services:',
      '  web:',
      '    <<: *base',
      '    labels:',
      '      traefik.http.routers.web.rulle: Host(`a.test`)',
      '',
    ].join('\n'),
    expect: ['rulle:'],
  },
];

for (const c of cases) {
  test(`anchor related: ${c.name}`, () => {
    const { findings } = new Analyzer().analyze({ files: [{ file: FILE, text: c.text }] });
    const got = findings
      .filter((f) => f.code === 'unknown-label')
      .flatMap((f) => {
        const at = c.text.slice(f.range.start, f.range.end);
        const related = (f.related ?? []).filter((r) => r.message.includes('reads this through'));
        if (related.length === 0) return [`${at}:`];
        return related.map((r) => `${at}: ${c.text.slice(r.range.start, r.range.end)} ${r.message}`);
      });
    assert.deepEqual(got, c.expect);
  });
}
