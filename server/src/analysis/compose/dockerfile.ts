// The few Dockerfile instructions that decide which ports an image EXPOSEs: FROM (stages and
// their parents), ARG and ENV (variables EXPOSE may use) and EXPOSE itself, after the Dockerfile
// reference (docs.docker.com/reference/dockerfile: parser directives, line continuation,
// heredocs, "Scope" of ARG, "Environment replacement"; multi-stage builds build the last stage
// unless a target is named).

export interface Instruction {
  /** Upper-cased: FROM, ARG, ENV, EXPOSE, ... */
  keyword: string;
  /** The arguments, continuation lines joined, comments dropped. */
  args: string;
}

/** Instructions in order; heredoc bodies (`RUN <<EOF ... EOF`) are skipped, not read as instructions. */
export function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives: `# escape=`` ` `` before any instruction, comment or blank line.
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const out: Instruction[] = [];
  while (i < lines.length) {
    let line = lines[i++];
    if (/^\s*(#|$)/.test(line)) continue;
    const parts: string[] = [];
    // A line ending in the escape character continues; comment lines inside are dropped.
    while (endsWithEscape(line, escape) && i < lines.length) {
      parts.push(line.replace(/\s+$/, '').slice(0, -1));
      line = lines[i++];
      while (i < lines.length && /^\s*#/.test(line)) line = lines[i++];
    }
    parts.push(line);
    const whole = parts.join('').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(whole);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    out.push({ keyword, args: m[2] });
    for (const tag of heredocs(keyword, m[2])) {
      const end = tag.strip
        ? (l: string): boolean => l.replace(/^\t+/, '') === tag.word
        : (l: string) => l === tag.word;
      while (i < lines.length && !end(lines[i])) i++;
      i++;
    }
  }
  return out;
}

function endsWithEscape(line: string, escape: string): boolean {
  const trimmed = line.replace(/\s+$/, '');
  return trimmed.endsWith(escape);
}

/** Heredoc markers of RUN, COPY and ADD (`<<EOF`, `<<-"EOF"`), in order. */
function heredocs(keyword: string, args: string): { word: string; strip: boolean }[] {
  if (!['RUN', 'COPY', 'ADD'].includes(keyword)) return [];
  return [...args.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)].map((m) => ({
    word: m[3],
    strip: m[1] === '-',
  }));
}

/** `a=1 b="x y"` or the legacy `KEY value` form (ENV only): name -> value (undefined: ARG without default). */
export function assignments(args: string, legacyForm: boolean): [string, string | undefined][] {
  const words = splitWords(args);
  if (legacyForm && words.length > 0 && !words[0].includes('=')) {
    const rest = args
      .trim()
      .slice(args.trim().indexOf(words[0]) + words[0].length)
      .trim();
    return [[words[0], unquote(rest)]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), unquote(w.slice(eq + 1))];
  });
}

/** Words separated by blanks, quotes kept (so `a="x y"` is one word). */
export function splitWords(args: string): string[] {
  return [...args.matchAll(/(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S)+/g)].map((m) => m[0]);
}

function unquote(value: string): string {
  return value.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_m, d: string | undefined, s: string | undefined) =>
    d !== undefined ? d.replace(/\\(.)/g, '$1') : (s ?? ''),
  );
}

/**
 * Environment replacement: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
 * `${VAR+alt}`. Undefined when a variable it needs is not known (or the form is not one of these).
 */
export function substitute(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(
    /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\{[^}]*\}?/g,
    (whole, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      if (whole === '\\$') return '$';
      const name = braced ?? bare;
      if (name === undefined) {
        unknown = true;
        return '';
      }
      const set = vars.has(name);
      const value = vars.get(name);
      if (op === undefined) {
        if (value === undefined) unknown = true;
        return value ?? '';
      }
      const present = op.startsWith(':') ? value !== undefined && value !== '' : set && value !== undefined;
      if (op.endsWith('-')) return present ? value! : (word ?? '');
      return present ? (word ?? '') : '';
    },
  );
  return unknown ? undefined : out;
}

