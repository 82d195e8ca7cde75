// "Add Service to Gateway": the plain parts of the form (no vscode import, tested in node): the
// items offered, the defaults, reading each answer with the core's own validation, and the
// closing message.
import type { AddServiceChoices, AddServiceParams } from '../../../server/src/protocol';
import {
  pathPrefixProblem,
  portProblem,
  replicasProblem,
  serviceNameProblem,
} from '../../../server/src/analysis/authoring/gatewayRequest';

export {
  defaultPathPrefix,
  entrypointProblem,
  serviceNameProblem,
} from '../../../server/src/analysis/authoring/gatewayRequest';

export interface PickItem {
  label: string;
  description?: string;
  /** What picking it means: an existing service's name, or a new one. */
  service: string;
  isNew: boolean;
}

export function serviceItems(choices: AddServiceChoices, typed = ''): PickItem[] {
  const items: PickItem[] = choices.services.map((s) => ({
    label: s.name,
    description: [
      s.ports.length > 0 ? `port ${s.ports.join(', ')}` : undefined,
      s.routed ? 'has Traefik labels' : undefined,
      s.replicas !== undefined ? `${s.replicas} replica${s.replicas === 1 ? '' : 's'}` : undefined,
    ]
      .filter((d) => d !== undefined)
      .join(' · '),
    service: s.name,
    isNew: false,
  }));
  const name = typed.trim();
  if (name !== '' && !choices.services.some((s) => s.name === name) && serviceNameProblem(name) === undefined)
    items.unshift({ label: `$(add) New service "${name}"`, description: 'a new block', service: name, isNew: true });
  return items;
}

/** Leading slash added, trailing slash removed (a PathPrefix without it also matches `/x/...`). */
export function normalizePathPrefix(text: string): string {
  const t = text.trim();
  const withSlash = t.startsWith('/') ? t : `/${t}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') || '/' : withSlash;
}

export function pathPrefixInputProblem(text: string): string | undefined {
  return pathPrefixProblem(normalizePathPrefix(text));
}

export function portInputProblem(text: string): string | undefined {
  return /^\s*\d+\s*$/.test(text) ? portProblem(Number(text)) : portProblem(NaN);
}

/** Empty: leave replicas as they are (one for a new service). */
export function replicasInputProblem(text: string): string | undefined {
  return text.trim() === '' ? undefined : replicasProblem(/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
}

export function parseReplicas(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** The message once the edit is applied: what was written, and what the checks now say. */
export function doneMessage(params: Omit<AddServiceParams, 'uri'>, problems: number): string {
  const how = [
    `port ${params.port}`,
    params.strip && params.pathPrefix !== '/' ? `${params.pathPrefix} stripped` : 'path kept',
    params.tls ? 'TLS' : undefined,
    params.replicas !== undefined ? `${params.replicas} replica${params.replicas === 1 ? '' : 's'}` : undefined,
  ].filter((x) => x !== undefined);
  const what = `"${params.service}" is behind the gateway at ${params.pathPrefix} on ${params.entrypoint} (${how.join(', ')}).`;
  return problems === 0
    ? `${what} The file checks clean.`
    : `${what} Gateway Lens reports ${problems} problem${problems === 1 ? '' : 's'} in the file; see the Problems view.`;
}
