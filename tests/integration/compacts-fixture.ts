/** The demo courtyard with a compact drafted, revised, and adopted by a real vote at meeting 3. */
import { followupDemo, passMatters } from './followup-fixture';
import { signaturePng } from './seals-fixture';

export const firstDraft = [
  '各户垃圾分类投放，按时把垃圾送到垃圾房，不在楼道、楼梯间堆放杂物。',
  '电动自行车不进楼道、不进家门，不飞线充电，统一到集中充电点充电。',
  '晚上十点至次日早上七点，不在院内大声喧哗，装修避开午休时间。',
];

export const secondDraft = [
  firstDraft[0]!,
  '电动自行车不进楼道、不进家门，不飞线充电，统一到3号楼北侧充电棚充电。',
  firstDraft[2]!,
  '院落公共收益（广告位、停车费）每月在公示栏公布一次，接受全体居民监督。',
];

export async function adoptedCompact() {
  const demo = await followupDemo();
  const { host, councilId, planned } = demo;
  const compact = await host.ok('compacts:create', { councilId, title: '平安小区文明公约' });
  await host.ok('compacts:saveVersion', { compactId: compact.id, articles: firstDraft, note: '初稿' });
  const saved = await host.ok('compacts:saveVersion', { compactId: compact.id, articles: secondDraft, note: '充电地点写明' });
  const meeting = await host.ok('meeting:get', { meetingId: planned.id });
  const [failedMatter, passedMatter] = meeting.agenda;
  // The matter put to the vote names the compact it adopts.
  await host.ok('agenda:update', { agendaItemId: passedMatter!.id, title: passedMatter!.title, text: `${passedMatter!.text}\n通过后写入《平安小区文明公约》。` });
  await passMatters(host, planned.id, [
    { agendaItemId: failedMatter!.id, for: 1, against: 4 },
    { agendaItemId: passedMatter!.id, for: 5, against: 0 },
  ]);
  const candidates = await host.ok('compacts:adoptionCandidates', { councilId });
  const passed = candidates.find((candidate) => candidate.agendaItemId === passedMatter!.id)!;
  const failed = candidates.find((candidate) => candidate.agendaItemId === failedMatter!.id)!;
  const version2 = saved.versions.at(-1)!;
  return { ...demo, compactId: compact.id, version2, passed, failed, passedMatter: passedMatter!, failedMatter: failedMatter! };
}

export const padSignature = (seed: number) => signaturePng(seed).toString('base64');
