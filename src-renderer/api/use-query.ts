import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { call } from './client';
import { onHostChange } from './events';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads a query call and reloads it on demand; `input` null means "not yet". */
export function useQuery<C extends Channel>(
  channel: C,
  input: Input<C> | null,
  options: { live?: boolean } = {},
): QueryState<Output<C>> {
  const [state, setState] = useState<{ data?: Output<C>; error?: ApiError; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  useEffect(() => {
    if (input === null) return;
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    void call(channel, input).then((result) => {
      if (ticket !== latest.current) return;
      setState(result.ok ? { data: result.value, loading: false } : { error: result.error, loading: false });
    });
  }, [channel, key, version]); // `key` stands for `input`

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const live = options.live ?? false;
  useEffect(() => (live ? onHostChange(reload) : undefined), [live, reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
