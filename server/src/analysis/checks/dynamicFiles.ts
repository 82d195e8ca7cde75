// Shared by unknown-dynamic-key and invalid-value: the problems of the file provider's files,
// reported where they are written, with what Traefik loses when it refuses the file.
import type { Project } from '../project';
import type { DynamicFile } from '../traefik/fileProvider';
import type { DynamicProblem } from '../traefik/fileProvider/validate';
import type { Report } from './check';
import type { FileProblem } from './codes';

export function dynamicProblems<C extends DynamicProblem['code']>(project: Project, code: C): Report<C>[] {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return [];
  const out: Report<C>[] = [];
  for (const file of fp.files)
    for (const p of file.problems) {
      if (p.code !== code) continue;
      const lost = whatIsLost(file, fp.mode === 'directory' ? fp.path : undefined);
      const where =
        code === 'unknown-dynamic-key' ? `${p.what} in Traefik's dynamic configuration` : 'The value does not parse';
      const fix = p.suggestion ? `did you mean "${p.suggestion}"?` : 'Traefik refuses this whole file';
      out.push({
        file: file.file,
        range: p.range,
        message: code === 'unknown-dynamic-key' ? `${p.what}: ${fix}` : p.what,
        explanation: `${where}, so Traefik's file provider cannot decode ${file.containerPath} (paerser's "field not found" or a parse error; pkg/provider/file/file.go) and loads nothing from it: ${lost.long}`,
        // Both codes declare this data (codes.ts FileProblem); the compiler cannot see it for any C.
        data: {
          key: p.key,
          ...(p.suggestion ? { suggestion: p.suggestion } : {}),
        } satisfies FileProblem as Report<C>['data'],
      });
    }
  return out;
}

export function whatIsLost(file: DynamicFile, directory: string | undefined): { long: string } {
  // A router and a service may share a name (site@file): named once.
  const names = [...new Set(file.definitions.map((d) => `${d.name}@file`))];
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
  const inDirectory = directory
    ? ` Because it is in the provider's directory ${directory}, every other file there is lost too (loadFileConfigFromDirectory stops at the first error).`
    : '';
  const long =
    (names.length === 0
      ? 'it defines no router, service or middleware.'
      : names.length === 1
        ? `${shown} does not exist, and routers that use it are disabled.`
        : `${shown} do not exist, and routers that use them are disabled.`) + inDirectory;
  return { long };
}
