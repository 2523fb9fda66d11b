/**
 * The step machine as the chair feels it: one step forward or back (machine, step_transitions
 * row, audit entry, in one transaction with synchronous=FULL) and process:get on a matter whose
 * history has grown to 400 transitions, with 2,000 audit entries already in the log (medians).
 */
import { performance } from 'node:perf_hooks';
import { withDemoHost } from '../demo-host';
import type { Report } from '../run';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function processBench(report: Report): Promise<void> {
  await withDemoHost('process', async (host, ok) => {
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
  });
}
