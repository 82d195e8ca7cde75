// Traefik registers one certificate resolver per `certificatesResolvers` entry of the static
// configuration (ACME or Tailscale) and looks a router's `tls.certResolver` up by that name: a
// name it does not know only logs "Router uses a nonexistent certificate resolver" (v2: "the
// router … uses a non-existent resolver"; cmd/traefik/traefik.go), the router is kept, no
// certificate is obtained for it, and Traefik serves its default self-signed certificate. An entry
// point's `http.tls.certResolver` is copied into every router on it without a `tls` of its own
// (pkg/provider/traefik/internal.go, pkg/server/aggregator.go applyModel) before that same lookup.
import { valueSpan } from '../compose/interpolated';
import { byKey } from '../compose/project';
import type { Project } from '../project';
import { readByThisTraefik } from '../traefik/containers';
import type { Container } from '../traefik/model';
import type { CertResolver, StaticConfig } from '../traefik/static';
import { nearest } from '../traefik/values';
import type { Range, Related } from '../types';
import type { Check, Report } from './check';
import { liveFileNames } from './fileReferences';

const CERTRESOLVER_KEY = /^traefik\.(http|tcp)\.routers\.[^.]+\.tls\.certresolver$/i;

export const check: Check<'undefined-certresolver'> = {
  code: 'undefined-certresolver',
  severity: 'warning',
  description:
    "A router's tls.certresolver, or an entry point's http.tls.certResolver, names no certificate resolver of Traefik's static configuration.",
  run(ctx) {
    const resolvers = knownResolvers(ctx.project.staticConfig);
    if (!resolvers) return;
    for (const ref of fileReferences(ctx.project)) judge(ctx.report, ctx.project.staticConfig, resolvers, ref);
    for (const ref of entryPointReferences(ctx.project.staticConfig))
      judge(ctx.report, ctx.project.staticConfig, resolvers, ref);
  },
  container(container, ctx) {
    const config = ctx.project.staticConfig;
    const resolvers = knownResolvers(config);
    if (!resolvers || !readByThisTraefik(container, config, ctx.project.derived.matchers)) return;
    for (const ref of labelReferences(container)) judge(ctx.report, config, resolvers, ref);
  },
};

interface Reference {
  name: string;
  file: string;
  range: Range;
  /** The router that names it, or the entry point whose default resolver it is. */
  router?: string;
  entryPoint?: string;
}

/** `entryPoints.<ep>.http.tls.certResolver` of the static configuration in effect, with a value known here. */
function entryPointReferences(config: StaticConfig): Reference[] {
  const out: Reference[] = [];
  for (const ep of config.entryPoints.values()) {
    const r = ep.certResolver;
    const name = r?.value.trim();
    if (!r || !name || r.interpolated || name.includes('$')) continue;
    const lead = r.value.indexOf(name);
    // The value's own text only when the range holds exactly the value (else the key, as read).
    const exact = r.range.end - r.range.start === r.value.length;
    const range = exact ? { start: r.range.start + lead, end: r.range.start + lead + name.length } : r.range;
    out.push({ name, file: r.file, range, entryPoint: ep.name });
  }
  return out;
}

/**
 * Whether a router of this project, the file provider or an entry point may name the resolver:
 * a reference that names it, or one whose name is not known here (a variable, a template).
 */
