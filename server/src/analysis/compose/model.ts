// The compose file as the checks see it: services with their labels and the settings
// Traefik's docker provider reads, every piece with its exact source range.
import type { Range } from '../types';
import type { Interpolation } from './env/interpolate';
import type { SpecProblem } from './spec';
import type { AnchorUse } from './anchors';

/** A scalar read from the file, with the range of its text (quotes included). */
export interface Scalar {
  value: string;
  range: Range;
}

/**
 * A string value that holds `${X?err}` / `${X:?err}` (compose/templates.ts): its text (quotes
 * included) and, when the value is the source character for character, the value's own range.
 */
export interface TemplateScalar extends Scalar {
  valueRange?: Range;
}

/** An `env_file:` entry: its path; `optional` when the long form says `required: false` (or a variable decides). */
export interface EnvFileRef extends Scalar {
  optional?: true;
}

/**
 * A `depends_on:` entry (compose spec 05-services.md depends_on), short or long form: the
 * service it names; `optional` when the long form says `required: false` (or a variable decides).
 */
export interface DependencyRef extends Scalar {
  optional?: true;
}

/** One dot-separated piece of a label key, e.g. `routers` in `traefik.http.routers.api.rule`. */
export interface KeySegment {
  text: string;
  range: Range;
  /** False when a variable makes (part of) it: the text at `range` is the `${...}`, not the segment. */
  literal?: false;
}

export type LabelForm = 'list' | 'map';
export type QuoteStyle = '"' | "'" | '';

export interface Label {
  /** The compose file the label is written in. */
  file: string;
  key: string;
  value: string;
  /** Range of the key text in the file. */
  keyRange: Range;
  /** Range of the value text (empty range right after `=` or `:` when the value is empty). */
  valueRange: Range;
  /** The whole list item or map pair, for fixes that replace or delete the label. */
  entryRange: Range;
  segments: KeySegment[];
  /**
   * False when quoting, escapes or folding make the character mapping uncertain; the key,
   * value and segment ranges then all cover the whole scalar.
   */
  exact: boolean;
  form: LabelForm;
  /** Quote style of the scalar holding the key (list form: the whole item). */
  quote: QuoteStyle;
  /** Where the label sits: `labels` (container labels) or `deploy.labels` (Swarm service labels). */
  source: 'labels' | 'deploy.labels';
  /**
   * True when the value holds `${...}` compose interpolation and cannot be judged: a variable is
   * neither set (.env, the CLI's environment) nor defaulted.
   */
  interpolated: boolean;
  /** Set when the written value holds `$`: what compose's interpolation made of it (interpolated.ts). */
  interpolation?: LabelInterpolation;
  /**
   * Set when a list-form key's variables were all known and replaced (`key` and `segments` are
   * then the interpolated ones): a segment from a variable is not text to edit in place.
   */
  keyInterpolation?: LabelInterpolation;
}

/** A label value as written and as compose interpolates it. */
export interface LabelInterpolation {
  /** The value as written (`value` is the interpolated one when every variable is known). */
  written: string;
  /** Ranges in it are offsets into `written`. */
  result: Interpolation;
  /** Whether `written` is the source text at valueRange character for character (ranges map exactly). */
  identity: boolean;
}

export interface PortMapping {
  /** Container port (the one Traefik sees), undefined when not a plain number (ranges, variables). */
  target?: number;
  /** Host port when published (`8080:80`), for scale clash warnings. */
  published?: string;
  protocol: string;
  range: Range;
  /** The short syntax as written, kept when it holds `$` (compose interpolates it first). */
  written?: string;
}

/** A service's `build:` (compose spec build.md): the short form is the context alone. */
export interface BuildSpec {
  /** The `build:` value, for messages and ranges. */
  range: Range;
  context?: Scalar;
  dockerfile?: Scalar;
  /** `dockerfile_inline`: the Dockerfile's text itself. */
  inline?: Scalar;
  target?: Scalar;
  /** `args` (map or `KEY=value` list); null where the value comes from the environment (`- KEY`). */
  args: Map<string, string | null>;
}

/** One `environment:` entry: `- NAME=value` / `- NAME` (list form) or `NAME: value` (map form). */
export interface EnvVar {
  name: string;
  /** Undefined for `- NAME` or `NAME:` (compose takes the value from the shell, or unsets it). */
  value?: string;
  /** Range of the name text (the whole scalar when quoting makes the mapping uncertain). */
  nameRange: Range;
  /** Range of the value's text, only when it is written as it is read (no escapes, no folding). */
  valueRange?: Range;
  /** The whole list item or map pair. */
  entryRange: Range;
}

