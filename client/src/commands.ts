// Every command of the extension in one table (rust-analyzer's main.ts style): its id, the title
// package.json contributes it with (category "Gateway Lens"), and what it runs. A unit test keeps
// the table and contributes.commands in step both ways. No runtime vscode import, so the table
// is tested in node; ctx.ts registers it.
import type { Disposable } from 'vscode';
import { REVEAL_LOCATION_COMMAND } from '../../server/src/protocol';
import type { Node } from '../../live/tree';

/** What the Gateway view's commands act on; views/liveView.ts implements it. */
export interface LiveCommandContext {
  refresh(): Promise<void>;
  setApiUrl(): Promise<void>;
  setApiPassword(): Promise<void>;
  reveal(node?: Node): Promise<void>;
  scale(node?: Node): Promise<void>;
  step(node: Node | undefined, delta: number): Promise<void>;
  scaleAllBackends(): Promise<void>;
  showMetrics(): void;
  testLoadBalancing(node?: Node): Promise<void>;
}

/** What the commands act on; the extension's Ctx implements it. */
export interface CommandContext {
  restartServer(): Promise<void>;
  showOutput(): void;
  addService(): Promise<void>;
  whichRouter(): Promise<void>;
  /** Opens the dynamic configuration Traefik would assemble, read-only (issue 12's configuration view). */
  showTraefikConfiguration(): Promise<void>;
  /** Opens what the server assembled for the active compose file's project, read-only (issue 11). */
  showComposeProject(): Promise<void>;
  /** Opens a place a code action points at (route-conflict's other definition); not in the palette. */
  revealLocation(location: unknown): Promise<void>;
  readonly live: LiveCommandContext;
}

interface Command {
  /** The title package.json gives it. */
  title: string;
  /** `arg`: what VS Code passes, the tree row of a view menu or a code action's argument. */
  run(ctx: CommandContext, arg: unknown): unknown;
}

export const COMMANDS = {
  'gatewayLens.restartServer': { title: 'Restart Language Server', run: (ctx) => ctx.restartServer() },
  'gatewayLens.showOutput': { title: 'Show Output', run: (ctx) => ctx.showOutput() },
  'gatewayLens.addService': { title: 'Add Service to Gateway...', run: (ctx) => ctx.addService() },
  'gatewayLens.whichRouter': { title: 'Which Router Serves This URL?', run: (ctx) => ctx.whichRouter() },
  'gatewayLens.showTraefikConfiguration': {
    title: 'Show Traefik Configuration',
    run: (ctx) => ctx.showTraefikConfiguration(),
  },
  'gatewayLens.showComposeProject': { title: 'Show Compose Project', run: (ctx) => ctx.showComposeProject() },
  [REVEAL_LOCATION_COMMAND]: { title: 'Go to the Other Definition', run: (ctx, at) => ctx.revealLocation(at) },
  'gatewayLens.live.refresh': { title: 'Refresh Gateway View', run: (ctx) => ctx.live.refresh() },
  'gatewayLens.live.setApiUrl': { title: 'Set Traefik API URL...', run: (ctx) => ctx.live.setApiUrl() },
  'gatewayLens.live.setApiPassword': { title: 'Set Traefik API Password', run: (ctx) => ctx.live.setApiPassword() },
  'gatewayLens.live.revealInCompose': {
    title: 'Reveal in Compose File',
    run: (ctx, row) => ctx.live.reveal(rowOf(row)),
  },
  'gatewayLens.scale.service': { title: 'Scale Service...', run: (ctx, row) => ctx.live.scale(rowOf(row)) },
  'gatewayLens.scale.increment': { title: '+1 Replica', run: (ctx, row) => ctx.live.step(rowOf(row), +1) },
  'gatewayLens.scale.decrement': { title: '-1 Replica', run: (ctx, row) => ctx.live.step(rowOf(row), -1) },
  'gatewayLens.scale.allBackends': {
    title: 'Scale All Backend Services...',
    run: (ctx) => ctx.live.scaleAllBackends(),
  },
  'gatewayLens.live.showMetrics': { title: 'Show Gateway Metrics', run: (ctx) => ctx.live.showMetrics() },
  'gatewayLens.live.testLoadBalancing': {
    title: 'Test Load Balancing...',
    run: (ctx, row) => ctx.live.testLoadBalancing(rowOf(row)),
  },
} as const satisfies Record<string, Command>;

export type CommandId = keyof typeof COMMANDS;

/**
 * Registers the table; `register` is vscode.commands.registerCommand. A failing command goes to
 * `failed` with its title (logged and shown by the Ctx), never an unhandled rejection.
 */
export function registerCommands(
  ctx: CommandContext,
  register: (id: string, run: (arg?: unknown) => Promise<void>) => Disposable,
  failed: (title: string, err: unknown) => void,
): Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]: [string, Command]) =>
    register(id, async (arg) => {
      try {
        await command.run(ctx, arg);
      } catch (err) {
        failed(command.title, err);
      }
    }),
  );
}

/** A tree row (from a view menu) rather than whatever the palette or a keybinding passes. */
function isRow(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'contextValue' in value && 'id' in value;
}

function rowOf(value: unknown): Node | undefined {
  return isRow(value) ? value : undefined;
}
