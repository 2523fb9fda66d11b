/**
 * Time-bounded property runs that report their figures: `fuzz <name>: N inputs, F failures`.
 * A failure is an answer that is not a clear refusal (a crash, an 'internal' error, a message
 * that is not Chinese) or a refusal that changed something stored.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';

/** Seconds each fuzz target runs; FUZZ_SECONDS raises it for a longer run in CI. */
export const fuzzMilliseconds = Number(process.env.FUZZ_SECONDS ?? 6) * 1000;
/** A fuzz test's timeout: its time, plus a minute to set up and to finish the input in hand. */
export const fuzzTimeout = fuzzMilliseconds + 60_000;

export interface FuzzTally {
  inputs: number;
  failures: string[];
}

/** Runs `check` on generated inputs until the time is up; each returns a failure description or null. */
export async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<string | null>): Promise<FuzzTally> {
  const tally: FuzzTally = { inputs: 0, failures: [] };
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      tally.inputs += 1;
      const failure = await check(value);
      if (failure) tally.failures.push(failure.slice(0, 400));
      return true;
    }),
    { interruptAfterTimeLimit: fuzzMilliseconds, numRuns: 1_000_000, markInterruptAsFailure: false },
  );
  console.log(`fuzz ${name}: ${tally.inputs} inputs, ${tally.failures.length} failures`);
  expect(tally.failures.slice(0, 5)).toEqual([]);
  expect(tally.inputs).toBeGreaterThan(20);
  return tally;
}

const chinese = /[\u4e00-\u9fff]/;

/** Null when the result is a success or a clear refusal in Chinese; otherwise what is wrong. */
export function unclear(result: ApiResult<unknown>): string | null {
  if (result.ok) return null;
  if (result.error.code === 'internal') return `internal error: ${result.error.message}`;
  if (typeof result.error.message !== 'string' || !chinese.test(result.error.message)) return `not a Chinese message: ${JSON.stringify(result.error)}`;
  return null;
}
