import { bridgeKey, type CourtyardBridge } from '../../shared/api/bridge';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';

declare global {
  interface Window {
    [bridgeKey]?: CourtyardBridge;
  }
}

/** In a browser the same contract travels over HTTP to the host that served the page. */
const httpBridge: CourtyardBridge = {
  async invoke(channel, input) {
    try {
      const response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
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

const bridge: CourtyardBridge = window[bridgeKey] ?? httpBridge;

/** The one client: typed end to end from the contract, the same in Electron and in a browser. */
export function call<C extends Channel>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>> {
  return bridge.invoke(channel, input) as Promise<ApiResult<Output<C>>>;
}
