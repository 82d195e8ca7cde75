// The Gateway view's commands in one table, next to the extension's own (commands.ts). Each is
// declared in package.json with category "Gateway Lens"; a unit test keeps the two in step.
// No runtime vscode import, so the table can be tested in node.
import type { Disposable } from 'vscode';
import type { Node } from '../live/tree';

/** What the commands act on; views/liveView.ts implements it. */
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

export const LIVE_VIEW_CONTAINER = 'gatewayLens';

/** View ids of the Gateway container, in the order they are contributed. */
export const LIVE_VIEWS = {
  routers: 'gatewayLens.routers',
  services: 'gatewayLens.services',
  compose: 'gatewayLens.compose',
  middlewares: 'gatewayLens.middlewares',
  drift: 'gatewayLens.drift',
} as const;

export const LIVE_COMMANDS: Record<string, (ctx: LiveCommandContext, node?: Node) => unknown> = {
  'gatewayLens.live.refresh': (ctx) => ctx.refresh(),
  'gatewayLens.live.setApiUrl': (ctx) => ctx.setApiUrl(),
  'gatewayLens.live.setApiPassword': (ctx) => ctx.setApiPassword(),
  'gatewayLens.live.revealInCompose': (ctx, node) => ctx.reveal(node),
  'gatewayLens.scale.service': (ctx, node) => ctx.scale(node),
  'gatewayLens.scale.increment': (ctx, node) => ctx.step(node, +1),
  'gatewayLens.scale.decrement': (ctx, node) => ctx.step(node, -1),
  'gatewayLens.scale.allBackends': (ctx) => ctx.scaleAllBackends(),
  'gatewayLens.live.showMetrics': (ctx) => ctx.showMetrics(),
  'gatewayLens.live.testLoadBalancing': (ctx, node) => ctx.testLoadBalancing(node),
};

/** Registers the table; `register` is vscode.commands.registerCommand. Tree commands get the row. */
export function registerLiveCommands(
  ctx: LiveCommandContext,
  register: (id: string, run: (node?: Node) => unknown) => Disposable,
): Disposable[] {
  return Object.entries(LIVE_COMMANDS).map(([id, run]) =>
    register(id, (node?: Node) => run(ctx, isNode(node) ? node : undefined)),
  );
}

/** A tree row (from a menu) rather than whatever the palette or a keybinding passes. */
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'contextValue' in value && 'id' in value;
}
