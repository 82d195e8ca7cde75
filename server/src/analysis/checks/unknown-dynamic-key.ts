// Traefik decodes a dynamic configuration file into its structs and fails on a key they do not
// have ("field not found", paerser parser/nodes_metadata.go); the file provider then sends
// nothing from that file (pkg/provider/file/file.go loadFileConfig), or from its whole directory.
import type { Check } from './check';
import { dynamicProblems } from './dynamicFiles';

export const check: Check<'unknown-dynamic-key'> = {
  code: 'unknown-dynamic-key',
  severity: 'error',
  description:
    "A key Traefik's dynamic configuration does not have, in a file the file provider reads: Traefik refuses the whole file, so every name it defines disappears.",
  run(ctx) {
    for (const r of dynamicProblems(ctx.project, 'unknown-dynamic-key')) ctx.report(r);
  },
};
