// What "Add Service to Gateway" asks for, and why an answer cannot be written. No imports: the
// VS Code client validates each input box with the same functions the server applies.

export interface GatewayRequest {
  /** An existing compose service, or the name of a new one. */
  service: string;
  /** Public path, e.g. `/api/search`. */
  pathPrefix: string;
  /** Port the service listens on inside its container. */
  port: number;
  /** Remove the prefix before the request reaches the service. */
  strip: boolean;
  entrypoint: string;
  tls: boolean;
  replicas?: number;
}

/** Compose accepts `[a-zA-Z0-9._-]` service names (compose-spec's service name pattern). */
/** `/api/search` for `search-service` is the shape the seed's routes have; `/` stays as it is. */
export function defaultPathPrefix(service: string): string {
  return `/api/${service.toLowerCase().replace(/[-_]?service$/, '') || service.toLowerCase()}`;
}

export function serviceNameProblem(service: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(service) ? undefined : `"${service}" is not a valid compose service name.`;
}

/** The prefix lands in a backtick string of the rule and in a comma list of stripprefix. */
export function pathPrefixProblem(pathPrefix: string): string | undefined {
  return /^\/[^\s`"'\\,]*$/.test(pathPrefix)
    ? undefined
    : 'The path prefix must start with "/" and hold no blanks, quotes or commas.';
}

export function portProblem(port: number): string | undefined {
  return Number.isInteger(port) && port >= 1 && port <= 65535
    ? undefined
    : 'The port must be a whole number from 1 to 65535.';
}

export function entrypointProblem(entrypoint: string): string | undefined {
  return /^[A-Za-z0-9_-]+$/.test(entrypoint) ? undefined : `"${entrypoint}" is not a valid entry point name.`;
}

export function replicasProblem(replicas: number | undefined): string | undefined {
  return replicas === undefined || (Number.isInteger(replicas) && replicas >= 1)
    ? undefined
    : 'Replicas must be a whole number of at least 1.';
}

/** Why the request cannot be written, or undefined when it can. */
export function gatewayRequestProblem(request: GatewayRequest): string | undefined {
  return (
    serviceNameProblem(request.service) ??
    pathPrefixProblem(request.pathPrefix) ??
    portProblem(request.port) ??
    entrypointProblem(request.entrypoint) ??
    replicasProblem(request.replicas)
  );
}
