// The Gateway view container's ids as package.json contributes them (its commands are in the
// extension's one table, commands.ts). No runtime vscode import, so a unit test checks them.

export const LIVE_VIEW_CONTAINER = 'gatewayLens';

/** View ids of the Gateway container, in the order they are contributed. */
export const LIVE_VIEWS = {
  routers: 'gatewayLens.routers',
  services: 'gatewayLens.services',
  compose: 'gatewayLens.compose',
  middlewares: 'gatewayLens.middlewares',
  drift: 'gatewayLens.drift',
} as const;
