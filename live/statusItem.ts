// The live Traefik state in the status bar, as plain data: connected (with its version and how
// many routers Traefik reports errors on), being tried, or why it does not answer. Shown once
// the Gateway view has started a session; a click opens the view.
import { describeState, type ApiState } from './traefik/types';
import type { LiveModel } from './model';

export interface TraefikStatusView {
  text: string;
  tooltip: string;
  background?: 'warning' | 'error';
}

/** `loading` while a (new) URL is tried. */
export function traefikStatusView(
  state: ApiState | { kind: 'loading'; url: string },
  model?: LiveModel,
): TraefikStatusView {
  switch (state.kind) {
    case 'loading':
      return { text: '$(loading~spin) Traefik', tooltip: `Gateway Lens: connecting to Traefik's API at ${state.url}` };
    case 'connected': {
      const failing = [...(model?.routers ?? []), ...(model?.tcp.routers ?? []), ...(model?.udp.routers ?? [])].filter(
        (r) => r.error?.length,
      ).length;
      const docker =
        model?.docker?.kind === 'connected'
          ? `Docker ${model.docker.version}`
          : model?.docker
            ? `Docker unreachable at ${model.docker.host}`
            : undefined;
      return failing > 0
        ? {
            text: `$(warning) Traefik ${state.version}: ${failing}`,
            tooltip: [`${describeState(state)}: ${failing} router${failing === 1 ? '' : 's'} with errors`, docker]
              .filter(Boolean)
              .join('\n'),
            background: 'warning',
          }
        : {
            text: `$(plug) Traefik ${state.version}`,
            tooltip: [describeState(state), docker].filter(Boolean).join('\n'),
          };
    }
    case 'unauthorized':
      return { text: '$(lock) Traefik: 401', tooltip: describeState(state), background: 'warning' };
    default:
      return { text: '$(debug-disconnect) Traefik', tooltip: describeState(state), background: 'warning' };
  }
}
