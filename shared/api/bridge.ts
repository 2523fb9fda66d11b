import type { ApiResult } from './result';

/**
 * What the Electron preload exposes on `window.courtyard`, and what the browser
 * transport implements over HTTP: one function that sends a contract call.
 */
export interface CourtyardBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

export const bridgeKey = 'courtyard';
