// Where the benchmark types: inside the labels users edit (a router's rule, a port, a
// `middlewares=` list) and outside them (the `image:` line, which leaves every Traefik label
// unchanged). Each kind names the offset of one character typed into the n-th generated
// service (bench/generate.ts) and the character typed there; the harness types it, then
// deletes it, and so on, so the file keeps its size.

export type EditKind = 'rule' | 'port' | 'middlewares' | 'outside';

export const EDIT_KINDS: readonly EditKind[] = ['rule', 'port', 'middlewares', 'outside'];

export interface EditPoint {
  offset: number;
  /** What is typed: a digit in a port keeps it a port, a letter in a path keeps the rule valid. */
  char: string;
}

function serviceName(index: number): string {
  return `svc${String(index).padStart(4, '0')}`;
}

function after(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`bench: "${needle}" not found in the generated file`);
  return at + needle.length;
}

export function editPoint(text: string, kind: EditKind, index: number): EditPoint {
  const name = serviceName(index);
  switch (kind) {
    // Inside PathPrefix(`/api/svcNNNN|`): the prefix changes, so the router's footprint does.
    case 'rule':
      return { offset: after(text, `routers.${name}.rule=PathPrefix(\`/api/${name}`), char: 'x' };
    // port=|80NN -> 180NN: still a valid port, another server address.
    case 'port':
      return { offset: after(text, `services.${name}.loadbalancer.server.port=`), char: '1' };
    // middlewares=svcNNNN-stripprefix| -> a name no label defines (undefined-middleware appears).
    case 'middlewares':
      return { offset: after(text, `routers.${name}.middlewares=${name}-stripprefix`), char: 'x' };
    case 'outside':
      return { offset: after(text, `image: registry.example.com/${name}`), char: 'x' };
  }
}

/**
 * The service edited in a file of `count` services: one in the middle that carries no planted
 * mistake (generate.ts plants them in slots 0-5 of every 50), so every kind of edit is found.
 */
export function middleService(count: number): number {
  const slot = (i: number): number => (count <= 50 ? i : i % 50);
  let i = Math.min(count - 1, Math.floor(count / 2));
  while (slot(i) < 6 && i < count - 1) i++;
  return i;
}
