// A Traefik service built from the project's Dockerfile (`build: ./traefik`, `FROM traefik:2.2`,
// `COPY traefik.yml /etc/traefik/`): Traefik reads the files COPY puts in the image
// (trial m-baked, BilalAlpaslan/gateway-authn-and-authz).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/analysis';
import { runAll } from '../../helpers';

const STATIC = 'entryPoints:\n  web:\n    address: ":80"\nproviders:\n  docker: {}\n';
const OTHER = 'entryPoints:\n  webb:\n    address: ":80"\nproviders:\n  docker: {}\n';

const compose = (gateway: string): string => `services:
  gateway:
${gateway}
  app:
    image: nginx
    labels:
      - traefik.http.routers.app.rule=Host(\`a.example\`)
      - traefik.http.routers.app.entrypoints=webb
`;

const BUILD = '    build: ./traefik';

interface Case {
  name: string;
  gateway?: string;
  dockerfile: string;
  files?: Record<string, string>;
  /** undefined-entrypoint findings' text: `webb` when the baked traefik.yml (entry point web) is read. */
  expect: string[];
}

const cases: Case[] = [
  {
    name: 'COPY of traefik.yml into /etc/traefik/: read',
    dockerfile: 'FROM traefik:2.2\nCOPY traefik.yml /etc/traefik/\nEXPOSE 80\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'COPY to the file path itself',
    dockerfile: 'FROM traefik:v3.1\nCOPY conf/static.yml /etc/traefik/traefik.yml\n',
    files: { 'conf/static.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'COPY of a folder copies its content',
    dockerfile: 'FROM traefik:v3.1\nCOPY conf/ /etc/traefik/\n',
    files: { 'conf/traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'relative destination from WORKDIR',
    dockerfile: 'FROM traefik:v3.1\nWORKDIR /etc/traefik\nCOPY traefik.yml .\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'multi-stage: the last stage is built, COPY --from elsewhere does not matter',
    dockerfile:
      'FROM golang:1.22 AS plugin\nCOPY traefik.yml /etc/traefik/\nRUN go build -o /p .\nFROM traefik:v3.1\nCOPY --from=plugin /p /plugins-local/p\nCOPY traefik.yml /etc/traefik/traefik.yml\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'build.target picks the stage; a stage FROM another keeps its files',
    gateway: '    build:\n      context: ./traefik\n      target: gw',
    dockerfile: 'FROM traefik:v3.1 AS base\nCOPY traefik.yml /etc/traefik/\nFROM base AS gw\nFROM nginx AS other\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'COPY --from into /etc/traefik: the file is not seen, nothing is judged',
    dockerfile:
      'FROM alpine AS gen\nRUN echo > /t.yml\nFROM traefik:v3.1\nCOPY --from=gen /t.yml /etc/traefik/traefik.yml\n',
    expect: [],
  },
  {
    name: 'a wildcard COPY into /etc/traefik/: not seen',
    dockerfile: 'FROM traefik:v3.1\nCOPY *.yml /etc/traefik/\n',
    files: { 'traefik.yml': STATIC },
    expect: [],
  },
  {
    name: 'CMD --configFile naming a file the image lacks: Traefik falls back to /etc/traefik (paerser cli/file_finder.go Find)',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nCMD ["--configFile=/etc/other.yml"]\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: "compose's command replaces the Dockerfile's CMD",
    gateway: `${BUILD}\n    command: [--providers.docker, --entrypoints.web.address=:80]`,
    dockerfile: 'FROM traefik:v3.1\nCMD ["--api"]\n',
    expect: ['webb'],
  },
  {
    name: 'CMD flags beside a baked traefik.yml: Traefik loads the file and ignores them',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nCMD ["--log.level=DEBUG"]\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'CMD flags and no file: Traefik reads flags no compose file shows, unknown',
    dockerfile: 'FROM traefik:v3.1\nCMD ["--providers.docker", "--entrypoints.web.address=:80"]\n',
    expect: [],
  },
  {
    name: 'CMD --configFile naming the baked file: read',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /config/gw.yml\nCMD ["traefik", "--configFile=/config/gw.yml"]\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'an ENTRYPOINT script: the baked traefik.yml is still the file Traefik finds (as with entrypoint: in compose)',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nCOPY start.sh /\nENTRYPOINT ["/start.sh"]\n',
    files: { 'traefik.yml': STATIC, 'start.sh': '#!/bin/sh\n' },
    expect: ['webb'],
  },
  {
    name: 'an ENTRYPOINT script and no file: unknown',
    dockerfile: 'FROM traefik:v3.1\nCOPY start.sh /\nENTRYPOINT ["/start.sh"]\n',
    files: { 'start.sh': '#!/bin/sh\n' },
    expect: [],
  },
  {
    name: 'a RUN that writes /etc/traefik: what is there is not seen',
    dockerfile:
      'FROM traefik:v3.1\nCOPY tpl.yml /tmp/tpl.yml\nRUN mkdir -p /etc/traefik && envsubst < /tmp/tpl.yml > /etc/traefik/traefik.yml\n',
    files: { 'tpl.yml': STATIC },
    expect: [],
  },
  {
    name: 'a RUN after the COPY that does not name the file: the file is read',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nRUN mkdir -p /var/log/traefik\n',
    files: { 'traefik.yml': STATIC },
    expect: ['webb'],
  },
  {
    name: 'ENV TRAEFIK_* in the Dockerfile and no file: the variables are not read, unknown',
    gateway: `${BUILD}\n    environment:\n      - TRAEFIK_PROVIDERS_DOCKER=true`,
    dockerfile: 'FROM traefik:v3.1\nENV TRAEFIK_ENTRYPOINTS_WEBB_ADDRESS=:80\n',
    expect: [],
  },
  {
    name: "a script copied over the image's /entrypoint.sh renders the file first: the baked template is not judged",
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nCOPY start.sh /entrypoint.sh\n',
    files: { 'traefik.yml': STATIC, 'start.sh': '#!/bin/sh\nenvsubst\n' },
    expect: ['webb'],
  },
  {
    name: 'a volume over /etc/traefik hides the baked file',
    gateway: `${BUILD}\n    volumes:\n      - ./conf:/etc/traefik:ro`,
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\n',
    files: { 'traefik.yml': STATIC, '../conf/traefik.yml': OTHER },
    expect: [],
  },
  {
    name: 'not a Traefik image: not the Traefik service',
    dockerfile: 'FROM nginx\nCOPY traefik.yml /etc/traefik/\n',
    files: { 'traefik.yml': STATIC },
    expect: [],
  },
  {
    name: 'a dynamic file copied where providers.file.filename points is read',
    dockerfile: 'FROM traefik:v3.1\nCOPY traefik.yml dynamic.yml /etc/traefik/\n',
    files: {
      'traefik.yml': `${STATIC}  file:\n    filename: /etc/traefik/dynamic.yml\n`,
      'dynamic.yml': 'http:\n  middlewares:\n    auth:\n      basicAuth:\n        users: ["u:p"]\n',
    },
    expect: ['webb'],
  },
];

const mounted = (c: Case): Record<string, string> => {
  const out: Record<string, string> = { '/project/traefik/Dockerfile': c.dockerfile };
  for (const [name, text] of Object.entries(c.files ?? {}))
    out[`/project/traefik/${name}`.replace('/traefik/../', '/')] = text;
  return out;
};

for (const c of cases) {
  test(`baked Traefik image: ${c.name}`, () => {
    const got = runAll(compose(c.gateway ?? BUILD), { mounted: mounted(c) })
      .filter((f) => f.code === 'undefined-entrypoint')
      .map((f) => f.text);
    assert.deepEqual(got, c.expect);
  });
}

test('baked Traefik image: FROM traefik:${TAG} with no value is Traefik of unknown version', () => {
  const files = mounted({
    name: '',
    dockerfile: 'ARG TAG\nFROM traefik:${TAG}\nCOPY traefik.yml /etc/traefik/\n',
    files: { 'traefik.yml': STATIC },
    expect: [],
  });
  const analyzer = new Analyzer();
  const input = {
    files: [{ file: '/project/docker-compose.yml', text: compose(BUILD) }],
    readFile: (p: string) => files[p],
  };
  assert.equal(analyzer.project(input).versionFact.source, 'unknown');
  assert.deepEqual(analyzer.analyze(input).findings.filter((f) => f.code === 'undefined-entrypoint').length, 1);
});

test('baked Traefik image: a copied traefik.yml is not interpolated, unless a script copied over /entrypoint.sh renders it', () => {
  const literal = (dockerfile: string): number => {
    const files = mounted({
      name: '',
      dockerfile,
      files: { 'traefik.yml': `${STATIC}log:\n  filePath: \${LOG_PATH}\n`, 'start.sh': '#!/bin/sh\n' },
      expect: [],
    });
    return runAll(compose(BUILD), { mounted: files }).filter((f) => f.code === 'literal-variable').length;
  };
  assert.equal(literal('FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\n'), 1);
  assert.equal(literal('FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\nCOPY start.sh /entrypoint.sh\n'), 0);
  assert.equal(
    literal('FROM traefik:v3.1\nCOPY traefik.yml start.sh /etc/traefik/\nENTRYPOINT ["/etc/traefik/start.sh"]\n'),
    0,
  );
});

test('baked Traefik image: the version is the FROM tag', () => {
  const files = mounted({ name: '', dockerfile: 'FROM traefik:v2.11\n', expect: [] });
  const fact = new Analyzer().project({
    files: [{ file: '/project/docker-compose.yml', text: compose(BUILD) }],
    readFile: (p) => files[p],
  }).versionFact;
  assert.equal(fact.assumed, 'v2');
  assert.equal(fact.source, 'image');
});

test('baked Traefik image: an edit of the Dockerfile re-checks the project', () => {
  const analyzer = new Analyzer();
  const texts: Record<string, string> = {
    '/project/traefik/Dockerfile': 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\n',
    '/project/traefik/traefik.yml': STATIC,
  };
  const once = (): string[] =>
    analyzer
      .analyze({ files: [{ file: '/project/docker-compose.yml', text: compose(BUILD) }], readFile: (p) => texts[p] })
      .findings.filter((f) => f.code === 'undefined-entrypoint')
      .map((f) => f.code);
  assert.equal(once().length, 1);
  texts['/project/traefik/Dockerfile'] = 'FROM traefik:v3.1\nCOPY *.yml /etc/traefik/\n';
  assert.equal(once().length, 0);
  texts['/project/traefik/Dockerfile'] = 'FROM traefik:v3.1\nCOPY traefik.yml /etc/traefik/\n';
  assert.equal(once().length, 1);
});
