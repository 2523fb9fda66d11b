import { describe, expect, it } from 'vitest';
import { firstTryMs, patienceMs } from './mesh-keeper';

describe('how long a connection may try before the keeper gives up on it', () => {
  it('the two sides of a pair give up at least half a second apart, whatever the jitter', () => {
    for (const [one, other] of [['a', 'b'], ['peer-9', 'peer-10'], ['x', 'y']] as const) {
      const first = patienceMs(one < other ? one : other, one < other ? other : one, 0, 1);
      const second = patienceMs(one < other ? other : one, one < other ? one : other, 0, 0);
      expect(second - first).toBeGreaterThanOrEqual(500);
    }
  });

  it('starts at the first try, doubles with each failed try, and stops growing', () => {
    expect(patienceMs('a', 'b', 0, 0)).toBe(firstTryMs);
    expect(patienceMs('a', 'b', 1, 0)).toBe(2 * firstTryMs);
    expect(patienceMs('a', 'b', 10, 0)).toBe(patienceMs('a', 'b', 50, 0));
    expect(patienceMs('a', 'b', 50, 1)).toBeLessThan(10_000);
  });
});
