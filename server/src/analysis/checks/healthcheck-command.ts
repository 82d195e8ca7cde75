// Traefik's docker provider skips a container whose health is anything but "healthy" while it has
// a healthcheck (pkg/provider/docker/shared.go keepContainer: "Filtering unhealthy or starting
// container"). A healthcheck that cannot run in its image never passes: an image built FROM
// scratch (traefik/whoami) has no shell for `CMD-SHELL` or a string test and no wget or curl.
import { hasInterpolation } from '../compose/labels';
import type { Healthcheck } from '../compose/model';
import { FROM_SCRATCH, imageName } from '../traefik/images';
import type { Check } from './check';
import { dropsContainer } from './unknown-label';

/** Programs a healthcheck calls that only exist in an image that ships them. */
const PROGRAMS = new Set(['wget', 'curl', 'nc', 'sh', 'bash', 'ash', 'busybox']);

export const check: Check<'healthcheck-command'> = {
  code: 'healthcheck-command',
  severity: 'error',
  description:
    'A compose healthcheck running a shell, wget or curl in an image built FROM scratch (traefik/whoami): never healthy, so Traefik skips it.',
  container(container, ctx) {
    const parts = [...container.composeParts].reverse();
    const written = parts.find((p) => p.image)?.image?.value;
    const check = parts.find((p) => p.healthcheck)?.healthcheck;
    if (!written || hasInterpolation(written) || !check || check.disabled) return;
    const image = imageName(written);
    if (!FROM_SCRATCH.has(image)) return;
    const missing = missingProgram(check);
    if (!missing) return;
    const part = parts.find((p) => p.healthcheck === check)!;
    ctx.report({
      message: `${image} has no ${missing.name} (FROM scratch): this healthcheck never passes; remove it`,
      explanation:
        `The healthcheck runs ${missing.how} inside the container, and ${image} holds nothing but its own binary (its Dockerfile starts FROM scratch). ` +
        'The check fails every time, the container stays "unhealthy", and Traefik\'s docker provider ignores containers that are not healthy (pkg/provider/docker/shared.go keepContainer); services that wait for it with `depends_on: condition: service_healthy` never start.',
      file: part.file,
      range: missing.range,
      effect: dropsContainer(container.compose.name),
      data: { image, program: missing.name },
    });
  },
};

function missingProgram(
  check: Healthcheck,
): { name: string; how: string; range: Healthcheck['test'][number]['range'] } | undefined {
  const [first, second] = check.test;
  if (check.isString) return { name: 'shell', how: 'a string test with /bin/sh', range: first.range };
  const kind = first.value.trim().toUpperCase();
  if (kind === 'CMD-SHELL') return { name: 'shell', how: 'CMD-SHELL with /bin/sh', range: first.range };
  if (kind !== 'CMD' || !second) return undefined;
  const program = second.value.trim().split('/').pop() ?? '';
  return PROGRAMS.has(program) ? { name: program, how: `\`${program}\``, range: second.range } : undefined;
}
