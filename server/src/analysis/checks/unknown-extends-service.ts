// compose refuses `extends:` naming a service its file does not define (compose spec
// 05-services.md extends: "The service denoted by service is not found").
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'unknown-extends-service',
  'extends names a service that its file does not define: docker compose refuses the project.',
  'compose stops with "cannot extend service … service not found" (compose-go loader/extends.go; compose spec 05-services.md extends).',
);
