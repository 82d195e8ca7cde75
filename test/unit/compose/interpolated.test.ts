// Label values, image, ports and volumes interpolated with the project's .env before the checks read them
// (compose-go interpolates the model first); findings inside an interpolated value map back onto
// the written text: exact over literal text, the whole `${...}` where a variable stands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, rename } from '../../../server/src/analysis';
import { DIR, runAll, yaml } from '../../helpers';

const compose = (...labels: string[]): string =>
  yaml`
    services:
      web:
        image: nginx
        labels:
  ` + labels.map((l) => `      - "${l}"\n`).join('');

const cases: { name: string; text: string; env?: string; shell?: Record<string, string>; expect: string[] }[] = [
  {
    name: 'a rule from a variable is judged; the finding is on ${RULE}',
    text: compose('traefik.http.routers.web.rule=${RULE}'),
    env: 'RULE=Hostt(`x`)\n',
    expect: ['rule-syntax ${RULE}'],
  },
  {
    name: 'a matcher after a substitution of another length is underlined exactly',
    text: compose('traefik.http.routers.web.rule=Host(`${DOMAIN}`) && Pathh(`/x`)'),
    env: 'DOMAIN=a-much-longer-domain.example.com\n',
    expect: ['rule-syntax Pathh'],
  },
  {
    name: 'a middleware name from .env that does not exist: on the ${MW}',
    text: compose(
      'traefik.http.routers.web.middlewares=${MW},auth',
      'traefik.http.middlewares.auth.basicauth.users=u:p',
    ),
    env: 'MW=auht\n',
    expect: ['undefined-middleware ${MW}'],
  },
  {
    name: 'a literal name after a variable: exact',
    text: compose(
      'traefik.http.routers.web.middlewares=${MW},auht',
      'traefik.http.middlewares.auth.basicauth.users=u:p',
    ),
    env: 'MW=auth\n',
    expect: ['undefined-middleware auht'],
  },
  {
    name: 'no .env: the variable may be set where compose runs; nothing judged',
    text: compose('traefik.http.routers.web.middlewares=${MW}'),
    expect: [],
  },
  {
    name: 'the shell (CLI) sets it',
    text: compose('traefik.http.routers.web.middlewares=${MW}'),
    shell: { MW: 'nope' },
    expect: ['undefined-middleware ${MW}'],
  },
  {
    name: 'the shell wins over .env',
    text: compose('traefik.http.routers.web.middlewares=${MW}', 'traefik.http.middlewares.auth.basicauth.users=u:p'),
    env: 'MW=nope\n',
    shell: { MW: 'auth' },
    expect: [],
  },
  {
    name: 'a default is what compose uses when the variable is unset (underlined in the default)',
    text: compose('traefik.http.routers.web.middlewares=${MW:-nope}'),
    expect: ['undefined-middleware nope'],
  },
  {
    name: 'a set variable beats its default',
    text: compose(
      'traefik.http.routers.web.middlewares=${MW:-nope}',
      'traefik.http.middlewares.auth.basicauth.users=u:p',
    ),
    env: 'MW=auth\n',
    expect: [],
  },
  {
    name: 'a list-form key with a variable: the router is the one compose names',
    text: compose(
      'traefik.http.routers.${NAME}.rule=Host(`x`)',
      'traefik.http.routers.${NAME}.middlewares=auth',
      'traefik.http.middlewares.auth.basicauth.users=u:p',
    ),
    env: 'NAME=web\n',
    expect: [],
  },
  {
    name: 'a key segment after a variable of another length: exact',
    text: compose('traefik.http.routers.${NAME}.rule=Host(`x`)', 'traefik.http.routers.${NAME}.tsl=true'),
    env: 'NAME=a-much-longer-name\n',
    expect: ['unknown-label tsl'],
  },
  {
    name: 'a key segment a variable makes: on the ${...}',
    text: compose('traefik.http.${KIND}.web.rule=Host(`x`)'),
    env: 'KIND=routerz\n',
    expect: ['unknown-label ${KIND}'],
  },
  {
    name: 'a reference to a router named by a variable, in the value',
    text: compose('traefik.http.routers.${NAME}.rule=Host(`x`)', 'traefik.http.routers.${NAME}.service=${NAME}'),
    env: 'NAME=web\n',
    expect: ['undefined-service ${NAME}'],
  },
  // compose interpolates the whole item, then splits it at the first `=` (types.Labels): a
  // variable may bring the `=` and the value (trial min-1, opencloud-eu/opencloud-compose).
  {
    name: 'a key variable that brings the = and the value: key and value as compose splits them',
    text: compose('traefik.http.routers.web.rule=Host(`x`)', 'traefik.http.routers.web.${TLS_CONFIG}'),
    env: 'TLS_CONFIG="tls.certresolver=le"\n',
    expect: [],
  },
  {
    name: 'the same, tls=true',
    text: compose('traefik.http.routers.web.rule=Host(`x`)', 'traefik.http.routers.web.${TLS}'),
    env: 'TLS=tls=true\n',
    expect: [],
  },
  {
    name: 'a value a key variable brings is judged, on the ${...}',
    text: compose('traefik.http.routers.web.rule=Host(`x`)', 'traefik.http.routers.web.${TLS}'),
    env: 'TLS=tls=maybe\n',
    expect: ['invalid-value ${TLS}'],
  },
  {
    name: 'a key segment the key variable brings before its = is judged, on the ${...}',
    text: compose('traefik.http.routers.web.rule=Host(`x`)', 'traefik.http.routers.web.${TLS_CONFIG}'),
    env: 'TLS_CONFIG=tls.certresolvr=le\n',
    expect: ['unknown-label ${TLS_CONFIG}'],
  },
  {
    name: 'a key variable with no value: left as written; what is wrong whatever its value is still said',
    text: compose('traefik.http.routers.${NAME}.tsl=true'),
    expect: ['unknown-label tsl'],
  },
];

