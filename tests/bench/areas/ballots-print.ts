/**
 * Printing a large estate's written vote: the Word file of 3,000 表决票 (three matters, one A4
 * page each, every ballot its own QR code), from ballots built in memory, as `paper:ballotsDocx`
 * would produce it after reading them. A warm-up file of ten ballots runs first so the figure is
 * the steady cost, not the first load of docx and zlib.
 */
import { performance } from 'node:perf_hooks';
import { ballotsDocx } from '../../../src-main/host/areas/paper/docx';
import { sampleBallots, sampleRound } from '../../integration/paper-docx-fixture';
import type { Report } from '../run';

export default async function ballotsPrintBench(report: Report): Promise<void> {
  const round = sampleRound();
  const ballots = sampleBallots(round, 3000);
  await ballotsDocx(round, ballots.slice(0, 10));
  const start = performance.now();
  const file = await ballotsDocx(round, ballots);
  const seconds = (performance.now() - start) / 1000;
  if (file.length < 1_000_000) throw new Error(`ballots file too small: ${file.length} bytes`);
  report('ballots-print-3000', seconds, 's');
}
