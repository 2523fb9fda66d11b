/** What changed: the call that changed it (its channel), when the host said. */
export interface HostChange {
  channel?: string;
}

type Listener = (change: HostChange) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * Calls `listener` after any change made through the host, by anyone: the host pushes server-sent
 * events to every page it serves (the desktop window and its projector included).
 */
export function onHostChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    source.onmessage = (event: MessageEvent<string>) => {
      let change: HostChange = {};
      try {
        const parsed = JSON.parse(event.data) as unknown;
        if (parsed && typeof parsed === 'object' && typeof (parsed as HostChange).channel === 'string') change = { channel: (parsed as HostChange).channel };
      } catch {
        // A line that is not JSON still says that something changed.
      }
      for (const each of listeners) each(change);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
