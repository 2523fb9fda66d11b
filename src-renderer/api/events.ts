import { bridgeKey } from '../../shared/api/bridge';

type Listener = () => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * Calls `listener` after any change made through the host, by anyone: the browser
 * host pushes server-sent events; the desktop shell sends the same to each of its
 * windows (the console and the projector) through the preload.
 */
export function onHostChange(listener: Listener): () => void {
  const shell = window[bridgeKey]?.onChange;
  if (shell) return shell(listener);
  listeners.add(listener);
  if (!source && !window[bridgeKey] && typeof EventSource !== 'undefined') {
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
