type Listener = () => void;
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
    source.onmessage = () => {
      for (const each of listeners) each();
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