export function resolverMayBeUsed(project: Project, name: string): boolean {
  const written = (value: string | undefined): boolean =>
    value === undefined || value.trim() === name || /[$]|\{\{/.test(value);
  for (const c of project.containers) {
    const labels = [...byKey(c.composeParts, 'labels'), ...byKey(c.composeParts, 'deploy.labels')];
    if (labels.some((l) => CERTRESOLVER_KEY.test(l.key) && (l.interpolated || written(l.value)))) return true;
  }
  for (const ep of project.staticConfig.entryPoints.values())
    if (ep.certResolver && (ep.certResolver.interpolated || written(ep.certResolver.value))) return true;
  const fp = project.fileProvider;
  // A file provider not read here may name it.
  if (fp.state !== 'read' && fp.state !== 'none') return true;
  return fileReferences(project).some((r) => r.name === name) || fp.files.some((f) => f.read.templated);
}

/** The resolvers when every source of them was read: a variable in a name or an unread file says nothing. */
function knownResolvers(config: StaticConfig): Map<string, CertResolver> | undefined {
  if (!config.found || !config.settingsKnown || config.traefikV1) return undefined;
  return config.certResolvers;
}

/** `…routers.<r>.tls.certresolver` labels in effect, `labels` and `deploy.labels` alike, with a value known here. */
function labelReferences(container: Container): Reference[] {
  const labels = [...byKey(container.composeParts, 'labels'), ...byKey(container.composeParts, 'deploy.labels')];
  const out: Reference[] = [];
  for (const label of labels) {
    if (!CERTRESOLVER_KEY.test(label.key) || label.interpolated) continue;
    const name = label.value.trim();
    if (name === '' || name.includes('$')) continue;
    const lead = label.value.indexOf(name);
    const { range } = valueSpan(label, lead, lead + name.length);
    out.push({ name, file: label.file, range, router: label.segments[3].text });
  }
  return out;
}

/** `tls.certResolver` of the file provider's routers, in files that are not templates. */
function fileReferences(project: Project): Reference[] {
  const fp = project.fileProvider;
  if (fp.state !== 'read') return [];
  const templated = new Set(fp.files.filter((f) => f.read.templated).map((f) => f.file));
  const out: Reference[] = [];
  for (const protocol of ['http', 'tcp'] as const) {
    for (const router of liveFileNames(project, protocol, 'routers').values()) {
      const s = router.fields.get('tls.certresolver');
      const name = s?.value?.trim();
      if (!s || !name || templated.has(router.file) || s.interpolated || /[$]|\{\{/.test(name)) continue;
      const range = s.valueRange ?? s.path[s.path.length - 1].range;
      out.push({ name, file: s.file, range, router: `${router.name}@file` });
    }
  }
  return out;
}

function judge(
  report: (r: Report<'undefined-certresolver'>) => void,
  config: StaticConfig,
  resolvers: Map<string, CertResolver>,
  ref: Reference,
): void {
  // Exact names are what Traefik compares; a name differing only in case is left alone, as the
  // flag and environment loaders may fold the case of map keys.
  const names = [...resolvers.keys()];
  if (names.some((n) => n.toLowerCase() === ref.name.toLowerCase())) return;
  const suggestion = nearest(ref.name, names);
  const list = names.map((n) => `"${n}"`).join(', ');
  const fix = suggestion
    ? `did you mean "${suggestion}"?`
    : names.length === 0
      ? 'define it under certificatesResolvers'
      : `use ${names.length === 1 ? list : `one of ${list}`}`;
  const defined =
    names.length > 0
      ? `The static configuration defines the certificate resolvers ${names.join(', ')}`
      : 'The static configuration defines no certificate resolver';
  report({
    file: ref.file,
    range: ref.range,
    message: `certificate resolver "${ref.name}" is not defined: ${fix}`,
    explanation: ref.entryPoint
      ? `${defined}. Entry point "${ref.entryPoint}" gives this resolver to every router on it without a tls of its own ` +
        `(pkg/provider/traefik/internal.go); Traefik logs "Router uses a nonexistent certificate resolver" for each ` +
        `(cmd/traefik/traefik.go), obtains no certificate for them and serves its default self-signed ` +
        `certificate: clients get a certificate error.`
      : `${defined}. Traefik logs "Router uses a nonexistent certificate resolver" for router "${ref.router}" ` +
        `(cmd/traefik/traefik.go), obtains no certificate for it and serves its default self-signed ` +
        `certificate: clients get a certificate error.`,
    related: related(config, resolvers),
    data: { name: ref.name, ...(suggestion ? { suggestion } : {}) },
  });
}

function related(config: StaticConfig, resolvers: Map<string, CertResolver>): Related[] {
  const out: Related[] = [];
  for (const r of resolvers.values())
    if (r.origin) out.push({ ...r.origin, message: `certificate resolver "${r.name}" is defined here` });
  if (out.length === 0 && config.sources[0])
    out.push({ ...config.sources[0], message: "Traefik's static configuration" });
  return out;
}
