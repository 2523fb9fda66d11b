/**
 * Follow-up over a council's busy year: 24 meetings of 6 matters each, every matter voted and
 * locked through the real services (144 resolutions), 2 tasks per resolution with a note, 600
 * residents' matters and 3,000 ratings. Times the calls a screen makes: the dashboard, the tasks
 * page, and the results notice in Word for every resolution (median of 15 runs each).
 */
import { performance } from 'node:perf_hooks';
import { localDate } from '../../../shared/domain/followup/dates';
import { presets } from '../../../shared/domain/voting/rules';
import { withDemoHost } from '../demo-host';
import type { Report } from '../run';

export default async function followupBench(report: Report): Promise<void> {
  await withDemoHost('followup', async (base, ok) => {
    const councilId = 1;
    const members = (await ok('person:list', { councilId })).filter((p) => p.roles.includes('member')).slice(0, 5);
    const setupStart = performance.now();
    const itemIds: number[] = [];
    for (let m = 0; m < 24; m += 1) {
      const meeting = await ok('meeting:create', { councilId, title: `第 ${m + 1} 次院落议事会`, date: localDate(new Date(Date.now() - (400 - m * 15) * 86_400_000)), startTime: '19:00' });
      for (let i = 0; i < 6; i += 1) await ok('agenda:add', { meetingId: meeting.id, title: `议题 ${m + 1}-${i + 1}`, text: '院落公共事务' });
      for (const member of members) await ok('attendance:checkIn', { meetingId: meeting.id, personId: member.id });
      // The step machine votes only on vetted matters of an announced meeting.
      await ok('followup:postNotice', { meetingId: meeting.id, postedOn: meeting.date });
      for (const item of (await ok('meeting:get', { meetingId: meeting.id })).agenda) {
        for (let step = 0; step < 2; step += 1) await ok('process:advance', { agendaItemId: item.id });
        const vote = await ok('vote:open', { meetingId: meeting.id, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] });
        await ok('vote:enterCounts', { voteId: vote.id, for: 4, against: 1, abstain: 0 });
        await ok('vote:close', { voteId: vote.id });
        await ok('vote:lock', { voteId: vote.id });
        itemIds.push(item.id);
      }
    }
    const sqlite = base.database.sqlite;
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      const task = sqlite.prepare("INSERT INTO tasks (agenda_item_id, title, owner_name, deadline, status, created_at) VALUES (?, ?, '物业公司', ?, ?, ?)");
      const note = sqlite.prepare('INSERT INTO task_notes (task_id, text, at) VALUES (?, ?, ?)');
      const rating = sqlite.prepare('INSERT INTO ratings (agenda_item_id, rating, at) VALUES (?, ?, ?)');
      const wish = sqlite.prepare("INSERT INTO wishes (council_id, text, source, status, reason, agenda_item_id, created_at) VALUES (?, ?, 'public', ?, ?, ?, ?)");
      itemIds.forEach((itemId, index) => {
        for (let k = 0; k < 2; k += 1) {
          const id = task.run(itemId, `任务 ${index}-${k}`, localDate(new Date(Date.now() + ((index % 40) - 20) * 86_400_000)), ['open', 'in_progress', 'done'][(index + k) % 3], now).lastInsertRowid;
          note.run(id, '已联系施工方', now);
        }
      });
      for (let i = 0; i < 3000; i += 1) rating.run(itemIds[i % itemIds.length], ['satisfied', 'basically', 'unsatisfied'][i % 3 === 2 ? i % 2 : i % 3], now);
      for (let i = 0; i < 600; i += 1) {
        const accepted = i < itemIds.length;
        wish.run(councilId, `居民心愿 ${i}`, accepted ? 'accepted' : i % 20 === 0 ? 'new' : 'declined', accepted ? '' : '不属于议事范围', accepted ? itemIds[i] : null, now);
      }
    })();
    report('followup-setup-144-votes', performance.now() - setupStart, 'ms');

    const median = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const start = performance.now();
        await work();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[7]!;
    };
    report('followup-dashboard-144-resolutions', await median(() => ok('followup:dashboard', { councilId })), 'ms');
    report('followup-tasks-page-288-tasks', await median(() => ok('followup:tasks', { councilId })), 'ms');
    report('followup-results-word-144-resolutions', await median(() => ok('followup:exportResultsNotice', { councilId, meetingId: null })), 'ms');
  });
}
