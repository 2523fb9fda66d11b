/**
 * Word export of long minutes: about 100 A4 pages (790 paragraphs of minutes text, two votes,
 * a 298-line sign-in sheet) with 300 signature images (298 sign-ins, chair and secretary), run
 * through the real host: `seals:export` reads the sealed record, lays it out, packs the .docx
 * and embeds the seal. Peak is the process's maximum resident set size, setup included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../../../shared/api/contract';
import { createHost } from '../../../src-main/host/host';
import { heldMeeting, signBoth } from '../../integration/seals-fixture';
import type { Report } from '../run';

export default async function exportBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-export-'));
  const base = createHost({ databasePath: join(dir, 'council.sqlite'), host: 'browser' });
  const host = {
    database: base.database,
    async ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const result = await base.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as Output<C>;
    },
  };
  try {
    const held = await heldMeeting(host, { signIns: 298, extraParagraphs: 790 });
    await signBoth(held);
    const start = performance.now();
    const file = await host.ok('seals:export', { meetingId: held.meetingId, version: null });
    const seconds = (performance.now() - start) / 1000;
    if (Buffer.from(file.dataBase64, 'base64').length < 100_000) throw new Error('export too small');
    report('export-100-pages', seconds, 's');
    report('export-100-pages-peak', process.resourceUsage().maxRSS / 1024, 'MB');
  } finally {
    base.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
