// Traefik merges same-named services of several containers into one load balancer when their
// configurations are equal apart from the servers (pkg/provider/configuration.go AddService:
// "the service is defined multiple times" only when they differ), so requests alternate between
// every container that defines it: two different images behind one name are two unrelated apps.
import { imageName } from '../traefik/images';
import { byName, definitionRange, definitions } from '../traefik/lookup';
import type { Container } from '../traefik/model';
import { hasInterpolation } from '../compose/labels';
import type { Check } from './check';
import { related } from './references';
import { sameConfiguration } from './route-conflict';

export const check: Check<'shared-service'> = {
  code: 'shared-service',
  severity: 'warning',
  description:
    'One Traefik service name defined by compose services running different images: Traefik load-balances between unrelated apps.',
  run(ctx) {
    for (const protocol of ['http', 'tcp', 'udp'] as const) {
      const defs = definitions(ctx.project, protocol, 'services').filter((d) => d.container.enabled && !d.implicit);
      for (const [name, same] of byName(defs)) {
        if (same.length < 2) continue;
        for (const def of same) {
          const mine = image(def.container);
          if (mine === undefined) continue;
          const others = same.filter(
            (o) =>
              o.container !== def.container &&
              o.container.provider === def.container.provider &&
              sameConfiguration(def, o) &&
              image(o.container) !== undefined &&
              image(o.container) !== mine,
          );
          if (others.length === 0) continue;
          const list = others.map((o) => `"${o.container.compose.name}" (${image(o.container)})`).join(', ');
          const names = others.map((o) => `"${o.container.compose.name}"`);
          const shown = names.length > 2 ? `${names[0]} and ${names.length - 1} more` : names.join(' and ');
          ctx.report({
            message: `service "${name}" is also defined by ${shown}, another image: give each its own name`,
            explanation:
              `It is also defined by ${list}, so Traefik sends its requests to ${mine} and ${others.length > 1 ? 'those' : 'that'} in turn. ` +
              'Traefik merges services of the same name from several containers into one load balancer when they are configured alike (pkg/provider/configuration.go), so requests alternate between the containers: here they run different images, so every other request reaches the wrong app.',
            file: def.labels[0].file,
            range: definitionRange(def),
            related: others.map((o) => related(o, `also defines service "${name}"`)),
            data: { name, protocol, services: others.map((o) => o.container.compose.name) },
          });
        }
      }
    }
  },
};

/** The image's repository (tags of one image are one app: a rolling upgrade), unknown when interpolated or built. */
function image(container: Container): string | undefined {
  // The last file that sets `image:` wins (compose merge).
  const written = [...container.composeParts].reverse().find((p) => p.image)?.image?.value;
  if (!written || hasInterpolation(written)) return undefined;
  return imageName(written);
}