/**
 * `healthcheck.test`: a list whose first item is `NONE`, `CMD` or `CMD-SHELL`, or a string (run
 * with the image's shell, as `CMD-SHELL`).
 */
export interface Healthcheck {
  test: Scalar[];
  /** The test was written as one string. */
  isString: boolean;
  /** `disable: true`. */
  disabled: boolean;
}

export interface LabelBlock {
  source: 'labels' | 'deploy.labels';
  form: LabelForm;
  /** Range of the `labels` collection node. */
  range: Range;
  /** Indentation (in spaces) of the collection's items; -1 when flow style. */
  indent: number;
}

/** `extends:` (compose spec 05-services.md extends): a base service, in this file or in `file`. */
export interface ExtendsRef {
  service: Scalar;
  file?: Scalar;
  /** The `extends:` value. */
  range: Range;
}

/**
 * A `labels:` written next to a `<<:` merge key whose maps also have `labels`: YAML takes the
 * whole key from the mapping itself, so the merged labels it does not repeat are lost.
 */
export interface ReplacedLabels {
  source: 'labels' | 'deploy.labels';
  /** The own `labels` key. */
  range: Range;
  /** The `<<` value (`*anchor`, or a list of them), and its text. */
  merge: Range;
  mergeText: string;
  /** The merged `labels` node that is not read. */
  merged: Range;
  /** Keys of the merged labels the own ones do not set. */
  lost: string[];
}

/** The fields whose `!reset` / `!override` the model honours. */
export type MergeTagged = 'labels' | 'deploy.labels' | 'ports' | 'expose';

export interface ComposeService {
  name: string;
  nameRange: Range;
  /** The whole `name: {...}` entry, key to end of its value. */
  range: Range;
  file: string;
  image?: Scalar;
  build?: BuildSpec;
  containerName?: Scalar;
  command?: Scalar[];
  /** `command:` given as one string (shell form) instead of a list. */
  commandIsString: boolean;
  entrypoint?: Scalar[];
  ports: PortMapping[];
  expose: PortMapping[];
  networks: Scalar[];
  networkMode?: Scalar;
  replicas?: Scalar;
  profiles: Scalar[];
  extends?: ExtendsRef;
  /** `depends_on:` entries, in the order written. */
  dependsOn: DependencyRef[];
  volumes: Scalar[];
  /** `environment:` in list or map form (compose spec 05-services.md environment). */
  environment: EnvVar[];
  /** `env_file:` paths as written (string, list of strings, or list of `{path}`). */
  envFiles: EnvFileRef[];
  labels: Label[];
  labelBlocks: LabelBlock[];
  /** Labels lost to YAML merge-key precedence (only read when the file has anchors). */
  replacedLabels: ReplacedLabels[];
  /**
   * Fields this file tags `!reset` (the value of the files before is dropped, this one's too) or
   * `!override` (this value replaces theirs instead of merging), compose spec 13-merge.md
   * "Reset value" and "Replace value": `labels`, `ports`, `expose`, `deploy.labels`.
   */
  mergeTags?: Partial<Record<MergeTagged, '!reset' | '!override'>>;
  /** `healthcheck:` (compose spec 05-services.md healthcheck), when it has a `test`. */
  healthcheck?: Healthcheck;
  /** What the Compose Specification's schema says of the service's body (compose-spec). */
  spec: SpecProblem[];
  /** String values of the body holding a required variable (compose/templates.ts). */
  templates?: TemplateScalar[];
  /** Range of the `environment` values etc. are not read; add fields here as checks need them. */
}

export interface YamlProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
  /** Nesting deeper than Gateway Lens reads (compose may accept it): nesting-too-deep, not yaml-syntax. */
  tooDeep?: boolean;
}

export interface ComposeFile {
  file: string;
  text: string;
  services: ComposeService[];
  /** Names of the top-level `networks:` with their `name:` when given, and whether compose creates them. */
  networks: { key: string; name?: string; range: Range; external?: boolean }[];
  problems: YamlProblem[];
  /** What the Compose Specification's schema says of the top-level keys besides `services`. */
  spec?: SpecProblem[];
  /** Range of the `services:` mapping node, when present. */
  servicesRange?: Range;
  /** String values outside `services:` holding a required variable (compose/templates.ts). */
  templates?: TemplateScalar[];
  /** The anchors services read through aliases (compose/anchors.ts), when the file has any. */
  anchors?: AnchorUse[];
}
