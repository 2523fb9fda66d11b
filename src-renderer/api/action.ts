import { useCallback, useRef, useState } from 'react';
import type { Channel } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { useReload } from './query';

export interface Action {
  /** The last failure's message (the host's Chinese sentence), or a check the page made itself. */
  error: string | undefined;
  setError: (message: string | undefined) => void;
  /** True while a call runs. */
  busy: boolean;
  /**
   * Runs one call the user asked for: clears the last error, shows this call's if it fails, and
   * after a success loads the `reloads` queries again (a refused call changed nothing; and on the
   * residents' page a reload after a refusal for too many calls would be refused in turn).
   * Answers the call's result for what the page does next.
   */
  run: <T>(work: Promise<ApiResult<T>>) => Promise<ApiResult<T>>;
}

/** A page's changes to the host: call, show the error, reload what the change touched. */
export function useAction(reloads: readonly Channel[] = []): Action {
  const reload = useReload();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(0);
  // The channels to reload are read when a call ends, so a new array on each render is fine.
  const latestReloads = useRef(reloads);
  latestReloads.current = reloads;

  const run = useCallback(
    async <T,>(work: Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
      setRunning((count) => count + 1);
      setError(undefined);
      try {
        const result = await work;
        setError(result.ok ? undefined : result.error.message);
        if (result.ok && latestReloads.current.length > 0) void reload(latestReloads.current);
        return result;
      } finally {
        setRunning((count) => count - 1);
      }
    },
    [reload],
  );
  return { error, setError, busy: running > 0, run };
}
