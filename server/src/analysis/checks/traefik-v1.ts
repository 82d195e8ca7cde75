// Traefik v1 reads another label set (traefik.frontend.rule, traefik.port, traefik.backend) and
// another static configuration (its docs, v1.7 configuration/backends/docker); v2 and v3 decode
// neither (pkg/config/label/label.go), and Gateway Lens judges only v2 and v3. A project running
// traefik:1.x is not checked: one information says so, where the image names the version,
// instead of silence that reads as "no problems".
import * as path from 'path';
import type { Check } from './check';

export const check: Check<'traefik-v1'> = {
  code: 'traefik-v1',
  severity: 'info',
  description: 'The project runs Traefik v1, whose labels and configuration Gateway Lens does not check.',
  run(ctx) {
    const { project } = ctx;
    if (project.staticConfig.traefikV1 !== true) return;
    const service = project.traefikService;
    if (!service) return;
    // The last file that sets the image (or the build, for a Traefik built FROM traefik:1.x) is the one compose runs.
    const part = [...service.parts].reverse().find((p) => p.image || (service.baked && p.build));
    const at = service.baked ? part?.build : part?.image;
    if (!part || !at) return;
    const image = service.image?.value ?? part.image?.value ?? '';
    const from = service.baked ? ` in ${shownDockerfile(service.baked.dockerfile, part.file)}` : '';
    ctx.report({
      file: part.file,
      range: at.range,
      message: `Traefik v1 (${image}${from}): Gateway Lens checks Traefik v2 and v3 only; this project's v1 labels and configuration are not checked`,
      explanation:
        "Traefik v1 reads labels such as traefik.frontend.rule and traefik.port, which v2 and v3 no longer decode (pkg/config/label/label.go); Gateway Lens judges routers, services and middlewares as v2 and v3 build them, so nothing in this project is checked against Traefik. Moving to v2 or v3 is described in Traefik's migration guide (docs/content/migration/v1-to-v2.md).",
      data: { image },
    });
  },
};

/** The Dockerfile as the compose file's folder sees it (`dockerfile_inline` as it is). */
function shownDockerfile(dockerfile: string, composeFile: string): string {
  return path.isAbsolute(dockerfile) ? path.relative(path.dirname(composeFile), dockerfile) : dockerfile;
}
