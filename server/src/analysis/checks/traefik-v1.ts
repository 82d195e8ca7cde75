// Traefik v1 reads another label set (traefik.frontend.rule, traefik.port, traefik.backend) and
// another static configuration (its docs, v1.7 configuration/backends/docker); v2 and v3 decode
// neither (pkg/config/label/label.go), and Gateway Lens judges only v2 and v3. A project running
// traefik:1.x is not checked: one information says so, where the image names the version,
// instead of silence that reads as "no problems".
import { findTraefikService } from '../traefik/staticConfig';
import type { Check } from './check';

export const check: Check<'traefik-v1'> = {
  code: 'traefik-v1',
  severity: 'info',
  description: 'The project runs Traefik v1, whose labels and configuration Gateway Lens does not check.',
  run(ctx) {
    const { project } = ctx;
    if (project.staticConfig.traefikV1 !== true) return;
    const service = findTraefikService(project.files);
    // The last file that sets the image is the one compose runs.
    const part = [...(service?.parts ?? [])].reverse().find((p) => p.image);
    if (!service || !part?.image) return;
    const image = service.image?.value ?? part.image.value;
    ctx.report({
      file: part.file,
      range: part.image.range,
      message: `Traefik v1 (${image}): Gateway Lens checks Traefik v2 and v3 only; this project's v1 labels and configuration are not checked`,
      explanation:
        "Traefik v1 reads labels such as traefik.frontend.rule and traefik.port, which v2 and v3 no longer decode (pkg/config/label/label.go); Gateway Lens judges routers, services and middlewares as v2 and v3 build them, so nothing in this project is checked against Traefik. Moving to v2 or v3 is described in Traefik's migration guide (docs/content/migration/v1-to-v2.md).",
      data: { image },
    });
  },
};
