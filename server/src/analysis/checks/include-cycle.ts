// compose refuses files that include each other in a circle (compose-go loader/include.go:
// "include cycle detected").
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'include-cycle',
  'Compose files include each other in a circle: docker compose refuses the project.',
  'compose stops with "include cycle detected" (compose-go loader/include.go).',
);