for (const c of cases) {
  test(`interpolated labels: ${c.name}`, () => {
    const seen = runAll(c.text, { env: c.env, shell: c.shell })
      .filter((f) => f.code !== 'missing-port' && f.code !== 'undefined-variable')
      .map((f) => `${f.code} ${f.text}`);
    assert.deepEqual(seen, c.expect);
  });
}

const project = (text: string, env?: string) =>
  new Analyzer().project({
    files: [{ file: `${DIR}/docker-compose.yml`, text }],
    environment: { files: env === undefined ? [] : [{ file: `${DIR}/.env`, text: env }] },
  });

test('interpolated labels: $$ is a dollar sign in the value Traefik reads', () => {
  const p = project(compose('traefik.http.middlewares.a.basicauth.users=u:$$apr1$$x'));
  assert.equal(p.containers[0].labels[0].value, 'u:$apr1$x');
});

test('interpolated image: the Traefik version from traefik:${TAG:-v2.11}', () => {
  const text = yaml`
    services:
      traefik:
        image: traefik:\${TAG:-v2.11}
  `;
  assert.equal(project(text).version, 'v2');
  assert.equal(project(text, 'TAG=v3.1\n').version, 'v3');
});

test('interpolated ports: an expose from .env is the port Traefik detects', () => {
  const text = yaml`
    services:
      web:
        image: example/app
        expose:
          - "\${PORT}"
        labels:
          - traefik.http.routers.web.rule=Host(\`x\`)
  `;
  const port = (env?: string) => project(text, env).containers[0].compose.expose[0]?.target;
  assert.equal(port('PORT=8081\n'), 8081);
  assert.equal(port(), undefined);
});

test('interpolated volumes: a traefik.yml mounted from ${CONF} is the static configuration Traefik reads', () => {
  // As htpcBeginner/docker-traefik mounts $DOCKERDIR/appdata/traefik3/rules/$HOSTNAME:/rules.
  const text = yaml`
    services:
      traefik:
        image: traefik:v3.1
        volumes:
          - \${CONF}/traefik.yml:/etc/traefik/traefik.yml:ro
      web:
        image: nginx
        labels:
          - traefik.http.routers.web.rule=Host(\`x\`)
          - traefik.http.routers.web.entrypoints=web
  `;
  const mounted = {
    [`${DIR}/conf/traefik.yml`]: 'providers:\n  docker: {}\nentryPoints:\n  websecure:\n    address: ":443"\n',
  };
  const entrypoints = (env?: string) =>
    runAll(text, { env, mounted })
      .filter((f) => f.code === 'undefined-entrypoint')
      .map((f) => f.text);
  assert.deepEqual(entrypoints('CONF=./conf\n'), ['web']);
  // Unset: the mount cannot be followed, the static configuration is unknown and nothing is judged.
  assert.deepEqual(entrypoints(), []);
});

