// compose refuses services that extend each other in a circle (compose spec 05-services.md
// extends: "Circular references with extends are not supported").
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'extends-cycle',
  'Services extend each other in a circle: docker compose refuses the project.',
  'compose stops: "Circular references with extends are not supported" (compose spec 05-services.md extends).',
);
