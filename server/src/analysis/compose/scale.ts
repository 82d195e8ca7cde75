// Whether compose can scale a service, and what will go wrong if it does: a container_name
// must be unique (compose refuses), and a fixed host port can be bound only once.
import type { ComposeService } from './model';

export interface ScalePlan {
  /** Set when compose cannot scale the service at all. */
  refuse?: string;
  warnings: string[];
}

export function scalePlan(service: ComposeService, replicas: number, max: number): ScalePlan {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > max) {
    return {
      refuse: `Replicas must be a whole number from 0 to ${max} (gatewayLens.scale.maxReplicas).`,
      warnings: [],
    };
  }
  if (service.containerName && replicas > 1) {
    return {
      refuse: `"${service.name}" sets container_name "${service.containerName.value}"; compose cannot run two containers with one name. Remove container_name to scale it.`,
      warnings: [],
    };
  }
  const warnings: string[] = [];
  if (replicas > 1) {
    for (const port of service.ports) {
      if (port.published && /^\d+$/.test(port.published)) {
        warnings.push(
          `Host port ${port.published} is fixed: only one replica can bind it; the others will fail to start.`,
        );
      }
    }
  }
  return { warnings };
}
