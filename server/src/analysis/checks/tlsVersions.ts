// A TLS option's minVersion/maxVersion is looked up by exact name in Traefik's MinVersion and
// MaxVersion maps (pkg/tls/certificate.go: VersionTLS10 … VersionTLS13); any other name is
// silently skipped (pkg/tls/tlsmanager.go buildTLSConfig: `if minConst, exists := MinVersion[…]`),
// so the option keeps Go's default bound instead of the one written.
import type { Project } from '../project';
import type { Setting } from '../traefik/staticConfig/setting';
import type { Report } from './check';

const VERSIONS = ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'];

/** `VersionTLS1`, `TLS1.2`, `1.3`: the name meant, when the digits say it. */
function meant(value: string): string | undefined {
  const m = /(?:^|[^0-9])1(?:[._]?([0-3]))?$/.exec(value.trim());
  if (!m || !/tls|version|^[0-9._]+$/i.test(value)) return undefined;
  return `VersionTLS1${m[1] ?? '0'}`;
}

/**
 * The file provider's `tls.options.<name>.<key>` settings with `<key>` in lower case, in the
 * files Traefik loads as written (read, not refused, no Go template).
 */
export function* tlsOptionSettings(project: Project): Generator<{ s: Setting; key: string }> {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return;
  for (const file of fp.files) {
    if (file.read.templated || file.refused) continue;
    for (const s of file.read.settings) {
      const path = s.path.map((p) => p.text.toLowerCase());
      if (path.length === 4 && path[0] === 'tls' && path[1] === 'options') yield { s, key: path[3] };
    }
  }
}

/** invalid-value warnings on the file provider's `tls.options.<name>.minVersion` / `maxVersion`. */
export function tlsVersionProblems(project: Project): Report<'invalid-value'>[] {
  const out: Report<'invalid-value'>[] = [];
  for (const { s, key } of tlsOptionSettings(project)) {
    const bound = key === 'minversion' ? 'minimum' : key === 'maxversion' ? 'maximum' : undefined;
    if (!bound || s.value === undefined || s.interpolated || VERSIONS.includes(s.value)) continue;
    const suggestion = meant(s.value);
    const option = s.path[2].text;
    out.push({
      file: s.file,
      range: s.valueRange ?? s.path[3].range,
      severity: 'warning',
      message: `"${s.value}" is no TLS version name: ${suggestion ? `did you mean "${suggestion}"?` : `use one of ${VERSIONS.join(', ')}`}`,
      explanation: `Traefik looks ${s.path[3].text} up by exact name among ${VERSIONS.join(', ')} and skips any other (pkg/tls/tlsmanager.go buildTLSConfig), so TLS option "${option}" gets Go's default ${bound} version instead, without an error in the log.`,
      data: { key: s.path.map((p) => p.text).join('.'), ...(suggestion ? { suggestion } : {}) },
    });
  }
  return out;
}
