// With exposedByDefault=false the docker and swarm providers skip every container that does not
// set traefik.enable=true, so its routers, services and middlewares never reach Traefik
// (pkg/provider/docker/config.go keepContainer, shared_labels.go extractDockerLabels).
import type { Container } from '../traefik/model';
import { fragmentServices } from '../traefik/staticConfig';
import type { StaticConfig } from '../traefik/static';
import { parseBool } from '../traefik/values';
import { containerProvider, keptByConstraints, runsNoLabelProvider } from '../traefik/containers';
import { byKey } from '../compose/project';
import { dropsContainer } from './unknown-label';
import type { Check, CheckContext } from './check';

const DYNAMIC = /^traefik\.(http|tcp|udp)\./i;

export const check: Check<'not-enabled'> = {
  code: 'not-enabled',
  severity: 'warning',
  description:
    'A service declares routers, services or middlewares that Traefik ignores: exposedByDefault=false without traefik.enable=true, no docker provider, or constraints that prune it (info).',
  container(container, ctx) {
    const config = ctx.project.staticConfig;
    if (!config.found) return;
    // An override fragment's base file (not in the project) may set traefik.enable.
    if (!fragmentServices(ctx.project).has(container.compose.name)) judge(ctx, config, container);
  },
};

function judge(ctx: Pick<CheckContext, 'report' | 'project'>, config: StaticConfig, container: Container): void {
  containerLabelsUnderSwarm(ctx, config, container);
  deployLabelsUnderDocker(ctx, config, container);
  const declared = container.labels.filter((l) => DYNAMIC.test(l.key));
  if (declared.length === 0) return;
  const first = container.labels.find((l) => l.key.toLowerCase().startsWith('traefik.')) ?? declared[0];
  if (runsNoLabelProvider(config)) return noProvider(ctx, config, container, first);
  const provider = containerProvider(container, config);
  if (!provider) return;
  if (keptByConstraints(container.labels, provider, ctx.project.derived.matchers) === false) {
    // Often on purpose (another Traefik takes it), so said as information.
    ctx.report({
      file: first.file,
      range: first.keyRange,
      severity: 'info',
      message: `Traefik prunes "${container.compose.name}": its labels do not match the provider's constraints`,
      explanation: `The ${container.provider} provider keeps only containers whose labels match its constraints expression ${provider.constraints} ("Container pruned by constraint expression", pkg/provider/docker/config.go keepContainer; pkg/provider/constraints/constraints_labels.go), so the routers, services and middlewares in the labels of "${container.compose.name}" never reach this Traefik. Add the label the expression asks for, or leave it if another Traefik reads this container.`,
      effect: dropsContainer(container.compose.name),
      related: provider.origin ? [{ ...provider.origin, message: 'the provider and its constraints' }] : undefined,
      data: { insertEnable: false, service: container.compose.name },
    });
    return;
  }
  if (provider.exposedByDefaultUnknown) return;
  const enable = container.enableLabel;
  const name = container.compose.name;
  const where = container.swarm ? 'deploy.labels' : 'labels';
  if (enable) {
    if (enable.interpolated || parseBool(enable.value.trim()) !== false) return;
    ctx.report({
      file: enable.file,
      range: enable.valueRange,
      severity: 'info',
      message: `traefik.enable=false: Traefik ignores "${name}" and its routing labels; on purpose?`,
      explanation: `Traefik skips a container whose traefik.enable label is false, whatever exposedByDefault says (pkg/provider/docker/config.go keepContainer): none of the routers, services and middlewares in its labels exist.`,
      data: { enabled: false },
      effect: dropsContainer(name),
    });
    return;
  }
  if (provider.exposedByDefault) return;
  ctx.report({
    file: first.file,
    range: first.keyRange,
    message: `Traefik ignores "${name}": add traefik.enable=true to its ${where}`,
    explanation:
      `The ${container.provider} provider has exposedByDefault=false, and it skips every container that does not set ` +
      `traefik.enable=true (pkg/provider/docker/config.go keepContainer), so the routers, services and middlewares in the labels of "${name}" never reach Traefik.`,
    effect: dropsContainer(name),
    related: provider.origin
      ? [
          {
            ...provider.origin,
            message: `the ${container.provider} provider is configured here (exposedByDefault=false)`,
          },
        ]
      : undefined,
    data: { insertEnable: true, label: 'traefik.enable=true', source: where, service: name },
  });
}

/**
 * Traefik starts no provider it is not told to (each is a pointer section of the static
 * configuration, pkg/config/static/static_config.go Providers), and `providers.docker=false`
 * turns one off whatever its children say: then no container label is read.
 */
