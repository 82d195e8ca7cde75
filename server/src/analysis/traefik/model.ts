// Traefik's dynamic configuration as the docker provider builds it from one container's
// labels (pkg/provider/docker/config.go, pkg/config/label), with links back to the labels.
import type { ComposeService, KeySegment, Label } from '../compose/model';
import type { ImagePorts } from './imagePorts';

export type Protocol = 'http' | 'tcp' | 'udp';
export type Kind = 'routers' | 'services' | 'middlewares';
export type ProviderName = 'docker' | 'swarm';

/** One router, service or middleware as one container declares it. */
export interface Definition {
  protocol: Protocol;
  kind: Kind;
  /** The name as written in the labels (case kept). */
  name: string;
  container: Container;
  /** Every label whose key is `traefik.<protocol>.<kind>.<name>[.…]`. */
  labels: Label[];
  /** The name segment in each of those keys (rename and go-to-definition use them). */
  nameSegments: KeySegment[];
  /**
   * Field path (lower-cased, dot-joined, after the name) -> label. E.g. `rule`,
   * `loadbalancer.server.port`, `stripprefix.prefixes`.
   */
  fields: Map<string, Label>;
  /** Created by the provider, not by a label (router/service named after the container). */
  implicit: boolean;
}

export interface Router extends Definition {
  kind: 'routers';
}

export interface Container {
  compose: ComposeService;
  /** Every compose service of the same name across the project's files (override files). */
  composeParts: ComposeService[];
  /** What the image EXPOSEs (its Dockerfile for a local build, else the table of known images). */
  imagePorts: ImagePorts;
  /** Traefik's name for it: normalize(`<service>_<project>`), used for implicit router/service. */
  traefikName: string;
  /**
   * The provider's name as Traefik qualifies names with it (`x@docker`): `docker` also for the v2
   * docker provider in swarm mode (pkg/provider/docker/docker.go: ProviderName "docker" either way).
   */
  provider: ProviderName;
  /**
   * It is a Swarm service: its deploy.labels are read, it gets no port from Docker, and Swarm names
   * it (v3's swarm provider, or v2's `providers.docker.swarmMode`).
   */
  swarm: boolean;
  /** All labels Traefik sees on the container, later files overriding earlier keys. */
  labels: Label[];
  /** `traefik.enable` when set. */
  enableLabel?: Label;
  /** Whether the provider keeps the container (traefik.enable against exposedByDefault). */
  enabled: boolean;
  definitions: Definition[];
}

export function field(def: Definition, path: string): Label | undefined {
  return def.fields.get(path);
}

/** Comma-separated list value as paerser splits it: items trimmed, empty value = no list. */
export function listValue(value: string): string[] {
  if (value.trim() === '') return [];
  return value.split(',').map((s) => s.trim());
}
