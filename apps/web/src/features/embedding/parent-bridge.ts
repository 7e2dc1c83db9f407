import { themeVariablesFrom } from './theme-variables';

/** What the iframe tells its host page: its own `ready` and `resize`, and the host events (app/host-events.ts). */
export type WidgetMessage =
  | { type: 'pi-enroll:ready' }
  | { type: 'pi-enroll:resize'; height: number }
  | { type: `pi-enroll:${string}`; [field: string]: unknown };

export interface ParentBridgeOptions {
  /** The iframe's own window, where the host's messages arrive. */
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  parent: Pick<Window, 'postMessage'>;
  /** The host page's origin when the browser reveals it (ancestorOrigins, referrer); `null` when unknown. */
  parentOrigin: string | null;
  onLaunchToken: (launchToken: string) => void;
  /** The host's `pi-enroll:theme` message: `--pie-*` properties whose values passed the strict check. */
  onTheme?: (variables: Record<string, string>) => void;
}

export interface ParentBridge {
  /** The config arrived: from now on, messages go to (and are accepted from) these origins only. */
  allowOrigins(origins: readonly string[]): void;
  post(message: WidgetMessage): void;
  dispose(): void;
}

/**
 * The iframe's side of the conversation with its host page. Nothing is ever posted to `*`: a message goes to
 * the host's origin if it is allowed (`ClientConfig.embedOrigins`), or, when the browser does not reveal that
 * origin, to each allowed origin, which the browser delivers only if it is the host's. Launch tokens are taken
 * only from allowed origins; those arriving before the config is known wait for it. So are theme variables
 * (`pi-enroll:theme`), and only `--pie-*` properties with plain values (theme-variables.ts).
 */
export function createParentBridge({ self, parent, parentOrigin, onLaunchToken, onTheme }: ParentBridgeOptions): ParentBridge {
  let allowed: readonly string[] | null = null;
  const waiting: MessageEvent[] = [];

  function accept(event: MessageEvent) {
    if (!allowed?.includes(event.origin)) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const { type, launchToken, variables } = data as { type?: unknown; launchToken?: unknown; variables?: unknown };
    if (type === 'pi-enroll:launch-token' && typeof launchToken === 'string' && launchToken) onLaunchToken(launchToken);
    if (type === 'pi-enroll:theme') {
      const accepted = themeVariablesFrom(variables);
      if (Object.keys(accepted).length > 0) onTheme?.(accepted);
    }
  }

  function onMessage(event: MessageEvent) {
    if (allowed) accept(event);
    else waiting.push(event);
  }

  function targets(): readonly string[] {
    if (!allowed) return [];
    if (parentOrigin === null) return allowed;
    return allowed.includes(parentOrigin) ? [parentOrigin] : [];
  }

  function post(message: WidgetMessage) {
    for (const origin of targets()) parent.postMessage(message, origin);
  }

  self.addEventListener('message', onMessage);

  return {
    allowOrigins(origins) {
      allowed = origins.filter((origin) => origin !== '*' && origin !== 'null');
      post({ type: 'pi-enroll:ready' });
      waiting.splice(0).forEach(accept);
    },
    post,
    dispose() {
      self.removeEventListener('message', onMessage);
    },
  };
}
