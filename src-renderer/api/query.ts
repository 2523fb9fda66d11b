import {
  hashKey,
  keepPreviousData,
  QueryClient,
  useQueryClient,
  useQuery as useTanStackQuery,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { call } from './client';
import { onHostChange } from './events';

/**
 * Every screen shows what the host holds now. A page opened again asks again rather than showing
 * what it saw before (forms start from the stored values, not from a copy in memory), so a query's
 * cache lives only while something on screen reads it (gcTime 0); a failed call is shown at once,
 * not retried behind the user's back; nothing reloads on focus (the host's change events do that).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { gcTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/**
 * A call's key: its channel, then its input (what `queryClient.setQueryData(queryKey(…), …)` patches);
 * invalidating a whole channel matches on the first part.
 */
export function queryKey<C extends Channel>(channel: C, input: Input<C> | null): QueryKey {
  return [channel, input];
}

/** What a call's failure carries through TanStack Query: the host's own error, with its Chinese message. */
class CallFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

async function fetchCall<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /**
   * The answer on screen is for the input before this one (kept while the new one loads). A list a
   * user acts on (the door's search results) shows nothing rather than someone else's row.
   */
  stale: boolean;
  reload: () => void;
}

/**
 * Loads a query call; `input` null means "not yet". A live query follows the host: it loads again
 * whenever anyone changes anything through the host (another window, a participant on the LAN).
 * While the input changes the previous answer stays on screen; after a failure only the error is
 * shown, not an answer from before it.
 */
export function useQuery<C extends Channel>(
  channel: C,
  input: Input<C> | null,
  options: { live?: boolean } = {},
): QueryState<Output<C>> {
  const client = useQueryClient();
  const key = queryKey(channel, input);
  const query = useTanStackQuery<Output<C>, CallFailed>({
    queryKey: key,
    queryFn: () => fetchCall(channel, input as Input<C>),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const hash = hashKey(key);
  const live = (options.live ?? false) && input !== null;
  useEffect(() => (live ? followHost(client, hash) : undefined), [client, hash, live]);
  const { refetch } = query;
  const enabled = input !== null;
  const reload = useCallback(() => {
    if (enabled) void refetch();
  }, [enabled, refetch]);
  return {
    data: query.isError ? undefined : query.data,
    error: query.error?.error,
    loading: query.isFetching || query.isPending,
    stale: query.isPlaceholderData,
    reload,
  };
}

/** The keys of the live queries on screen, each with how many readers it has. */
const liveQueries = new Map<string, number>();
let stopFollowing: (() => void) | null = null;

/**
 * Marks one reader of a live query; while any live query is on screen, one subscription to the
 * host's change events invalidates them all (and only them: other queries load when opened or asked).
 */
function followHost(client: QueryClient, hash: string): () => void {
  liveQueries.set(hash, (liveQueries.get(hash) ?? 0) + 1);
  stopFollowing ??= onHostChange(() => {
    void client.invalidateQueries({ predicate: (query) => liveQueries.has(query.queryHash) });
  });
  return () => {
    const readers = (liveQueries.get(hash) ?? 1) - 1;
    if (readers > 0) liveQueries.set(hash, readers);
    else liveQueries.delete(hash);
    if (liveQueries.size === 0 && stopFollowing) {
      stopFollowing();
      stopFollowing = null;
    }
  };
}

/** Loads every query of these channels on screen again (whatever their input): after a change the page made. */
export function useReload(): (channels: readonly Channel[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    (channels) => Promise.all(channels.map((channel) => client.invalidateQueries({ queryKey: [channel] }))).then(() => undefined),
    [client],
  );
}
