// An entry point's `http.middlewares` (static configuration) are prepended to the middlewares of
// every router on that entry point (pkg/provider/traefik/internal.go entryPointModels makes a
// model of them; pkg/server/aggregator.go applyModel prepends the model's names, unqualified ones
// then belonging to each router's own provider, GetQualifiedName). A name that does not exist
// disables every one of those routers ("middleware ... does not exist").
import type { Project } from '../project';
import { runsProvider } from '../traefik/containers';
import { routedRouters } from '../route/routers';
import { definitionsNamed, index, qualify } from '../traefik/lookup';
import type { EntryPoint } from '../traefik/static';
import { nearest, type ListItem } from '../traefik/values';
import type { Related } from '../types';
import type { Report } from './check';
import { fileRelated, liveFileNames, resolveFileReference } from './fileReferences';
import { noSwarmProvider, related, type Missing, type ReferenceRules } from './references';

const LABEL_PROVIDERS = ['docker', 'swarm'] as const;

export function entryPointMiddlewares(project: Project, rules: ReferenceRules): Report<'undefined-middleware'>[] {
  const out: Report<'undefined-middleware'>[] = [];
  for (const ep of project.staticConfig.entryPoints.values()) {
    const written = ep.middlewares;
    if (!written || written.interpolated) continue;
    const every = `every router on entry point "${ep.name}"`;
    for (const item of itemsOf(project, written)) {
      const missing: (Missing & { who?: string }) | undefined =
        otherProvider(project, ep, item, rules) ?? resolve(project, item, every, rules);
      if (!missing) continue;
      const who = missing.who ?? every;
      out.push({
        file: written.file,
        range: item.range,
        message: `${missing.message}${/[.?]$/.test(missing.message) ? '' : '.'} Traefik disables ${who}.`,
        explanation: `${missing.explanation} Entry point middlewares are prepended to each router on the entry point (pkg/server/aggregator.go applyModel).`,
        severity: missing.severity,
        related: missing.related,
        data: missing.data,
      });
    }
  }
  return out;
}

/**
 * A name without `@` defined by one provider while routers of another are on the entry point:
 * each router looks it up in its own provider (applyModel prepends the names as written; the
 * router's provider qualifies them, pkg/server/provider/provider.go GetQualifiedName), so `auth`
 * on a docker router is `auth@docker`, missing when only `auth@file` exists.
 */
function otherProvider(
  project: Project,
  ep: EntryPoint,
  item: ListItem,
  rules: ReferenceRules,
): (Missing & { who: string }) | undefined {
  const ref = qualify(item.value, '');
  if (ref.explicit || ref.name === '') return undefined;
  const defines = (p: string): boolean =>
    p === 'file'
      ? liveFileNames(project, 'http', 'middlewares').has(ref.name)
      : definitionsNamed(project, 'http', 'middlewares', p, ref.name).length > 0;
  const on = routedRouters(project).filter((r) => r.entryPoints?.includes(ep.name));
  const providers = [...new Set(on.map((r) => r.provider))];
  const owners = [...LABEL_PROVIDERS, 'file'].filter(defines);
  const lacking = providers.filter((p) => !defines(p));
  if (owners.length !== 1 || lacking.length === 0) return undefined;
  // Another compose project may define the name for the docker provider; the file provider's files are all here.
  if (
    lacking.some((p) => p !== 'file') &&
    [ref.name, ...lacking.map((p) => `${ref.name}@${p}`)].some((n) => rules.external.includes(n))
  )
    return undefined;
  if (lacking.includes('file') && (project.fileProvider.uncertain || project.fileProvider.state !== 'read'))
    return undefined;
  const owner = owners[0];
  const routers = on.filter((r) => lacking.includes(r.provider));
  const shown =
    routers
      .slice(0, 3)
      .map((r) => `"${r.fullName}"`)
      .join(', ') + (routers.length > 3 ? `, and ${routers.length - 3} more` : '');
  const lookedUp = lacking.map((p) => `"${ref.name}@${p}"`).join(' or ');
  const fileDef = owner === 'file' ? liveFileNames(project, 'http', 'middlewares').get(ref.name) : undefined;
  const labelDef = owner === 'file' ? undefined : definitionsNamed(project, 'http', 'middlewares', owner, ref.name)[0];
  const at = `"${ref.name}@${owner}" is defined here`;
  return {
    item,
    who: `the ${lacking.join(' and ')} router${routers.length === 1 ? '' : 's'} on entry point "${ep.name}" (${shown})`,
    message: `middleware "${ref.name}" is defined by the ${owner} provider: write "${ref.name}@${owner}"`,
    explanation: `A name without "@" in an entry point's middlewares belongs to each router's own provider (pkg/server/provider/provider.go GetQualifiedName), so those routers look for ${lookedUp}, which does not exist; only "${ref.name}@${owner}" does.`,
    severity: 'error',
    related: fileDef ? [fileRelated(fileDef, at)] : labelDef ? [related(labelDef, at)] : [],
    data: { name: item.value, suggestion: `${ref.name}@${owner}` },
  };
}