export interface BuildOptions {
  /** `build.args` (null: taken from the environment, so unknown here). */
  args: ReadonlyMap<string, string | null>;
  /** `build.target`: the stage to build; default the last one. */
  target?: string;
}

/** What the built image EXPOSEs, as far as the Dockerfile and the known base images tell. */
export interface DockerfilePorts {
  ports: number[];
  /** False when a base image's ports are unknown or an EXPOSE could not be read: more ports may exist. */
  complete: boolean;
  /** Why not complete: the unknown base image, or the EXPOSE that could not be read. */
  unknown?: string;
}

interface Stage {
  name?: string;
  ports: Set<number>;
  env: Map<string, string | undefined>;
  complete: boolean;
  unknown?: string;
}

/**
 * The ports of the stage compose builds (`target`, else the last). A stage inherits the EXPOSEs
 * and ENV of its parent: an earlier stage by name, `scratch` (nothing), or an image whose ports
 * `imagePorts` knows.
 */
export function dockerfilePorts(
  text: string,
  options: BuildOptions,
  imagePorts: (image: string) => readonly number[] | undefined,
): DockerfilePorts | undefined {
  const global = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  const argValue = (name: string, fallback: string | undefined): string | undefined => {
    if (options.args.has(name)) return options.args.get(name) ?? undefined;
    return fallback;
  };
  for (const { keyword, args } of instructions(text)) {
    if (keyword === 'FROM') {
      const words = splitWords(args).filter((w) => !w.startsWith('--'));
      const image = substitute(words[0] ?? '', global);
      const as = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
      stage = { name: as, ports: new Set(), env: new Map(), complete: true };
      const parent = image === undefined ? undefined : stages.find((s) => s.name === image.toLowerCase());
      if (parent) {
        for (const p of parent.ports) stage.ports.add(p);
        for (const [k, v] of parent.env) stage.env.set(k, v);
        stage.complete = parent.complete;
        stage.unknown = parent.unknown;
      } else if (image?.toLowerCase() !== 'scratch') {
        const known = image === undefined ? undefined : imagePorts(image);
        if (known) for (const p of known) stage.ports.add(p);
        else {
          stage.complete = false;
          stage.unknown = `FROM ${image ?? words[0] ?? ''}`;
        }
      }
      stages.push(stage);
    } else if (keyword === 'ARG') {
      for (const [name, value] of assignments(args, false)) {
        // Before the first FROM an ARG is global (usable in FROM); inside a stage it is declared
        // for that stage, taking the global default when it has none of its own.
        if (!stage) global.set(name, argValue(name, value));
        else if (!stage.env.has(name) || value !== undefined || options.args.has(name))
          stage.env.set(name, argValue(name, value ?? global.get(name)));
      }
    } else if (keyword === 'ENV' && stage) {
      for (const [name, value] of assignments(args, true)) {
        stage.env.set(name, value === undefined ? undefined : substitute(value, stage.env));
      }
    } else if (keyword === 'EXPOSE' && stage) {
      for (const word of splitWords(args)) {
        const spec = substitute(word.replace(/^["']|["']$/g, ''), stage.env);
        const ports = spec === undefined ? undefined : portSpec(spec);
        if (ports) for (const p of ports) stage.ports.add(p);
        else {
          stage.complete = false;
          stage.unknown = `EXPOSE ${word}`;
        }
      }
    }
  }
  const target = options.target?.toLowerCase();
  const built = target ? stages.find((s) => s.name === target) : stages[stages.length - 1];
  if (!built) return undefined;
  return { ports: [...built.ports].sort((a, b) => a - b), complete: built.complete, unknown: built.unknown };
}

/** `80`, `80/tcp`, `53/udp`, `8000-8010`: the ports (a long range by its ends). */
function portSpec(spec: string): number[] | undefined {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to > 65535 || to < from) return undefined;
  if (to - from > 100) return [from, to];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
