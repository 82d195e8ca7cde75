// Every code a finding can carry, and the data its findings hold. Codes are a public contract
// (README, `check --list`, suppression comments, .gateway-lens.yaml, SARIF rule ids); the data is
// what a quick fix reads back from the diagnostic the editor returns, so it is typed here once:
// a check reports only the data its code declares, and a fix reads only fields that exist.

/** The type a code's data has (the value is never read: the table is for the compiler). */
const shape = <T extends object>(): T => ({}) as T;

/** A finding with no data. */
type None = Record<never, never>;

/** A name another definition of the project was meant to be (undefined-*, unknown-network, …). */
interface Named {
  name: string;
  suggestion?: string;
}

/** A router found with others: its name and theirs, and its priority. */
interface Routed {
  router: string;
  priority?: number;
}

/** A problem in a file-provider file: the key it is at, and the field meant (dynamicFiles.ts). */
export interface FileProblem {
  key: string;
  suggestion?: string;
}

export const CODES = {
  'yaml-syntax': shape<None>(),
  'nesting-too-deep': shape<None>(),
  'compose-spec': shape<None>(),
  'missing-compose-file': shape<None>(),
  'unknown-extends-service': shape<None>(),
  'extends-cycle': shape<None>(),
  'include-cycle': shape<None>(),
  'inactive-dependency': shape<None>(),
  'traefik-v1': shape<{ image?: string; label?: string }>(),
  'remote-reference': shape<None>(),
  'invalid-env-file': shape<None>(),
  'missing-env-file': shape<None>(),
  'unknown-label': shape<{ segmentIndex?: number; suggestion?: string; replacement?: string }>(),
  'duplicate-label': shape<{ key: string; kept: string }>(),
  'replaced-labels': shape<{ lost: string[] }>(),
  'unescaped-dollar': shape<{ escaped: string; written: string }>(),
  'undefined-variable': shape<{ variable: string; value: string }>(),
  'required-variable': shape<{ variable: string }>(),
  'invalid-value': shape<{ key: string; value: string; replacementKey?: string } | FileProblem>(),
  'rule-syntax': shape<{
    kind: string;
    router: string;
    protocol: string;
    syntax: string;
    suggestion?: string;
    /** On the provider's defaultRule in the static configuration, not on a router's label. */
    defaultRule?: true;
    /** On a file provider router's rule, in its dynamic file (no label to edit). */
    dynamicFile?: true;
  }>(),
  'undefined-middleware': shape<Named & { droppedBy?: string; container?: string }>(),
  'undefined-service': shape<
    Partial<Named> & { router?: string; services?: string[]; protocol?: string; droppedBy?: string; container?: string }
  >(),
  'undefined-entrypoint': shape<{ entryPoint: string; suggestion?: string; defined?: string[] }>(),
  'undefined-certresolver': shape<Named>(),
  'missing-challenge': shape<{ resolver: string; challenge?: string }>(),
  'missing-port': shape<{
    service: string;
    protocol: string;
    compose: string;
    ports: number[];
    /** The image cannot be seen here (an information): the CLI's text output sums these up. */
    unseen?: true;
  }>(),
  'not-enabled': shape<{
    insertEnable?: boolean;
    enabled?: false;
    label?: string;
    source?: string;
    service?: string;
  }>(),
  'unknown-network': shape<Named>(),
  'network-unreachable': shape<{ service: string; network?: string; networks?: string[] }>(),
  'route-conflict': shape<Partial<Routed> & { name?: string; kind?: string; protocol?: string; rivals?: string[] }>(),
  'route-shadowed': shape<Routed & { shadowedBy: string[] }>(),
  'priority-tie': shape<Routed & { rivals: string[] }>(),
  'stripprefix-mismatch': shape<{ router: string; middleware: string; expected: string; suggestion: string }>(),
  'scale-container-name': shape<{ service: string; replicas: number }>(),
  'shared-service': shape<{ name: string; protocol: string; services: string[] }>(),
  'non-http-port': shape<{ port: number; image: string; service: string }>(),
  'published-port': shape<{ port: number; target: number; service: string }>(),
  'dashboard-loop': shape<{ router: string; fix: string }>(),
  'healthcheck-command': shape<{ image: string; program: string }>(),
  'unknown-static-key': shape<{ problem?: string; segmentIndex: number; suggestion?: string }>(),
  'unknown-dynamic-key': shape<FileProblem>(),
  'invalid-dynamic-file': shape<None>(),
  'literal-variable': shape<{ name: string }>(),
  'ignored-static-config': shape<{ kind: string; label?: string; count?: number }>(),
  'unused-suppression': shape<{ kind: string; name?: string; suggestion?: string }>(),
  'invalid-config': shape<{ name?: string; suggestion?: string }>(),
  'internal-error': shape<None>(),
  'too-many-findings': shape<None>(),
} as const satisfies Record<string, object>;

export type Code = keyof typeof CODES;

/**
 * The data of a finding of `code`. Any finding may also say, when the Traefik version is unknown,
 * in which version it is a mistake (checks/versions.ts).
 */
export type DataOf<C extends Code> = (typeof CODES)[C] & { versions?: { wrong: string; valid: string } };

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}