function resolve(project: Project, item: ListItem, who: string, rules: ReferenceRules): Missing | undefined {
  const ref = qualify(item.value, '');
  if (ref.name === '' || ref.provider === 'internal') return undefined;
  if (ref.provider === 'file') return resolveFileReference(project, who, 'http', item, ref.name, rules);
  if (ref.explicit && !(LABEL_PROVIDERS as readonly string[]).includes(ref.provider)) return undefined;
  const v2 = ref.explicit ? noSwarmProvider(project, ref.name, ref.provider, rules, `disables ${who}`) : undefined;
  if (v2) return { ...v2, item, data: { name: item.value, suggestion: v2.suggestion } };
  const config = project.staticConfig;
  // The label providers Traefik runs; a name without "@" is looked up in each router's own provider.
  const providers = LABEL_PROVIDERS.filter((p) => runsProvider(config, p) && (!ref.explicit || p === ref.provider));
  if (ref.explicit && providers.length === 0) return undefined;
  if (providers.some((p) => definitionsNamed(project, 'http', 'middlewares', p, ref.name).length > 0)) return undefined;
  const external = rules.external;
  if ([item.value, ref.name, ...LABEL_PROVIDERS.map((p) => `${ref.name}@${p}`)].some((n) => external.includes(n)))
    return undefined;
  const file = project.fileProvider;
  if (!ref.explicit) {
    // Defined by the file provider (for its routers), or its files are not all seen: not judged here.
    if (file.state === 'unknown' || file.uncertain || liveFileNames(project, 'http', 'middlewares').has(ref.name))
      return undefined;
  }
  // Names are compared without their provider; the suggestion is qualified, right for every router.
  const candidates: { name: string; qualified: string; related?: Related }[] = [];
  for (const p of providers)
    for (const name of index(project, 'http', 'middlewares').live.get(p)?.keys() ?? [])
      candidates.push({ name, qualified: `${name}@${p}` });
  if (!ref.explicit)
    for (const [name, def] of liveFileNames(project, 'http', 'middlewares'))
      candidates.push({ name, qualified: `${name}@file`, related: fileRelated(def, `"${name}" is defined here`) });
  const nearName = nearest(
    ref.name,
    candidates.map((c) => c.name),
  );
  const near = candidates.find((c) => c.name === nearName);
  const lookedUp = ref.explicit ? `"${item.value}"` : providers.map((p) => `"${ref.name}@${p}"`).join(' or ');
  if (near !== undefined) {
    return {
      item,
      message: `middleware "${item.value}" is not defined: did you mean "${near.qualified}"?`,
      explanation: `No provider defines ${lookedUp}; Traefik disables ${who} with the error middleware ... does not exist.`,
      severity: 'error',
      related: near.related ? [near.related] : [],
      data: { name: item.value, suggestion: near.qualified },
    };
  }
  return {
    item,
    message: `middleware "${item.value}" is not defined in this project: define it, or declare it external`,
    explanation: `Unless another compose project on the same Docker host defines ${lookedUp}, Traefik disables ${who} with the error middleware ... does not exist.`,
    severity: 'warning',
    related: [],
    data: { name: item.value },
    unless: 'another compose project on the Docker host defines it',
  };
}

/** The comma-separated names, each at its own range when found as written, else at the whole value. */
function itemsOf(project: Project, written: NonNullable<EntryPoint['middlewares']>): ListItem[] {
  const text =
    project.staticFiles.find((f) => f.file === written.file)?.text ??
    project.files.find((f) => f.file === written.file)?.text;
  const source = text?.slice(written.range.start, written.range.end) ?? '';
  const out: ListItem[] = [];
  let from = 0;
  for (const raw of written.value.split(',')) {
    const value = raw.trim();
    if (value === '') continue;
    const at = source.indexOf(value, from);
    if (at < 0) {
      out.push({ value, range: written.range, literal: false });
      continue;
    }
    from = at + value.length;
    out.push({ value, range: { start: written.range.start + at, end: written.range.start + from }, literal: true });
  }
  return out;
}
