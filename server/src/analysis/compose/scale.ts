// Whether compose can scale a service, and what will go wrong if it does: a container_name
// must be unique (compose refuses), and a fixed host port can be bound only once. The language
// server answers the plan (gatewayLens/scalePlan), so the extension never parses compose files.
import type { ComposeFile, ComposeService } from './model';

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

/** A compose service of a running project, as its containers' labels name it. */
export interface ComposeScaleTarget {
  /** com.docker.compose.project */
  project: string;
  service: string;
  /** com.docker.compose.project.config_files: the -f set the project was started with. */
  configFiles: string[];
  /** com.docker.compose.project.working_dir */
  workingDir?: string;
}

/** What `docker compose up --scale` is run with, or why it must not be. */
export type ComposeScalePlan =
  | { refuse: string }
  | {
      refuse?: undefined;
      /** The -f set, in order. */
      files: string[];
      /** Where compose runs (the project directory). */
      projectDirectory?: string;
      project: string;
      service: string;
      warnings: string[];
    };

/**
 * The plan for scaling `target` to `replicas`, from `files`: those of target.configFiles that
 * could be read, parsed. The service is merged over them as compose merges override files.
 */
export function composeScalePlan(
  target: ComposeScaleTarget,
  files: ComposeFile[],
  replicas: number,
  max: number,
): ComposeScalePlan {
  if (target.configFiles.length === 0) {
    return {
      refuse: `The containers of "${target.service}" do not name their compose files (com.docker.compose.project.config_files), so Gateway Lens cannot run compose for project "${target.project}".`,
    };
  }
  const service = mergedService(files, target.service);
  if (!service) {
    const read = files.length === 0 ? 'none of them could be read' : 'it is not defined there';
    return {
      refuse: `"${target.service}" was started from ${target.configFiles.join(', ')}, but ${read}; scaling it through compose would fail.`,
    };
  }
  const plan = scalePlan(service, replicas, max);
  if (plan.refuse) return { refuse: plan.refuse };
  return {
    files: target.configFiles,
    projectDirectory: target.workingDir,
    project: target.project,
    service: target.service,
    warnings: plan.warnings,
  };
}

/** The service as compose merges it over override files: any container_name, every port. */
function mergedService(files: ComposeFile[], name: string): ComposeService | undefined {
  const parts = files.flatMap((f) => f.services.filter((s) => s.name === name));
  if (parts.length === 0) return undefined;
  return {
    ...parts[0],
    containerName: parts.map((p) => p.containerName).find((c) => c !== undefined),
    ports: parts.flatMap((p) => p.ports),
  };
}
