// Every command of the extension in one table (rust-analyzer's main.ts style). Each entry is
// declared in package.json under contributes.commands with category "Gateway Lens"; a unit
// test keeps the two in step. No runtime vscode import, so the table can be tested in node.
import type { Disposable } from 'vscode';
import { REVEAL_LOCATION_COMMAND } from '../../server/src/protocol';

/** What commands act on; the extension's Ctx implements it. */
export interface CommandContext {
  restartServer(): Promise<void>;
  showOutput(): void;
}

export const COMMANDS: Record<string, (ctx: CommandContext) => unknown> = {
  'gatewayLens.restartServer': (ctx) => ctx.restartServer(),
  'gatewayLens.showOutput': (ctx) => ctx.showOutput(),
};

/** Registers the table; `register` is vscode.commands.registerCommand. */
export function registerCommands(
  ctx: CommandContext,
  register: (id: string, run: () => unknown) => Disposable,
): Disposable[] {
  return Object.entries(COMMANDS).map(([id, run]) => register(id, () => run(ctx)));
}

/** What the authoring commands act on; the extension's Ctx implements it. */
export interface AuthoringCommandContext {
  addService(): Promise<void>;
  whichRouter(): Promise<void>;
  /** Opens a place a code action points at (route-conflict's other definition); not in the palette. */
  revealLocation(location: unknown): Promise<void>;
}

/** Authoring commands (issue 4's "Add Service to Gateway", issue 3's route tester), same rules as COMMANDS. */
export const AUTHORING_COMMANDS: Record<string, (ctx: AuthoringCommandContext, ...args: unknown[]) => unknown> = {
  'gatewayLens.addService': (ctx) => ctx.addService(),
  'gatewayLens.whichRouter': (ctx) => ctx.whichRouter(),
  [REVEAL_LOCATION_COMMAND]: (ctx, location) => ctx.revealLocation(location),
};

export function registerAuthoringCommands(
  ctx: AuthoringCommandContext,
  register: (id: string, run: (...args: unknown[]) => unknown) => Disposable,
): Disposable[] {
  return Object.entries(AUTHORING_COMMANDS).map(([id, run]) => register(id, (...args) => run(ctx, ...args)));
}
