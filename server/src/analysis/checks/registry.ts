// Every check, in the order their findings are listed. Codes are a public contract.
import type { Check } from './check';
import { check as invalidValue } from './invalid-value';
import { check as unknownLabel } from './unknown-label';
import { check as missingPort } from './missing-port';
import { check as notEnabled } from './not-enabled';
import { check as undefinedEntrypoint } from './undefined-entrypoint';
import { check as undefinedCertresolver } from './undefined-certresolver';
import { check as missingChallenge } from './missing-challenge';
import { check as unknownStaticKey } from './unknown-static-key';
import { check as unknownDynamicKey } from './unknown-dynamic-key';
import { check as invalidDynamicFile } from './invalid-dynamic-file';
import { check as ignoredStaticConfig } from './ignored-static-config';
import { check as literalVariable } from './literal-variable';
import { check as routeConflict } from './route-conflict';
import { check as routeShadowed } from './route-shadowed';
import { check as priorityTie } from './priority-tie';
import { check as ruleSyntax } from './rule-syntax';
import { check as scaleContainerName } from './scale-container-name';
import { check as stripprefixMismatch } from './stripprefix-mismatch';
import { check as undefinedMiddleware } from './undefined-middleware';
import { check as undefinedService } from './undefined-service';
import { check as yamlSyntax } from './yaml-syntax';
import { check as unusedSuppression } from './unused-suppression';
import { check as invalidConfig } from './invalid-config';
import { check as nestingTooDeep } from './nesting-too-deep';
import { check as composeSpec } from './compose-spec';
import { check as duplicateLabel } from './duplicate-label';
import { check as replacedLabels } from './replaced-labels';
import { check as missingComposeFile } from './missing-compose-file';
import { check as unknownExtendsService } from './unknown-extends-service';
import { check as extendsCycle } from './extends-cycle';
import { check as includeCycle } from './include-cycle';
import { check as inactiveDependency } from './inactive-dependency';
import { check as traefikV1 } from './traefik-v1';
import { check as unescapedDollar } from './unescaped-dollar';
import { check as undefinedVariable } from './undefined-variable';
import { check as requiredVariable } from './required-variable';
import { check as invalidEnvFile } from './invalid-env-file';
import { check as missingEnvFile } from './missing-env-file';
import { check as remoteReference } from './remote-reference';
import { check as networkUnreachable } from './network-unreachable';
import { check as unknownNetwork } from './unknown-network';
import { check as sharedService } from './shared-service';
import { check as nonHttpPort } from './non-http-port';
import { check as publishedPort } from './published-port';
import { check as dashboardLoop } from './dashboard-loop';
import { check as healthcheckCommand } from './healthcheck-command';

export const CHECKS: Check[] = [
  yamlSyntax,
  nestingTooDeep,
  composeSpec,
  missingComposeFile,
  unknownExtendsService,
  extendsCycle,
  includeCycle,
  inactiveDependency,
  traefikV1,
  remoteReference,
  invalidEnvFile,
  missingEnvFile,
  unknownLabel,
  duplicateLabel,
  replacedLabels,
  unescapedDollar,
  requiredVariable,
  undefinedVariable,
  invalidValue,
  ruleSyntax,
  undefinedMiddleware,
  undefinedService,
  undefinedEntrypoint,
  undefinedCertresolver,
  missingChallenge,
  missingPort,
  notEnabled,
  unknownNetwork,
  networkUnreachable,
  routeConflict,
  routeShadowed,
  priorityTie,
  stripprefixMismatch,
  scaleContainerName,
  sharedService,
  nonHttpPort,
  publishedPort,
  dashboardLoop,
  healthcheckCommand,
  unknownStaticKey,
  unknownDynamicKey,
  invalidDynamicFile,
  ignoredStaticConfig,
  literalVariable,
  unusedSuppression,
  invalidConfig,
];
