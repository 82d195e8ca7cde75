// An include's env_file (compose spec 14-include.md; compose-go loader/include.go ApplyInclude):
// the included file is interpolated with the including project's variables, then the include's
// env files (or, without env_file, the .env of its project directory) for names still unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { analyseFiles, seen } from './helpers';

const MONITORING = yaml`
  services:
    grafana:
      image: grafana/grafana
      labels:
        - traefik.http.routers.grafana.rule=Host(\`grafana.\${DOMAIN}\`)
        - traefik.http.routers.grafana.middlewares=\${MW}
`;

function rules(texts: Record<string, string>, rootEnv?: string): Record<string, string | undefined> {
  const r = analyseFiles(texts, ['compose.yaml'], {
    environment: { files: rootEnv === undefined ? [] : [{ file: '/p/.env', text: rootEnv }] },
  });
  return Object.fromEntries(
    r.project.containers.map((c) => [c.compose.name, c.labels.find((l) => l.key.endsWith('.rule'))?.value]),
  );
}

const include = (entry: string): string => `include:\n${entry}\nservices:\n  web:\n    image: nginx\n`;

const cases: { name: string; texts: Record<string, string>; env?: string; grafana: string }[] = [
  {
    name: 'long form env_file: its variables interpolate the included file',
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: monitoring/stack.env'),
      'monitoring/compose.yml': MONITORING,
      'monitoring/stack.env': 'DOMAIN=mon.example\n',
    },
    grafana: 'Host(`grafana.mon.example`)',
  },
  {
    name: "the including project's variables win over the include's env_file",
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: [monitoring/stack.env]'),
      'monitoring/compose.yml': MONITORING,
      'monitoring/stack.env': 'DOMAIN=mon.example\n',
    },
    env: 'DOMAIN=root.example\n',
    grafana: 'Host(`grafana.root.example`)',
  },
  {
    name: "without env_file, the .env of the included project's directory",
    texts: {
      'compose.yaml': include('  - monitoring/compose.yml'),
      'monitoring/compose.yml': MONITORING,
      'monitoring/.env': 'DOMAIN=dir.example\n',
    },
    grafana: 'Host(`grafana.dir.example`)',
  },
  {
    name: 'several env files: the later sets what the earlier does not',
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: [a.env, b.env]'),
      'monitoring/compose.yml': MONITORING,
      'a.env': 'SUB=x\n',
      'b.env': 'DOMAIN=${SUB}.b.example\n',
    },
    grafana: 'Host(`grafana.x.b.example`)',
  },
  {
    name: "the include's env file does not reach the including file",
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: monitoring/stack.env'),
      'monitoring/compose.yml': MONITORING,
      'monitoring/stack.env': 'DOMAIN=mon.example\n',
    },
    grafana: 'Host(`grafana.mon.example`)',
  },
  {
    name: 'env_file /dev/null: no variables of its own',
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: /dev/null'),
      'monitoring/compose.yml': MONITORING,
      'monitoring/.env': 'DOMAIN=dir.example\n',
    },
    grafana: 'Host(`grafana.${DOMAIN}`)',
  },
];

for (const c of cases) {
  test(`include env: ${c.name}`, () => {
    assert.equal(rules(c.texts, c.env).grafana, c.grafana);
  });
}

test("include env: the including file's labels keep the project's variables", () => {
  const texts = {
    'compose.yaml': yaml`
      include:
        - path: monitoring/compose.yml
          env_file: monitoring/stack.env
      services:
        web:
          image: nginx
          labels:
            - traefik.http.routers.web.rule=Host(\`\${DOMAIN}\`)
    `,
    'monitoring/compose.yml': MONITORING,
    'monitoring/stack.env': 'DOMAIN=mon.example\n',
  };
  const r = analyseFiles(texts, ['compose.yaml'], { environment: { files: [{ file: '/p/.env', text: 'OTHER=1\n' }] } });
  const label = (file: string) => r.project.files.find((f) => f.file === file)!.services[0].labels[0];
  // Unset for compose.yaml: left as written, not judged (and not among the container's labels).
  assert.equal(label('/p/compose.yaml').interpolated, true);
  assert.equal(label('/p/monitoring/compose.yml').value, 'Host(`grafana.mon.example`)');
});

test("include env: a finding in the included file judges the include's value, on the written text", () => {
  const r = analyseFiles({
    'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: monitoring/stack.env'),
    'monitoring/compose.yml': MONITORING,
    'monitoring/stack.env': 'DOMAIN=mon.example\nMW=authh\n',
  });
  assert.deepEqual(seen(r, ['undefined-middleware']), ['undefined-middleware monitoring/compose.yml: ${MW}']);
});

test('include env: a line its env file refuses is invalid-env-file on that file', () => {
  const r = analyseFiles({
    'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: monitoring/stack.env'),
    'monitoring/compose.yml': MONITORING,
    'monitoring/stack.env': 'DOMAIN=mon.example\nBAD LINE=1\n',
  });
  const bad = r.findings.filter((f) => f.code === 'invalid-env-file');
  assert.deepEqual(
    bad.map((f) => f.file),
    ['/p/monitoring/stack.env'],
  );
});

// The include and extends paths written in an included file are interpolated with that include's
// variables (ApplyInclude loads the included files with config.LookupEnv, its own environment).
const GRAFANA = 'Host(`grafana.${DOMAIN}`)';
const nested: {
  name: string;
  texts: Record<string, string>;
  env?: string;
  services: Record<string, string | undefined>;
}[] = [
  {
    name: "an include in an included file: its path takes the include's .env",
    texts: {
      'compose.yaml': include('  - monitoring/compose.yml'),
      'monitoring/.env': 'STACK=grafana\n',
      'monitoring/compose.yml': 'include:\n  - ${STACK}.yml\nservices:\n  prometheus:\n    image: prom/prometheus\n',
      'monitoring/grafana.yml': MONITORING,
    },
    services: { grafana: GRAFANA, prometheus: undefined, web: undefined },
  },
  {
    name: "an extends file: in an included file: its path takes the include's env_file",
    texts: {
      'compose.yaml': include('  - path: monitoring/compose.yml\n    env_file: monitoring/stack.env'),
      'monitoring/stack.env': 'BASE=common\n',
      'monitoring/compose.yml':
        'services:\n  grafana:\n    extends:\n      file: ${BASE}.yml\n      service: grafana\n',
      'monitoring/common.yml': MONITORING,
    },
    services: { grafana: GRAFANA, web: undefined },
  },
  {
    name: "the root's variables still win in the included file's paths",
    texts: {
      'compose.yaml': include('  - monitoring/compose.yml'),
      'monitoring/.env': 'STACK=nothing\n',
      'monitoring/compose.yml': 'include:\n  - ${STACK}.yml\n',
      'monitoring/grafana.yml': MONITORING,
    },
    env: 'STACK=grafana\n',
    services: { grafana: GRAFANA, web: undefined },
  },
];

for (const c of nested) {
  test(`include env: ${c.name}`, () => {
    assert.deepEqual(rules(c.texts, c.env), c.services);
  });
}
