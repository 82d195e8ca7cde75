// What Gateway Lens needs to know about containers and Swarm services, as plain data.

export interface ComposeContainer {
  id: string;
  name: string;
  project: string;
  service: string;
  /** com.docker.compose.container-number (1, 2, ...). */
  number: number;
  /** running, exited, created, restarting, paused, dead. */
  state: string;
  /** healthy, unhealthy, starting, or undefined without a healthcheck. */
  health?: string;
  image: string;
  labels: Record<string, string>;
  /** The compose files the project was started with (com.docker.compose.project.config_files). */
  configFiles: string[];
  workingDir?: string;
  /** IP addresses on its networks: Traefik's server URLs point at them (load-test attribution). */
  addresses?: string[];
}

export interface SwarmService {
  id: string;
  name: string;
  /** com.docker.stack.namespace */
  stack?: string;
  replicas?: number;
  labels: Record<string, string>;
}

export type DockerState =
  | { kind: 'connected'; host: string; version: string; swarmManager: boolean }
  | { kind: 'unreachable'; host: string; message: string };

export interface ContainerEvent {
  action: string;
  id: string;
  project?: string;
  service?: string;
}

export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';
export const COMPOSE_NUMBER = 'com.docker.compose.container-number';
export const COMPOSE_FILES = 'com.docker.compose.project.config_files';
export const COMPOSE_WORKDIR = 'com.docker.compose.project.working_dir';
