// What Gateway Lens assembled for a compose project, in words: the files it loaded and why, the
// project name and what decided it, where the variables come from, the active profiles, each
// service with the files that define it, and each network with the name Docker gives it.
// `gateway-lens project` prints it; the editor's "Show Compose Project" shows the same text.
import * as path from 'path';
import type { Project } from '../../project';
import { dockerNetwork } from '../networks';

export interface DescribeInput {
  /** Why a file of the given set was loaded ("-f", "COMPOSE_FILE", "compose's default names", ...). */
  given: (file: string) => string;
  /** The active profiles the project was loaded with. */
  profiles: readonly string[];
  /** Whether the process environment is read over the env files (the CLI; the editor sees none). */
  shell: boolean;
}

export interface ProjectDescription {
  name: string;
  nameWhy: string;
  files: { file: string; why: string }[];
  envFiles: { file: string; why: string; variables: number; problems: number }[];
  shell: boolean;
  profiles: string[];
  services: { name: string; started: boolean; profiles: string[]; files: string[] }[];
  networks: { key: string; name: string | undefined; external: boolean }[];
}

export function describeProject(project: Project, input: DescribeInput): ProjectDescription {
  const { load, environment } = project;
  const base = (f: string): string => path.basename(f);
  const files: ProjectDescription['files'] = [];
  const seen = new Set<string>();
  const add = (file: string, why: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push({ file, why });
  };
  const included = new Map(load.includes.flatMap((i) => i.files.map((f) => [f, i] as const)));
  for (const f of load.files) {
    const by = included.get(f.file);
    add(f.file, by ? `included by ${base(by.file)}` : input.given(f.file));
  }
  for (const f of load.extendsFiles) {
    const users = load.services.filter((g) => g.parts.some((p) => p.file === f.file) && g.main.file !== f.file);
    add(
      f.file,
      `extended by ${users.map((g) => `service ${g.name} (${base(g.main.file)})`).join(', ') || 'a service'}`,
    );
  }
  const envFiles: ProjectDescription['envFiles'] = [];
  for (const d of environment.dotenv) envFiles.push(envFile(d, "the project's env file"));
  for (const e of project.includedEnvironments)
    for (const d of e.dotenv) if (!envFiles.some((x) => x.file === d.file)) envFiles.push(envFile(d, 'an include'));
  const networkKeys = new Set<string>();
  for (const f of load.files) for (const n of f.networks) networkKeys.add(n.key);
  if (load.services.some((g) => g.parts.every((p) => p.networks.length === 0))) networkKeys.add('default');
  return {
    name: project.name,
    nameWhy: nameWhy(project),
    files,
    envFiles,
    shell: input.shell,
    profiles: [...input.profiles],
    services: load.services.map((g) => ({
      name: g.name,
      started: g.started,
      profiles: g.profiles,
      files: [...new Set(g.parts.map((p) => p.file))],
    })),
    networks: [...networkKeys].map((key) => {
      const n = dockerNetwork(key, load.files, project.name, environment);
      return { key, name: n.name, external: n.external };
    }),
  };
}

function envFile(d: Project['environment']['dotenv'][number], why: string): ProjectDescription['envFiles'][number] {
  return { file: d.file, why, variables: d.values.size, problems: d.problems.length };
}

function nameWhy(project: Project): string {
  switch (project.nameSource) {
    case 'flag':
      return '-p';
    case 'environment': {
      const origin = project.environment.origin('COMPOSE_PROJECT_NAME');
      return origin === 'shell' || !origin
        ? 'COMPOSE_PROJECT_NAME in the environment'
        : `COMPOSE_PROJECT_NAME in ${path.basename(origin.file)}`;
    }
    case 'name':
      return 'the top-level name: of the compose files';
    case 'folder':
      return `the project folder's name (${path.basename(path.dirname(project.files[0]?.file ?? '.'))}), normalised as compose does`;
  }
}

/** The description as text; `shown` writes a path as the reader knows it (relative to the working directory). */
export function formatProject(d: ProjectDescription, shown: (file: string) => string): string {
  const lines: string[] = [`Project ${d.name || '(none)'} (from ${d.nameWhy})`, '', 'Files, in merge order:'];
  for (const f of d.files) lines.push(`  ${shown(f.file)}  (${f.why})`);
  lines.push('', 'Variables:');
  for (const e of d.envFiles)
    lines.push(
      `  ${shown(e.file)}  (${e.why}: ${e.variables} set${e.problems > 0 ? `, compose refuses a line of it` : ''})`,
    );
  if (d.shell)
    lines.push(
      d.envFiles.length > 0 ? '  the process environment, over the env files' : '  the process environment (no .env)',
    );
  if (d.envFiles.length === 0 && !d.shell) lines.push('  none (no .env; the shell that runs compose is not seen here)');
  lines.push('', `Active profiles: ${d.profiles.length > 0 ? d.profiles.join(', ') : 'none'}`, '', 'Services:');
  for (const s of d.services) {
    const one = s.profiles.length === 1;
    const state = s.started
      ? ''
      : `, not started: ${one ? 'profile' : 'profiles'} ${s.profiles.join(', ')} ${one ? 'is' : 'are'} not active`;
    lines.push(`  ${s.name}  (${s.files.map(shown).join(' + ')}${state})`);
  }
  lines.push('', 'Networks:');
  for (const n of d.networks)
    lines.push(`  ${n.key}  -> ${n.name ?? 'unknown (a variable with no value)'}${n.external ? ' (external)' : ''}`);
  return lines.join('\n') + '\n';
}
