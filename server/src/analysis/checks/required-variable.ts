// `${X:?err}` (X unset or empty) or `${X?err}` (X unset) anywhere compose interpolates: compose-go
// stops with "required variable X is missing a value: err" and starts nothing (template/template.go
// MissingRequiredError; interpolation/interpolation.go interpolates every string value of every
// file, `x-` fields, `include:` paths and services compose leaves out by profile included).
// A warning, not an error: the shell's variables beat .env's (Compose docs, "Set, use, and manage
// variables with interpolation": values in the shell take precedence over the .env file), and `${X?…}` is how stacks ask for a variable exported in
// the shell that deploys them (USERNAME, HASHED_PASSWORD for a dashboard's basic auth).
import type { Environment } from '../compose/env';
import { interpolate } from '../compose/env/interpolate';
import type { ComposeFile, TemplateScalar } from '../compose/model';
import type { Range } from '../types';
import type { Check, CheckContext } from './check';

export const check: Check<'required-variable'> = {
  code: 'required-variable',
  severity: 'warning',
  description:
    "A `${VAR:?err}` or `${VAR?err}` whose variable the project's .env does not set: docker compose refuses the project unless the shell sets it.",
  run(ctx) {
    const { project } = ctx;
    const seen = new Set<string>();
    for (const file of [...project.files, ...project.load.extendsFiles]) {
      if (seen.has(file.file)) continue;
      seen.add(file.file);
      const env = project.load.environmentOf(file.file) ?? project.environment;
      // Without a .env the project's variables come from somewhere Gateway Lens cannot see
      // (the rule undefined-variable follows).
      const dotenv = env.dotenv[env.dotenv.length - 1];
      if (!env.complete || !dotenv) continue;
      for (const t of templatesOf(file)) judge(t, file.file, env, dotenv.file, ctx);
    }
  },
};

function templatesOf(file: ComposeFile): TemplateScalar[] {
  const out = [...(file.templates ?? [])];
  for (const s of file.services) if (s.templates) out.push(...s.templates);
  return out;
}

function judge(
  t: TemplateScalar,
  file: string,
  env: Environment,
  dotenvFile: string,
  ctx: CheckContext<'required-variable'>,
): void {
  const result = interpolate(t.value, env.lookup);
  for (const p of result.problems) {
    const use = p.variable;
    if (p.kind !== 'required' || !use) continue;
    const range: Range = t.valueRange
      ? { start: t.valueRange.start + use.range.start, end: t.valueRange.start + use.range.end }
      : t.range;
    const empty = use.operator === ':?' && env.lookup(use.name) === '';
    ctx.report({
      file,
      range,
      message: `${use.name} is required and ${empty ? 'empty' : 'not set'} in .env: docker compose refuses the project unless the shell sets it`,
      explanation:
        `docker compose stops with "${p.message}" and starts nothing (\`${use.operator}\` requires a value` +
        `${use.operator === ':?' ? ' that is not empty' : ''}). Gateway Lens reads the project's .env (and, on the ` +
        `command line, the environment it runs in); a variable set only in the shell that runs docker compose is not ` +
        `seen here. Set ${use.name} in .env.`,
      related: [{ file: dotenvFile, range: { start: 0, end: 0 }, message: 'the .env compose reads' }],
      data: { variable: use.name },
    });
  }
}
