// The .env half of unescaped-dollar: compose-go's dotenv parser interpolates unquoted and
// double-quoted values as it reads the file (dotenv/parser.go extractVarValue -> godotenv.go
// expandVariables -> template.Substitute); only 'single quotes' are literal. So an htpasswd hash
// written bare in .env loses its `$apr1`, `$2y`... before compose substitutes it into a label.
// `$$` (and `\$` inside double quotes) is the escape there too; single-quoting keeps the value as
// written, which is the fix offered.
import { escapeDollars, hashDollars, isUsersKey } from '../compose/dollars';
import type { Dotenv, DotenvVariable } from '../compose/env';
import { isTraefikKey } from '../traefik/containers';
import type { CheckContext } from './check';

export function envDollars(ctx: CheckContext<'unescaped-dollar'>): void {
  const env = ctx.project.environment;
  const done = new Set<DotenvVariable>();
  for (const container of ctx.project.containers)
    for (const part of container.composeParts)
      for (const label of part.labels) {
        const i = label.interpolation;
        if (!i || !isTraefikKey(label.key)) continue;
        for (const use of i.result.variables) {
          const found = use.set ? assignment(env.dotenv, env.origin(use.name)) : undefined;
          if (!found || done.has(found.variable)) continue;
          done.add(found.variable);
          report(ctx, found.dotenv, found.variable, isUsersKey(label.key), label.key);
        }
      }
}

/** The .env line that sets a variable (its origin), if it is one of the project's env files. */
function assignment(
  files: readonly Dotenv[],
  origin: ReturnType<CheckContext['project']['environment']['origin']>,
): { dotenv: Dotenv; variable: DotenvVariable } | undefined {
  if (!origin || origin === 'shell') return undefined;
  const dotenv = files.find((d) => d.file === origin.file);
  const variable = dotenv?.variables.find((v) => v.nameRange.start === origin.range.start);
  return dotenv && variable ? { dotenv, variable } : undefined;
}

function report(
  ctx: CheckContext<'unescaped-dollar'>,
  dotenv: Dotenv,
  v: DotenvVariable,
  users: boolean,
  key: string,
): void {
  if (v.quote === "'" || v.inherited) return;
  const inner = dotenv.text.slice(v.valueRange.start, v.valueRange.end);
  // Escapes in a double-quoted value: the uses' ranges are not the text's; not judged.
  if (inner.includes('\\')) return;
  const shifted = v.uses.map((u) => ({
    ...u,
    range: { start: u.range.start - v.valueRange.start, end: u.range.end - v.valueRange.start },
  }));
  const eaten = hashDollars(inner, shifted, users);
  if (eaten.length === 0) return;
  const q = v.quote.length;
  const range = { start: v.valueRange.start - q, end: v.valueRange.end + q };
  const written = dotenv.text.slice(range.start, range.end);
  const names = [...new Set(eaten.map((u) => `$${u.name}`))];
  ctx.report({
    file: dotenv.file,
    range,
    message: `compose reads ${names.join(', ')} in ${v.name} as ${names.length > 1 ? 'variables' : 'a variable'}: put the value in single quotes`,
    explanation:
      `compose interpolates ${v.quote ? 'double-quoted' : 'unquoted'} .env values as it reads the file, so ${v.name} becomes "${v.value}" ` +
      `and Traefik reads that in ${key}: no password matches it. In .env only 'single quotes' keep a value as written ` +
      `(or write each $ as $$).`,
    // Single quotes cannot hold a single quote: then doubling each $ is the escape.
    data: { escaped: inner.includes("'") ? `${v.quote}${escapeDollars(inner)}${v.quote}` : `'${inner}'`, written },
  });
}
