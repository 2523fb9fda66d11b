import { parseChange, type HostChange } from '../../shared/api/changes';

export type { HostChange };

type Listener = (change: HostChange) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * Calls `listener` after any change made through the host, by anyone: the host pushes server-sent
 * events to every page it serves (the desktop window and its projector included), each saying what
 * changed (its area, and its meeting where the call names one).
 */
export function onHostChange(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    source.onmessage = (event: MessageEvent<string>) => {
      const change = parseChange(event.data);
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
