import {
  hashKey,
  keepPreviousData,
  notifyManager,
  QueryClient,
  useQueryClient,
  useQuery as useTanStackQuery,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Channel, Input, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { concerns, type HostChange } from '../../shared/api/changes';
import { call, pageId } from './client';
import { onHostChange } from './events';

/**
 * Every screen shows what the host holds now. A page opened again asks again rather than showing
 * what it saw before (forms start from the stored values, not from a copy in memory), so a query's
 * cache lives only while something on screen reads it (gcTime 0); a failed call is shown at once,
 * not retried behind the user's back; nothing reloads on focus (the host's change events do that).
 */
export function createQueryClient(): QueryClient {
  // What a query's change is told to the screens in: the same task (a microtask), not a timer task
  // after it. A change event from the host (the chair moved to the next matter) is drawn at once
  // instead of waiting behind whatever else the page has queued; TanStack Query still batches every
  // notification made in the same task.
  notifyManager.setScheduler(queueMicrotask);
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

export interface QueryOptions {
  /** Follow the host: load again when a change concerns this query (see shared/api/changes.ts). */
  live?: boolean;
  /**
   * The areas of the calls after which the page keeps this query current itself, by patching it
   * from their answers (usePatch): the change events of its own calls of these areas do not load it again.
   */
  patchedFrom?: readonly string[];
}

/**
 * Loads a query call; `input` null means "not yet". A live query follows the host: it loads again
 * whenever anyone changes, through the host, something it shows (another window, a participant on the LAN).
 * While the input changes the previous answer stays on screen; after a failure only the error is
 * shown, not an answer from before it.
 */
export function useQuery<C extends Channel>(
  channel: C,
  input: Input<C> | null,
  options: QueryOptions = {},
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
  const patchedFrom = (options.patchedFrom ?? []).join(' ');
  useEffect(() => (live ? followHost(client, hash, patchedFrom) : undefined), [client, hash, live, patchedFrom]);
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

/** The keys of the live queries on screen, each with how many readers it has and the areas of the page's own calls it is patched from. */
const liveQueries = new Map<string, { readers: number; patchedFrom: ReadonlySet<string> }>();
let stopFollowing: (() => void) | null = null;

/** Whether a change concerns a live query on screen: its area and meeting, unless the page patched it from its own answer. */
function reloadFor(change: HostChange, queryKey: QueryKey, hash: string): boolean {
  const live = liveQueries.get(hash);
  if (!live) return false;
  if (change.origin === pageId && live.patchedFrom.has(change.area)) return false;
  const [channel, input] = queryKey;
  return typeof channel !== 'string' || concerns(change, channel, input);
}

/**
 * Marks one reader of a live query; while any live query is on screen, one subscription to the
 * host's change events invalidates those the change concerns (and only live ones: other queries
 * load when opened or asked).
 */
function followHost(client: QueryClient, hash: string, patchedFrom: string): () => void {
  const live = liveQueries.get(hash);
  const areas = patchedFrom.split(' ').filter(Boolean);
  // Several readers: patched only from the areas every one of them patches from.
  const shared = live ? [...live.patchedFrom].filter((area) => areas.includes(area)) : areas;
  liveQueries.set(hash, { readers: (live?.readers ?? 0) + 1, patchedFrom: new Set(shared) });
  stopFollowing ??= onHostChange((change) => {
    // A change that carries its record (the console's state): the query it is takes it as it is,
    // without asking the host again (an answer still on its way, older than it, is dropped).
    const carried = change.state ? queryKey(change.state.channel as Channel, change.state.input as never) : null;
    const carriedHash = carried ? hashKey(carried) : null;
    if (carried && carriedHash && liveQueries.has(carriedHash)) {
      void client.cancelQueries({ queryKey: carried, exact: true });
      client.setQueryData(carried, change.state!.value);
    }
    void client.invalidateQueries({ predicate: (query) => query.queryHash !== carriedHash && reloadFor(change, query.queryKey, query.queryHash) });
  });
  return () => {
    const now = liveQueries.get(hash);
    if (now && now.readers > 1) liveQueries.set(hash, { ...now, readers: now.readers - 1 });
    else liveQueries.delete(hash);
    if (liveQueries.size === 0 && stopFollowing) {
      stopFollowing();
      stopFollowing = null;
    }
  };
}

/**
 * Patches what a query on screen shows from the answer of the page's own call (updater null: read
 * it again). A query still loading is read again instead: its answer may predate the change.
 */
export function usePatch(): <C extends Channel>(channel: C, input: Input<C>, updater: (data: Output<C>) => Output<C> | null) => void {
  const client = useQueryClient();
  return useCallback(
    (channel, input, updater) => {
      const key = queryKey(channel, input);
      const data = client.getQueryData<Output<typeof channel>>(key);
      const loading = client.isFetching({ queryKey: key, exact: true }) > 0;
      if (data === undefined && !loading) return;
      const next = loading || data === undefined ? null : updater(data);
      if (next === null) void client.invalidateQueries({ queryKey: key, exact: true });
      else client.setQueryData(key, next);
    },
    [client],
  );
}

/** Loads every query of these channels on screen again (whatever their input): after a change the page made. */
export function useReload(): (channels: readonly Channel[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    (channels) => Promise.all(channels.map((channel) => client.invalidateQueries({ queryKey: [channel] }))).then(() => undefined),
    [client],
  );
}