test('interpolated labels: ranges follow an edit above the service (the copy shares the parsed ranges)', () => {
  const analyzer = new Analyzer();
  const env = { files: [{ file: `${DIR}/.env`, text: 'MW=nope\n' }] };
  const text = compose('traefik.http.routers.web.middlewares=x,${MW}');
  const at = (t: string) =>
    analyzer
      .analyze({ files: [{ file: `${DIR}/docker-compose.yml`, text: t }], environment: env })
      .findings.filter((f) => f.code === 'undefined-middleware')
      .map((f) => t.slice(f.range.start, f.range.end));
  assert.deepEqual(at(text), ['x', '${MW}']);
  const edited = `# a comment above\nx-top: 1\n${text}`;
  assert.deepEqual(at(edited), ['x', '${MW}']);
  assert.deepEqual(at(text), ['x', '${MW}']);
});

test('interpolated keys: list form only (compose-go interpolates mapping values, not keys)', () => {
  const map = yaml`
    services:
      web:
        image: nginx
        labels:
          traefik.http.routers.\${NAME}.rule: Host(\`x\`)
  `;
  assert.deepEqual(
    project(map, 'NAME=web\n').containers[0].labels.map((l) => l.key),
    ['traefik.http.routers.${NAME}.rule'],
  );
  const list = compose('traefik.http.routers.${NAME}.rule=Host(`x`)');
  assert.deepEqual(
    project(list, 'NAME=web\n').containers[0].labels.map((l) => l.key),
    ['traefik.http.routers.web.rule'],
  );
});

test('interpolated keys: a variable that brings the =: key and value as compose splits the item', () => {
  const text = compose('traefik.http.routers.web.${TLS_CONFIG}', 'traefik.http.routers.${R}=Host(`a`) && Path(`/=`)');
  const labels = project(text, 'TLS_CONFIG="tls.certresolver=le"\nR=api.rule\n').containers[0].labels;
  assert.deepEqual(
    labels.map((l) => [l.key, l.value, text.slice(l.valueRange.start, l.valueRange.end)]),
    [
      ['traefik.http.routers.web.tls.certresolver', 'le', '${TLS_CONFIG}'],
      ['traefik.http.routers.api.rule', 'Host(`a`) && Path(`/=`)', 'Host(`a`) && Path(`/=`)'],
    ],
  );
  // The variable's = and a written one: compose splits at the first, the rest is the value.
  const both = compose('traefik.http.middlewares.${MW}=bar');
  const [l] = project(both, 'MW=h.headers.customrequestheaders.X-A=foo\n').containers[0].labels;
  assert.deepEqual([l.key, l.value], ['traefik.http.middlewares.h.headers.customrequestheaders.X-A', 'foo=bar']);
  assert.equal(both.slice(l.valueRange.start, l.valueRange.end), '${MW}=bar');
});

test('interpolated keys: rename refuses a name a variable makes, and renames a literal one beside it', () => {
  const text = compose(
    'traefik.http.routers.${NAME}.rule=Host(`x`)',
    'traefik.http.routers.${NAME}.middlewares=auth',
    'traefik.http.middlewares.auth.basicauth.users=u:p',
  );
  const p = project(text, 'NAME=web\n');
  const file = `${DIR}/docker-compose.yml`;
  const refused = rename(p, file, text.indexOf('${NAME}') + 2, 'api');
  assert.match(
    'error' in refused ? refused.error : '',
    /made by a variable in traefik\.http\.routers\.\$\{NAME\}\.rule/,
  );
  const renamed = rename(p, file, text.indexOf('auth') + 1, 'basic');
  assert.ok('edits' in renamed);
  assert.deepEqual(
    renamed.edits[file].map((e) => text.slice(e.range.start, e.range.end)),
    ['auth', 'auth'],
  );
});

test('interpolated keys: segment ranges follow an edit above the service', () => {
  const analyzer = new Analyzer();
  const env = { files: [{ file: `${DIR}/.env`, text: 'NAME=web\n' }] };
  const text = compose('traefik.http.routers.${NAME}.rule=Host(`x`)', 'traefik.http.routers.${NAME}.tsl=true');
  const at = (t: string) => {
    const input = { files: [{ file: `${DIR}/docker-compose.yml`, text: t }], environment: env };
    const findings = analyzer.analyze(input).findings.filter((f) => f.code === 'unknown-label');
    const name = analyzer.project(input).files[0].services[0].labels[0].segments[3].range;
    return [...findings.map((f) => t.slice(f.range.start, f.range.end)), t.slice(name.start, name.end)];
  };
  assert.deepEqual(at(text), ['tsl', '${NAME}']);
  const edited = `# a comment above\nx-top: 1\n${text}`;
  assert.deepEqual(at(edited), ['tsl', '${NAME}']);
  assert.deepEqual(at(text), ['tsl', '${NAME}']);
});
