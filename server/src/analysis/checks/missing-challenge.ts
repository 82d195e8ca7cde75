// Traefik's ACME client for a certificate resolver needs a dnsChallenge with a provider, an
// httpChallenge with an entryPoint, or a tlsChallenge; without one every certificate request fails
// with "ACME challenge not specified, please select TLS or HTTP or DNS Challenge"
// (pkg/provider/acme/provider.go getClient), and the routers using the resolver are served
// Traefik's default self-signed certificate.
import type { StaticConfig } from '../traefik/static';
import type { Check } from './check';
import { resolverMayBeUsed } from './undefined-certresolver';

export const check: Check<'missing-challenge'> = {
  code: 'missing-challenge',
  severity: 'warning',
  description:
    'An ACME certificate resolver with no challenge Traefik can use (a dnsChallenge without provider, an httpChallenge without entryPoint, or none at all): it obtains no certificate.',
  run({ project, report }) {
    const config = project.staticConfig;
    if (!judged(config)) return;
    for (const resolver of config.certResolvers!.values()) {
      const acme = resolver.acme;
      if (!acme || acme.usable) continue;
      // Traefik asks the ACME client only for a router's certificate: a resolver no router here
      // names fails nothing here (an app of another project on this Traefik may still name it).
      const unused = !resolverMayBeUsed(project, resolver.name);
      const quiet = unused
        ? {
            severity: 'info' as const,
            explanation: ` No router, entry point or dynamic file of this project names "${resolver.name}"; a project whose routers this Traefik serves may.`,
          }
        : undefined;
      const fails =
        `Traefik's ACME client needs a dnsChallenge with a provider, an httpChallenge with an entryPoint, or a tlsChallenge; ` +
        `without one each certificate request fails ("ACME challenge not specified, please select TLS or HTTP or DNS Challenge", ` +
        `pkg/provider/acme/provider.go), and routers using resolver "${resolver.name}" are served the default self-signed certificate.`;
      for (const c of acme.incomplete) {
        report({
          file: c.origin.file,
          range: c.origin.range,
          message: `${c.challenge} has no ${c.missing}: certificate resolver "${resolver.name}" obtains no certificate`,
          explanation:
            c.challenge === 'dnsChallenge'
              ? `${fails} Set provider to your DNS provider's name (cloudflare, route53, …) and give its credentials in the environment.${quiet?.explanation ?? ''}`
              : `${fails} Set entryPoint to the entry point on port 80.${quiet?.explanation ?? ''}`,
          ...(quiet ? { severity: quiet.severity } : {}),
          data: { resolver: resolver.name, challenge: c.challenge },
        });
      }
      if (acme.incomplete.length === 0 && resolver.origin) {
        report({
          file: resolver.origin.file,
          range: resolver.origin.range,
          message: `certificate resolver "${resolver.name}" has no ACME challenge: it obtains no certificate`,
          explanation: fails + (quiet?.explanation ?? ''),
          ...(quiet ? { severity: quiet.severity } : {}),
          data: { resolver: resolver.name },
        });
      }
    }
  },
};

/** Only the resolvers of a static configuration that was read (not v1's, not one with unknown names). */
function judged(config: StaticConfig): boolean {
  return config.found && config.settingsKnown === true && !config.traefikV1 && config.certResolvers !== undefined;
}
