// The JSON schema of .gateway-lens.yaml, built from the checks' codes and descriptions: the same
// object validates the file here (ajv) and is written to schemas/gateway-lens-config.json for
// editors (`npm run schemas:config`; a test keeps the two equal).
import { CHECKS } from '../checks/registry';

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;

const names = (what: string, setting: string) => ({
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', minLength: 1 },
  description: `${what} defined outside these compose files (other compose projects on the same Docker host, or name@file). Replaces the ${setting} setting.`,
});

export function configSchema(): Record<string, unknown> {
  const codes = [...CHECKS.map((c) => ({ code: c.code, description: c.description, severity: c.severity }))];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Gateway Lens configuration (.gateway-lens.yaml)',
    description:
      'Settings for everyone who checks this project: the editor and gateway-lens check read the nearest .gateway-lens.yaml at or above the compose file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      severity: {
        type: 'object',
        description:
          'Severity per finding code, over its default: off (not reported), info, warning or error. gateway-lens check --list lists the codes.',
        properties: Object.fromEntries(
          codes.map((c) => [
            c.code,
            { $ref: '#/definitions/level', description: `${c.description} (default: ${c.severity})` },
          ]),
        ),
        additionalProperties: false,
      },
      traefik: {
        type: 'object',
        description: 'Facts about the Traefik that serves this project.',
        additionalProperties: false,
        properties: {
          version: {
            enum: ['v2', 'v3'],
            description:
              'Traefik major version the labels are written for; by default read from the Traefik image tag, else v3. Wins over the gatewayLens.traefik.version setting.',
          },
          staticConfig: {
            type: 'string',
            minLength: 1,
            description:
              "Traefik's static configuration (traefik.yml), relative to this file. Wins over the gatewayLens.traefik.staticConfig setting.",
          },
        },
      },
      externalMiddlewares: names('Middleware names', 'gatewayLens.externalMiddlewares'),
      externalServices: names('Service names', 'gatewayLens.externalServices'),
      files: {
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', minLength: 1 },
        description:
          'Extra globs of compose files, relative to this file (besides docker-compose*.yml and compose*.yml). Added to the gatewayLens.files setting.',
      },
    },
    definitions: {
      level: {
        enum: [...LEVELS],
        description: 'off: not reported; info, warning or error: reported with this severity.',
      },
    },
  };
}
