// Traefik v1 reads another label set (traefik.frontend.rule, traefik.port, traefik.backend) and
// another static configuration (its docs, v1.7 configuration/backends/docker); v2 and v3 decode
// neither (pkg/config/label/label.go), and Gateway Lens judges only v2 and v3. A project running
// traefik:1.x is not checked: one information says so, where the image names the version,
// instead of silence that reads as "no problems".
import * as path from 'path';
import { firstV1Label } from '../traefik/v1Labels';
import type { Check } from './check';

export const check: Check<'traefik-v1'> = {
  code: 'traefik-v1',
  severity: 'info',
  description: 'The project runs Traefik v1, whose labels and configuration Gateway Lens does not check.',
  run(ctx) {
    const { project } = ctx;
    const label = firstV1Label(project);
    if (label) {
      ctx.report({
        file: label.file,
        range: label.keyRange,
        message: `Traefik v1 labels (${label.key}): Gateway Lens checks Traefik v2 and v3 only; this project's labels are not checked`,
        explanation:
          "No Traefik v2 or v3 is seen for this project, and every Traefik label of its containers is one Traefik v1 reads (traefik.frontend.rule, traefik.port, traefik.backend), which v2 and v3 no longer decode (pkg/config/label/label.go): it is written for a Traefik v1 elsewhere. If a Traefik v2 or v3 serves it, these labels are ignored: moving to them is described in Traefik's migration guide (docs/content/migration/v1-to-v2.md); set gatewayLens.traefik.version (the CLI: --traefik-version) to have them judged.",
        data: { label: label.key },
      });
      return;
    }
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
