/**
 * Word export of long minutes: about 100 A4 pages (790 paragraphs of minutes text, two votes,
 * a 298-line sign-in sheet) with 300 signature images (298 sign-ins, chair and secretary), run
 * through the real host: `seals:export` reads the sealed record, lays it out, packs the .docx
 * and embeds the seal. Peak is the maximum resident set size of a process of its own that does
 * only this (setup included), so the benches run before it in `npm run bench` do not count.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../../../shared/api/contract';
import { createHost } from '../../../src-main/host/core/host';
import { heldMeeting, signBoth } from '../../integration/seals-fixture';
import type { Report } from '../run';

const childFlag = 'COURTYARD_EXPORT_BENCH_CHILD';

export default function exportBench(report: Report): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [childFlag]: '1' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const lines = [...run.stdout.matchAll(/^bench (\S+): (\S+) (\S+)$/gm)];
  if (run.status !== 0 || lines.length !== 2) throw new Error(`export bench failed:\n${run.stdout}${run.stderr}`);
  for (const [, name, value, unit] of lines) report(name!, Number(value), unit!);
}

async function measure(report: Report): Promise<void> {
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

if (process.env[childFlag]) await measure((name, value, unit) => console.log(`bench ${name}: ${Number(value.toPrecision(4))} ${unit}`));
