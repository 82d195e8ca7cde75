// Which Traefik major a static configuration was written for, from its own keys. Traefik v3 does
// not start with the v2 options it removed (pkg/cli/deprecation.go; docs/content/migration/
// v2-to-v3.md), so a configuration holding some of them, and none of the options v3 added, only
// ever runs on v2.
import { hasInterpolation } from '../../compose/labels';
import type { StaticConfig } from '../static';
import type { SourceFile } from './index';
import { readStaticText } from './file';
import { readFlags } from './flags';
import { lookupStaticKey } from './schema';
import type { TraefikService } from './service';
import type { KeyPart } from './setting';

/** Options v3 added that v2 refuses ("field not found"): `providers.swarm`, `core.defaultRuleSyntax`, OTLP. */
const V3_ONLY = [/^providers\.swarm(\.|$)/, /^core(\.|$)/, /^tracing\.otlp(\.|$)/, /^metrics\.otlp(\.|$)/];

export interface MajorKeys {
  /** Keys (dotted, as written) that only v2 accepts. */
  v2: string[];
  /** Keys that only v3 accepts. */
  v3: string[];
}

export function majorKeys(paths: readonly KeyPart[][]): MajorKeys {
  const out: MajorKeys = { v2: [], v3: [] };
  for (const path of paths) {
    const texts = path.map((p) => p.text);
    if (texts.length === 0 || texts.some(hasInterpolation)) continue;
    const dotted = texts.join('.');
    if (V3_ONLY.some((r) => r.test(dotted.toLowerCase()))) {
      out.v3.push(dotted);
      continue;
    }
    // The removed option itself, once (its sub-keys are listed too: `metrics.influxDB.address`).
    const looked = lookupStaticKey(texts, 'v3');
    const removed = texts.slice(0, (looked.bad ?? 0) + 1).join('.');
    if (looked.problem === 'removed' && !out.v2.includes(removed)) out.v2.push(removed);
  }
  return out;
}

/** The keys of the one source Traefik reads its static configuration from (file, flags or variables). */
export function staticMajorKeys(
  config: StaticConfig,
  staticFiles: readonly SourceFile[],
  service: TraefikService | undefined,
): MajorKeys {
  if (config.from === 'file') return majorKeys(staticFiles.flatMap((f) => readStaticText(f.file, f.text).keys));
  if (config.from === 'flags' && service?.command) {
    const { words, file } = service.command;
    return majorKeys(readFlags(words, file.text, 'v3').flags.map((f) => f.segments));
  }
  if (config.from === 'env') return majorKeys((config.variables ?? []).map((v) => v.path));
  return { v2: [], v3: [] };
}
