import type { bridgeKey, CourtyardBridge, DesktopShell } from '../../shared/api/bridge';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Only in the desktop window: the projector window and the system's save dialog. */
    [bridgeKey]?: DesktopShell;
  }
}

/**
 * This page's name for the host: a random id per page load, sent with every call. The host's change
 * events name the page that made each change, so a page does not read again what its own answer told it.
 * (getRandomValues, not randomUUID: a phone on the LAN opens the page over plain http.)
 */
export const pageId: string = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The contract travels over HTTP to the host that served the page: in every browser and in the desktop window. */
const bridge: CourtyardBridge = {
  async invoke(channel, input) {
    try {
      const response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Courtyard-Page': pageId },
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'offline', message: '无法连接到主机电脑。请检查网络，稍后再试；刚才的操作没有保存。' },
      };
    }
  },
};

/** The one client: typed end to end from the contract. */
export function call<C extends Channel>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>> {
  return bridge.invoke(channel, input) as Promise<ApiResult<Output<C>>>;
}
