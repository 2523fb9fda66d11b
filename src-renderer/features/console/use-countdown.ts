import { useEffect, useState } from 'react';
import type { ConsoleState } from '../../../shared/api/areas/console';

/**
 * Seconds left for the current speaker, run against the host's clock (the page's
 * clock may be off), ticking locally between updates. Negative once over the limit.
 */
export function useCountdown(state: ConsoleState | undefined): number | null {
  const [, tick] = useState(0);
  const speaking = state?.speakers.find((s) => s.status === 'speaking');
  useEffect(() => {
    if (!speaking) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [speaking]);
  if (!state || !speaking?.startedAt) return null;
  const offset = Date.parse(state.now) - receivedAt.get(state)!;
  const elapsed = (Date.now() + offset - Date.parse(speaking.startedAt)) / 1000;
  return Math.ceil(state.speakingLimitSeconds - elapsed);
}

/** When each state arrived, to turn the host's `now` into a clock offset. */
const receivedAt = new WeakMap<ConsoleState, number>();
export function markReceived(state: ConsoleState | undefined): void {
  if (state && !receivedAt.has(state)) receivedAt.set(state, Date.now());
}

export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const value = Math.abs(seconds);
  return `${sign}${Math.floor(value / 60)}:${String(value % 60).padStart(2, '0')}`;
}
