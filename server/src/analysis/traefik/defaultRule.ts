// The docker (swarm) provider's `defaultRule`: a Go template Traefik parses once when the
// provider starts (pkg/provider/docker/pdocker.go Init, provider.MakeDefaultRuleTemplate; a
// template that does not parse fails Init, and the aggregator logs "Error while initializing
// provider" and never runs it), then executes for each router without a rule
// (pkg/provider/configuration.go BuildRouterConfiguration).
import { containerProvider, normalizeName, swarmWithoutServer } from './containers';
import type { Container } from './model';
import type { DockerProviderConfig, StaticConfig } from './static';

export const DEFAULT_RULE = 'Host(`{{ normalize .Name }}`)';

/**
 * The rule a router of `container` gets (pkg/provider/docker/config.go: the template's data is
 * .Name, .ContainerName and .Labels): `.Name` = `<service>_<project>` (maybe normalized),
 * `.ContainerName` the container's name, `index .Labels "key"` a label it carries. Undefined
 * when the template uses anything else or a value not known here (not guessed), or renders nothing.
 */
export function renderDefaultRule(template: string, container: Container, project: string): string | undefined {
  const service = container.compose.name;
  const name = `${service}_${project}`;
  const containerName = containerNameOf(container, project);
  // Compose labels each container with its project and service; Swarm services carry deploy.labels.
  const swarm = container.swarm;
  const labels = new Map<string, string>(
    swarm
      ? []
      : [
          ['com.docker.compose.project', project],
          ['com.docker.compose.service', service],
        ],
  );
  for (const l of container.labels)
    if (!l.interpolated && l.source === (swarm ? 'deploy.labels' : 'labels')) labels.set(l.key, l.value);
  const action = (body: string): RegExp => new RegExp(`\\{\\{-?\\s*${body}\\s*-?\\}\\}`, 'g');
  let rule = template
    .replace(action('normalize\\s+\\.Name'), normalizeName(name))
    .replace(action('\\.Name'), name)
    .replace(action('index\\s+\\.Labels\\s+"([^"\\\\]*)"'), (whole, key: string) => labels.get(key) ?? whole);
  if (containerName !== undefined)
    rule = rule
      .replace(action('normalize\\s+\\.ContainerName'), normalizeName(containerName))
      .replace(action('\\.ContainerName'), containerName);
  return rule.includes('{{') || rule.trim() === '' ? undefined : rule;
}

/**
 * The docker container's name: `container_name`, else compose's `<project>-<service>-1` for a
 * single replica (compose-go's default; several replicas get one name, and one rule, each).
 * Swarm tasks are named by Swarm: not known.
 */
function containerNameOf(container: Container, project: string): string | undefined {
  if (container.swarm) return undefined;
  const written = container.compose.containerName;
  if (written) return /\$/.test(written.value) ? undefined : written.value;
  const replicas = container.compose.replicas?.value.trim();
  if (replicas !== undefined && replicas !== '1') return undefined;
  return `${project}-${container.compose.name}-1`;
}

/** The provider's defaultRule is a template Traefik cannot parse: its Init fails and it never runs. */
export function failsToStart(config: DockerProviderConfig | undefined): boolean {
  const rule = config?.defaultRule;
  return rule !== undefined && !config?.defaultRuleAt?.interpolated && templateProblem(rule) !== undefined;
}

/**
 * Whether Traefik builds the container's routers: it is enabled, not a Swarm service without a
 * server, and its provider starts (a defaultRule template that does not parse fails Init, and the
 * aggregator never runs that provider: pkg/provider/aggregator/aggregator.go AddProvider).
 */
export function buildsRouters(container: Container, config: StaticConfig): boolean {
  return container.enabled && !swarmWithoutServer(container) && !failsToStart(containerProvider(container, config));
}

const OPENS = new Set(['if', 'range', 'with', 'define', 'block']);

/**
 * What Go's text/template parser (text/template/parse) surely refuses in `template`: an action
 * that never closes, an empty action, an `if`/`range`/`with`/`define`/`block` without its `end`
 * or an `end` without one. Anything else (function names, pipelines) is left to Traefik.
 */
export function templateProblem(template: string): string | undefined {
  let open = 0;
  let i = 0;
  while ((i = template.indexOf('{{', i)) >= 0) {
    const close = actionEnd(template, i + 2);
    if (close < 0) return 'unclosed action';
    let body = template.slice(i + 2, close);
    i = close + 2;
    body = body.replace(/^-\s/, '').replace(/\s-$/, '').trim();
    if (body.startsWith('/*')) continue;
    if (body === '') return 'missing value for command';
    const word = /^[a-z]+/.exec(body)?.[0];
    if (word && OPENS.has(word)) open++;
    else if (word === 'end' && --open < 0) return 'unexpected {{end}}';
  }
  return open > 0 ? 'unexpected EOF' : undefined;
}

/** The offset of the `}}` closing an action whose body starts at `from`, skipping quoted strings; -1 if none. */
function actionEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = c === '"' ? skipEscaped(text, i + 1) : end;
      if (i < 0) return -1;
    } else if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

/** The closing quote of a Go interpreted string opened before `from` (backslash escapes); -1 if none. */
function skipEscaped(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
