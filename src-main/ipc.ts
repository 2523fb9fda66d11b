import { ipcMain } from 'electron';
import { channels } from '../shared/api/contract';
import type { ApiResult } from '../shared/api/errors';
import type { Host } from './host/core/host';
import { isTrustedSender } from './windows';

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: '拒绝来自未知窗口的请求。' },
};

const internal: ApiResult<never> = {
  ok: false,
  error: { code: 'internal', message: '操作没有完成，数据没有改动。请重试；如果一直出现，请联系管理员。' },
};

/**
 * Binds every contract channel, and only those, to the host. The host parses the
 * input against the contract's schema; this layer only decides who may ask (isTrustedSender).
 */
export function setupIpc(host: Pick<Host, 'invoke'>): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) return forbidden;
      try {
        return await host.invoke(channel, input);
      } catch (error) {
        // The dispatcher already turns failures into results; this keeps a stack from ever reaching the page.
        console.error(`院落议事：${channel} 失败`, error);
        return internal;
      }
    });
  }
}
