/**
 * The step machine as the chair feels it: one step forward or back (machine, step_transitions
 * row, audit entry, in one transaction with synchronous=FULL) and process:get on a matter whose
 * history has grown to 400 transitions, with 2,000 audit entries already in the log (medians).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../../../shared/api/contract';
import { seedDemo } from '../../../src-main/host/demo/seed';
import { createHost } from '../../../src-main/host/host';
import type { Report } from '../run';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function processBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-process-'));
  const host = createHost({ databasePath: join(dir, 'council.sqlite'), host: 'browser' });
  const ok = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Output<C>;
  };
  try {
    seedDemo(host.database, new Date());
    const agenda = (await ok('meeting:get', { meetingId: 3 })).agenda;
    const busy = agenda[0]!.id;
    const other = agenda[1]!.id;
    // 2,000 audit entries from another matter moving back and forth.
    for (let i = 0; i < 1_000; i += 1) {
      await ok('process:advance', { agendaItemId: other });
      await ok('process:back', { agendaItemId: other });
    }
    const moves: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const started = performance.now();
      await ok(i % 2 === 0 ? 'process:advance' : 'process:back', { agendaItemId: busy });
      moves.push(performance.now() - started);
    }
    for (let i = 0; i < 100; i += 1) {
      await ok('process:advance', { agendaItemId: busy });
      await ok('process:back', { agendaItemId: busy });
    }
    report('process-move-with-2000-audit-entries', median(moves), 'ms');
    const reads: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const started = performance.now();
      const process = await ok('process:get', { agendaItemId: busy });
      reads.push(performance.now() - started);
      if (process.history.length !== 400) throw new Error(`history ${process.history.length}`);
    }
    report('process-get-400-transitions', median(reads), 'ms');
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
