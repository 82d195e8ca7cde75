// An included project may not define a service the including one already has: compose does not
// merge them (compose spec 14-include.md) and refuses differing definitions (compose-go
// loader/include.go importResource: "defines conflicting service").
import { loadCheck } from './load-problem';

export const check = loadCheck(
  'include-conflict',
  'An included project defines a service the project already has: docker compose refuses the project.',
);
