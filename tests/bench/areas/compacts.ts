/**
 * Compacts in a large courtyard: 600 households, a compact of 60 articles (~300 characters
 * each), every household signed on the pad (600 signature images). Figures: the article diff
 * between two versions (10 articles edited, 2 added, 2 removed), loading the compact page's
 * data (compacts:get), the Word export with the 600-row signature table, and the blank sheet.
 * Medians; run through the real host on a temporary SQLite file.
 */
import { performance } from 'node:perf_hooks';
import { diffVersions } from '../../../shared/domain/compacts/diff';
import { presets } from '../../../shared/domain/voting/rules';
import { signaturePng } from '../../integration/seals-fixture';
import { withDemoHost } from '../demo-host';
import type { Report } from '../run';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(rounds: number, work: () => Promise<T> | T): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const phrases = ['各户垃圾分类投放', '电动自行车不进楼道', '不飞线充电', '按时清理宠物粪便', '晚上十点后保持安静', '公共收益每月公示', '邻里互相帮助', '车辆停放在划定车位内'];
const articleText = (n: number, edit = '') => Array.from({ length: 38 }, (_, i) => phrases[(n * 3 + i) % phrases.length]).join(',') + edit + '。';

export default async function compactsBench(report: Report): Promise<void> {
  await withDemoHost('compacts', async (base, ok) => {
    const [council] = await ok('council:list', {});
    const councilId = council!.id;
    for (let building = 6; building <= 50; building += 1) {
      for (let unit = 1; unit <= 2; unit += 1) {
        for (let floor = 1; floor <= 6; floor += 1) {
          if ((await ok('household:list', { councilId })).length >= 600) break;
          await ok('household:create', { councilId, code: `${building}-${unit}-${floor}01`, area: '', tenure: 'owner', note: '' });
        }
      }
    }
    const households = await ok('household:list', { councilId });

    const v1 = Array.from({ length: 60 }, (_, n) => articleText(n));
    const v2 = v1.map((text, n) => (n % 6 === 0 ? articleText(n, '，并由楼栋长督促落实') : text));
    v2.splice(20, 0, articleText(61));
    v2.splice(40, 0, articleText(62));
    v2.splice(50, 2);
    report('compacts-diff-60-articles', await timed(21, () => diffVersions(v1, v2)), 'ms');

    const compact = await ok('compacts:create', { councilId, title: '大型小区院落公约' });
    await ok('compacts:saveVersion', { compactId: compact.id, articles: v1, note: '' });
    const saved = await ok('compacts:saveVersion', { compactId: compact.id, articles: v2, note: '' });
    const version = saved.versions.at(-1)!;

    const meeting = (await ok('meeting:list', { councilId })).find((m) => m.status === 'planned')!;
    const people = await ok('person:list', { councilId });
    for (const member of people.filter((p) => p.roles.includes('member')).slice(0, 5)) await ok('attendance:checkIn', { meetingId: meeting.id, personId: member.id });
    const item = (await ok('meeting:get', { meetingId: meeting.id })).agenda[0]!;
    const vote = await ok('vote:open', { meetingId: meeting.id, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] });
    await ok('vote:enterCounts', { voteId: vote.id, for: 5, against: 0, abstain: 0 });
    await ok('vote:close', { voteId: vote.id });
    await ok('compacts:adopt', { versionId: version.id, voteId: vote.id });
    for (const [index, household] of households.entries()) {
      await ok('compacts:sign', {
        versionId: version.id,
        householdId: household.id,
        signerName: `户代表${index + 1}`,
        mode: 'pad',
        signaturePngBase64: signaturePng(index + 1).toString('base64'),
        signedOn: null,
      });
    }

    report('compacts-get-600-signed', await timed(11, () => ok('compacts:get', { compactId: compact.id })), 'ms');
    let size = 0;
    report(
      'compacts-export-600-signatures',
      await timed(5, async () => {
        size = Buffer.from((await ok('compacts:export', { versionId: version.id })).dataBase64, 'base64').length;
      }),
      'ms',
    );
    report('compacts-export-600-signatures-size', size / 1024 / 1024, 'MB');
    await ok('compacts:removeSignature', { signatureId: (await ok('compacts:get', { compactId: compact.id })).signing!.signatures[0]!.id, reason: '测试' });
    report('compacts-blank-sheet', await timed(5, () => ok('compacts:blankSheet', { versionId: version.id })), 'ms');
  });
}
