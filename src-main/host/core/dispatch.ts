import { describeChange, type HostChange } from '../../../shared/api/changes';
import { contract, isChannel, type Channel } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { HostError } from './errors';
import type { Handlers } from './registry';
import { localCaller, type Caller } from './caller';
import { checkChannel } from './policy';

/** `origin`: the page that made the call (its change event names it, so that page need not load again what its answer told it). */
export type Invoke = (channel: string, rawInput: unknown, caller?: Caller, origin?: string) => Promise<ApiResult<unknown>>;

function describePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export interface DispatchOptions {
  /**
   * Runs a call declared `transaction: 'dispatcher'` (every mutation unless its declaration says
   * otherwise) in one transaction (better-sqlite3's `.immediate`), so a rejected call leaves nothing behind.
   */
  transaction: <T>(work: () => T) => T;
  log?: (error: unknown) => void;
  /** Told after every broadcast mutation that succeeded, with what it changed, so open screens (the projector) can refresh. */
  onChange?: (change: HostChange) => void;
  /**
   * Checked after the input is parsed and before the handler runs: throws a HostError
   * (e.g. 'forbidden') when the caller may not make this call with this input.
   */
  authorize?: (channel: Channel, input: unknown, caller: Caller) => void;
  /** Turns what a handler threw into an error the user can read (a full disk), or null to leave it. */
  explain?: (error: unknown) => HostError | null;
}

/**
 * The host boundary: every call from the desktop window or a browser arrives here.
 * The caller must be allowed the channel (see policy.ts), the channel must be in the contract
 * and the input must pass its schema before a handler runs; whatever goes wrong, the caller gets
 * a readable error, never a stack.
 */
export function createDispatcher(
  handlers: Handlers,
  { transaction, log = console.error, onChange, authorize, explain = () => null }: DispatchOptions,
): Invoke {
  return async (channel, rawInput, caller = localCaller, origin) => {
    try {
      // On the channel alone, before the input is even read.
      checkChannel(channel, caller);
    } catch (error) {
      return { ok: false, error: (error as HostError).toApiError() };
    }
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_call', message: `未知的操作：${String(channel).slice(0, 60)}` } };
    }
    const declaration = contract[channel];
    const parsed = declaration.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: describePath(issue.path), message: issue.message }));
      return {
        ok: false,
        error: { code: 'invalid_input', message: issues[0]?.message ?? '输入有误', issues },
      };
    }
    try {
      authorize?.(channel, parsed.data, caller);
      const handler = handlers[channel] as (input: unknown, caller: Caller) => unknown;
      const run = () => handler(parsed.data, caller);
      let value: unknown;
      try {
        value = await (declaration.transaction === 'dispatcher' ? transaction(run) : run());
      } catch (error) {
        throw explain(error) ?? error;
      }
      if (declaration.broadcast) onChange?.(describeChange(channel, parsed.data, value, origin));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof HostError) return { ok: false, error: error.toApiError() };
      log(error);
      return { ok: false, error: { code: 'internal', message: '操作没有完成，数据没有改动。请重试；如果一直出现，请联系管理员。' } };
    }
  };
}

export type { Channel };
