// An `include:` or `extends: file:` that compose fetches instead of reading from disk (oci://, a
// git URL: compose/project/remote.ts) is not read here, so what it defines is not checked: an
// information on the reference, in the editor as on the command line.
import type { Check } from './check';

export const check: Check<'remote-reference'> = {
  code: 'remote-reference',
  severity: 'info',
  description:
    'An include: or extends: file: compose fetches (oci://, a git URL): not read, so findings may be incomplete.',
  run(ctx) {
    for (const r of ctx.project.load.remote)
      ctx.report({
        file: r.file,
        range: r.range,
        message: `remote ${r.kind === 'include' ? 'include' : 'extends file'}: not read; findings may be incomplete.`,
        explanation:
          `docker compose fetches ${r.reference} when it loads the project (docker/compose pkg/remote oci.go, git.go). ` +
          'Gateway Lens reads no network: the services, labels and networks it defines are not checked, and a ' +
          'reference to something only it defines may be reported as undefined.',
      });
  },
};