function noProvider(
  ctx: { report: CheckContext['report'] },
  config: StaticConfig,
  container: Container,
  first: Container['labels'][number],
): void {
  const name = container.compose.name;
  ctx.report({
    file: first.file,
    range: first.keyRange,
    message: `Traefik reads no labels: its static configuration enables no docker provider`,
    explanation:
      `Traefik's static configuration here enables neither the docker nor the swarm provider (add --providers.docker, or providers: docker: {} in its file), ` +
      `and a provider it is not told to start does not run (pkg/config/static/static_config.go Providers), so the routers, services and middlewares in the labels of "${name}" never reach this Traefik. ` +
      `If another Traefik reads them, suppress this finding.`,
    effect: dropsContainer(name),
    related: config.sources.slice(0, 1).map((o) => ({ ...o, message: "Traefik's static configuration" })),
    data: { insertEnable: false, service: name },
  });
}

/**
 * The swarm provider (v3 `providers.swarm`, v2 `providers.docker.swarmMode`) reads a Swarm
 * service's labels, which compose writes from `deploy.labels` (pkg/provider/docker/pswarm.go
 * parseService: service.Spec.Annotations.Labels), never the containers' `labels:`. With no docker
 * provider beside it, Traefik labels written there make nothing.
 */
function containerLabelsUnderSwarm(
  ctx: { report: CheckContext['report'] },
  config: StaticConfig,
  container: Container,
): void {
  // container.swarm, not its provider's name: under v2 swarmMode Traefik names it @docker (31a5ac6).
  if (!container.swarm || !config.settingsKnown || config.docker || !config.swarm) return;
  const ignored = byKey(container.composeParts, 'labels').filter((l) => DYNAMIC.test(l.key));
  if (ignored.length === 0) return;
  const name = container.compose.name;
  ctx.report({
    file: ignored[0].file,
    range: ignored[0].keyRange,
    message: `Traefik ignores these labels of "${name}": its swarm provider reads only deploy.labels; move them there`,
    explanation:
      `Traefik runs the swarm provider only, which reads the labels of the Swarm service (compose's deploy.labels; pkg/provider/docker/pswarm.go parseService), never the container labels under labels:, ` +
      `so the ${ignored.length === 1 ? 'router, service or middleware label' : `${ignored.length} router, service and middleware labels`} of "${name}" written there never reach Traefik. If another Traefik reads them, suppress this finding.`,
    related: config.swarm.origin
      ? [{ ...config.swarm.origin, message: 'the swarm provider is configured here' }]
      : undefined,
    data: { insertEnable: false, service: name },
  });
}

/**
 * The mirror: the docker provider without swarm mode lists containers and reads their labels
 * (pkg/provider/docker/pdocker.go listContainers), and neither `docker compose up` (which writes
 * only labels: on a container, docker/compose pkg/compose/create.go) nor `docker stack deploy`
 * (which writes deploy.labels on the Swarm service, not its tasks' containers) puts deploy.labels
 * where it looks. With no swarm provider beside it, Traefik labels written there make nothing.
 */
function deployLabelsUnderDocker(
  ctx: { report: CheckContext['report'] },
  config: StaticConfig,
  container: Container,
): void {
  if (container.swarm || !config.settingsKnown || !config.docker || config.docker.swarmMode || config.swarm) return;
  const ignored = byKey(container.composeParts, 'deploy.labels').filter((l) => DYNAMIC.test(l.key));
  if (ignored.length === 0) return;
  const name = container.compose.name;
  ctx.report({
    file: ignored[0].file,
    range: ignored[0].keyRange,
    message: `Traefik ignores these deploy.labels of "${name}": its docker provider reads container labels; move them to labels:`,
    explanation:
      `Traefik runs the docker provider without swarm mode, which reads the labels of containers (pkg/provider/docker/pdocker.go listContainers); docker compose puts only labels: on a container (docker/compose pkg/compose/create.go) and docker stack deploy puts deploy.labels on the Swarm service, ` +
      `so the ${ignored.length === 1 ? 'router, service or middleware label' : `${ignored.length} router, service and middleware labels`} of "${name}" written there never reach Traefik. If it runs in a swarm, enable the swarm provider (v3 --providers.swarm, v2 --providers.docker.swarmMode); if another Traefik reads them, suppress this finding.`,
    related: config.docker.origin
      ? [{ ...config.docker.origin, message: 'the docker provider is configured here' }]
      : undefined,
    data: { insertEnable: false, service: name },
  });
}
