// The docker provider's defaultRule for a router without a rule: Traefik executes the template
// with .Name, .ContainerName and .Labels (pkg/provider/docker/config.go,
// pkg/provider/configuration.go BuildRouterConfiguration); route and config see the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, routeRequest } from '../../../server/src/analysis';

const FILE = '/work/shop/compose.yaml';

const compose = (template: string, app: string[] = []) =>
  [
    'services:',
    '  traefik:',
    '    image: traefik:v3.3',
    '    command:',
    '      - --providers.docker.exposedByDefault=false',
    `      - "--providers.docker.defaultRule=${template}"`,
    '      - --entrypoints.web.address=:80',
    '  app:',
    '    image: nginx',
    ...app,
    '    labels:',
    '      - traefik.enable=true',
    '      - traefik.http.services.app.loadbalancer.server.port=80',
    '      - team=blue',
    '',
  ].join('\n');

const cases: { name: string; text: string; url: string; rule: string | undefined }[] = [
  {
    name: '.ContainerName from container_name',
    text: compose('PathPrefix(`/{{ normalize .ContainerName }}`)', ['    container_name: App']),
    url: 'http://h/App/x',
    rule: 'PathPrefix(`/App`)',
  },
  {
    name: ".ContainerName without container_name: compose's <project>-<service>-1",
    text: compose('Host(`{{ .ContainerName }}.example`)'),
    url: 'http://shop-app-1.example/',
    rule: 'Host(`shop-app-1.example`)',
  },
  {
    name: "index .Labels of a compose label and of the container's own",
    text: compose(
      'Host(`{{ index .Labels \\"com.docker.compose.service\\" }}.{{ index .Labels \\"team\\" }}.example`)',
    ),
    url: 'http://app.blue.example/',
    rule: 'Host(`app.blue.example`)',
  },
  {
    name: '.Name as before',
    text: compose('Host(`{{ normalize .Name }}.example`)'),
    url: 'http://app-shop.example/',
    rule: 'Host(`app-shop.example`)',
  },
  {
    name: 'several replicas: each container has its own name, not guessed',
    text: compose('PathPrefix(`/{{ .ContainerName }}`)', ['    deploy:', '      replicas: 2']),
    url: 'http://h/shop-app-1',
    rule: undefined,
  },
  {
    name: 'a label the container does not carry: not guessed',
    text: compose('Host(`{{ index .Labels \\"zone\\" }}.example`)'),
    url: 'http://x.example/',
    rule: undefined,
  },
];

for (const c of cases) {
  test(`defaultRule: ${c.name}`, () => {
    const project = new Analyzer().project({ files: [{ file: FILE, text: c.text }] });
    const result = routeRequest(project, { url: c.url });
    if (c.rule === undefined) {
      assert.equal(result.winner ?? undefined, undefined);
      return;
    }
    assert.equal(result.winner?.router, 'app-shop@docker');
    assert.equal(result.winner?.rule, c.rule);
  });
}
