// missing-compose-file (and missing-env-file) on a path with variables: compose interpolates the
// whole file before it loads includes, extends and env files (compose-go loader.go), so a path
// whose every variable is known names the file compose reads, and a missing one makes compose
// refuse the project. The CLI knows the shell: a variable it does not set takes its default. The
// editor does not: only variables an env file (.env) sets are known; a default is the shell's to
// override, so nothing is judged then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../helpers';

const INCLUDE = 'include:\n  - ${STACK:-monitoring}/compose.yaml\nservices:\n  web:\n    image: nginx\n';
const EXTENDS = 'services:\n  web:\n    extends: { file: "${BASE:-common}/base.yml", service: app }\n';
const ENV_FILE = 'services:\n  web:\n    image: nginx\n    env_file: ${CONF:-conf}/web.env\n';
const MONITORING = { '/project/monitoring/compose.yaml': 'services:\n  grafana:\n    image: grafana/grafana\n' };

const cases: {
  name: string;
  text: string;
  code?: string;
  env?: string;
  shell?: Record<string, string>;
  mounted?: Record<string, string>;
  expect: string[];
}[] = [
  { name: 'editor, the default only: the shell may choose', text: INCLUDE, expect: [] },
  {
    name: 'editor, .env sets it: the file compose reads is missing',
    text: INCLUDE,
    env: 'STACK=monitoring\n',
    expect: ['included file "monitoring/compose.yaml" (${STACK:-monitoring}/compose.yaml) does not exist'],
  },
  {
    name: 'editor, .env sets it and the file is there',
    text: INCLUDE,
    env: 'STACK=monitoring\n',
    mounted: MONITORING,
    expect: [],
  },
  {
    name: 'CLI, the shell does not set it: the default is used',
    text: INCLUDE,
    shell: {},
    expect: ['included file "monitoring/compose.yaml" (${STACK:-monitoring}/compose.yaml) does not exist'],
  },
  { name: 'CLI, the default names a file that is there', text: INCLUDE, shell: {}, mounted: MONITORING, expect: [] },
  {
    name: 'CLI, the shell sets another value whose file is missing',
    text: INCLUDE,
    shell: { STACK: 'logging' },
    mounted: MONITORING,
    expect: ['included file "logging/compose.yaml" (${STACK:-monitoring}/compose.yaml) does not exist'],
  },
  {
    name: 'CLI, a variable without default unset: the path cannot be named, not judged',
    text: 'include:\n  - ${STACK}/compose.yaml\n',
    shell: {},
    expect: [],
  },
  {
    name: 'CLI, extends file: with a default',
    text: EXTENDS,
    shell: {},
    expect: ['extended file "common/base.yml" (${BASE:-common}/base.yml) does not exist'],
  },
  { name: 'editor, extends file: with a default only', text: EXTENDS, expect: [] },
  {
    name: 'CLI, env_file with a default',
    text: ENV_FILE,
    code: 'missing-env-file',
    shell: {},
    expect: ['env file "${CONF:-conf}/web.env" does not exist'],
  },
  { name: 'editor, env_file with a default only', text: ENV_FILE, code: 'missing-env-file', expect: [] },
];

for (const c of cases) {
  test(`interpolated paths: ${c.name}`, () => {
    const found = run(c.code ?? 'missing-compose-file', c.text, { env: c.env, shell: c.shell, mounted: c.mounted });
    assert.deepEqual(
      found.map((f) => f.message.replace(/: (correct the path or create it|create it.*)$/, '')),
      c.expect,
    );
    for (const f of found) assert.equal(f.severity, 'error');
  });
}
