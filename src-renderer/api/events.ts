import { bridgeKey } from '../../shared/api/bridge';

type Listener = () => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * Calls `listener` after any change made through the host, by anyone: the browser
 * host pushes server-sent events. (The desktop window gets the same once the
 * projector window arrives; until then it refreshes on its own actions only.)
 */
export function onHostChange(listener: Listener): () => void {
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
