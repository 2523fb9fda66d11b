import { count, eq } from 'drizzle-orm';
import type { PersonRole } from '../../../shared/domain/roster/roles';
import type { DatabaseHandle } from '../db/client';
import { localDate } from '../../../shared/domain/followup/dates';
import { presets } from '../../../shared/domain/voting/rules';
import { councils } from '../areas/councils/schema';
import { meetings } from '../areas/meetings/schema';
import { wishes } from '../areas/wishes/schema';
import { notices, ratings, taskNotes, tasks } from '../areas/followup/schema';
import { checkIn } from '../areas/attendance/service';
import { listCouncils } from '../areas/councils/service';
import { closeVote, enterCounts, lockVote, openVote } from '../areas/voting/votes';
import { createCouncil } from '../areas/councils/service';
import { createHousehold } from '../areas/roster/households';
import { addAgendaItem, createMeeting, getMeeting, listMeetings, updateAgendaStep, updateMeeting } from '../areas/meetings/service';
import { createPerson, listPeople } from '../areas/roster/people';
import { seedDemoCompact } from '../areas/compacts/demo';

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎常武乔贺龚';
const givenNames = [
  '秀英', '桂兰', '建国', '志强', '玉梅', '国庆', '淑珍', '德华', '丽华', '卫东', '海燕', '振华', '春梅', '文军',
  '素芬', '永红', '宏伟', '凤英', '明', '静', '军', '华', '敏', '勇', '磊', '娜', '涛', '红梅', '建华', '金凤',
  '长青', '小平', '瑞芳', '国平', '雪梅', '立新', '晓东', '婷', '浩然', '子涵', '欣怡', '宇轩', '梓萱', '一鸣',
];

/** A small deterministic generator, so every demo courtyard is the same and tests can name people. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
  };
}

function isoDate(base: Date, days: number): string {
  return new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

interface SeedPerson {
  name: string;
  roles: PersonRole[];
}

/** Named residents the demo and the tests rely on, placed in fixed households. */
const namedResidents: Record<string, SeedPerson[]> = {
  '1-1-301': [{ name: '王建国', roles: ['chair', 'member', 'representative'] }],
  '2-1-502': [{ name: '李秀英', roles: ['secretary', 'member', 'representative'] }],
  '3-2-501': [{ name: '何兆品', roles: ['member', 'representative'] }],
  '4-1-201': [{ name: '张桂兰', roles: ['member', 'representative'] }],
  '5-2-602': [{ name: '刘德华', roles: ['member', 'representative'] }],
  '2-2-102': [{ name: '陈淑珍', roles: ['member', 'representative'] }],
  '4-2-401': [{ name: '赵卫东', roles: ['member', 'representative'] }],
  '1-2-202': [{ name: '周海燕', roles: ['supervisor', 'representative'] }],
};

export function isDatabaseEmpty(database: DatabaseHandle): boolean {
  return database.db.select({ n: count() }).from(councils).get()!.n === 0;
}

/**
 * 平安小区: five buildings of two units and six floors (60 households), about 140
 * residents, a council of seven, two past meetings and one coming up with four matters
 * taken from what courtyards really decide.
 */
export function seedDemo(database: DatabaseHandle, now: Date): void {
  const { db, sqlite } = database;
  sqlite.transaction(() => {
    const random = generator(20261122);
    const council = createCouncil(db, {
      name: '平安小区院落议事会',
      community: '平安社区',
      address: '平安路 18 号',
      processTemplate: 'six-step',
    });
    const councilId = council.id;
    const byName = new Map<string, number>();
    // Real courtyards have namesakes, but in a demo two 郝海燕 read as one person owning two flats.
    // A name already taken is drawn again from a generator of its own, so nothing else moves.
    const taken = new Set(Object.values(namedResidents).flat().map((resident) => resident.name));
    const redraw = generator(7);
    const freshName = (): string => {
      let name = random.pick([...surnames]) + random.pick(givenNames);
      while (taken.has(name)) name = redraw.pick([...surnames]) + redraw.pick(givenNames);
      taken.add(name);
      return name;
    };

    for (let building = 1; building <= 5; building += 1) {
      for (let unit = 1; unit <= 2; unit += 1) {
        for (let floor = 1; floor <= 6; floor += 1) {
          const code = `${building}-${unit}-${floor}0${1 + ((building + floor) % 2)}`;
          const household = createHousehold(db, {
            councilId,
            code,
            area: random.between(5200, 13800),
            tenure: random.next() < 0.85 ? 'owner' : 'tenant',
            note: '',
          });
          const named = namedResidents[code] ?? [];
          const others = Math.max(0, random.between(1, 3) - named.length);
          const residents: SeedPerson[] = [...named];
          for (let i = 0; i < others; i += 1) {
            residents.push({
              name: freshName(),
              roles: residents.length === 0 ? ['representative'] : [],
            });
          }
          for (const resident of residents) {
            const person = createPerson(db, {
              councilId,
              householdId: household.id,
              name: resident.name,
              phone: random.next() < 0.7 ? `13${random.between(100000000, 999999999)}` : '',
              roles: resident.roles,
            });
            byName.set(resident.name, person.id);
          }
        }
      }
    }
    // Attending without a vote: the community's grid worker and a property officer.
    createPerson(db, { councilId, householdId: null, name: '孙网格', phone: '', roles: ['observer'] });
    createPerson(db, { councilId, householdId: null, name: '物业 钱经理', phone: '', roles: ['observer'] });

    const missing = Object.values(namedResidents).flat().filter((resident) => !byName.has(resident.name));
    if (missing.length) throw new Error(`demo households missing for ${missing.map((m) => m.name).join(', ')}`);
    const chairId = byName.get('王建国')!;
    const secretaryId = byName.get('李秀英')!;
    const plan: Array<{ title: string; days: number; place: string; status: 'closed' | 'planned'; matters: Array<[string, string]> }> = [
      {
        title: '第三季度院落议事会',
        days: -70,
        place: '3 栋前小广场',
        status: 'closed',
        matters: [
          ['绿化带除草与认领', '东侧绿化带杂草丛生，提议由各楼栋志愿者分段认领，每月除草一次。'],
          ['垃圾房异味整治', '垃圾房夏季异味大，提议增加清运频次并安装纱门。'],
        ],
      },
      {
        title: '院落夜话：楼道与公共收益',
        days: -30,
        place: '3 栋前小广场',
        status: 'closed',
        matters: [
          ['楼道堆物清理', '楼道堆放杂物影响消防通道，提议集中清理日并签订承诺书。'],
          ['公共收益月月晒', '广告位和停车收入每月在公示栏公布明细，由监督员核对。'],
        ],
      },
      {
        title: '院落议事会（12 月）',
        days: 10,
        place: '平安小区活动室',
        status: 'planned',
        matters: [
          ['小广场地面重新铺装', '小广场地砖破损多处，老人散步易绊倒。提议申请微更新资金重新铺装。'],
          ['增设电动车集中充电桩', '杜绝飞线充电的消防隐患，提议在 5 栋北侧空地建设集中充电棚。'],
          ['一户多车阶梯停车收费', '院内车位不足，提议第二辆车起阶梯收费，收入用于院落公共维护。'],
          ['5 栋顶楼漏水维修费用分摊', '5 栋顶楼防水层老化漏水，讨论维修方案及费用分摊办法。'],
        ],
      },
    ];
    for (const entry of plan) {
      const created = createMeeting(db, {
        councilId,
        title: entry.title,
        date: isoDate(now, entry.days),
        startTime: '19:00',
        place: entry.place,
        chairId,
        secretaryId,
      });
      if (entry.status === 'closed') {
        const { id: meetingId, title, date, startTime, place } = created;
        updateMeeting(db, { meetingId, title, date, startTime, place, chairId, secretaryId, status: 'closed' }, now);
      }
      for (const [title, text] of entry.matters) {
        const updated = addAgendaItem(db, { meetingId: created.id, title, text });
        const item = updated.agenda.at(-1)!;
        // Past matters have been resolved and are being carried out; upcoming ones are announced.
        updateAgendaStep(db, item.id, entry.status === 'closed' ? 5 : 2, now);
      }
      // The upcoming meeting's notice went up on the board yesterday, so the step machine lets its
      // matters be discussed and voted on (a demo fact, like the steps above: not in the audit log).
      if (entry.status === 'planned') {
        const postedOn = localDate(new Date(now.getTime() - 86_400_000));
        db.insert(notices).values({ councilId, meetingId: created.id, kind: 'announce', postedAt: postedOn, createdAt: now.toISOString() }).run();
        db.update(meetings).set({ noticePostedAt: postedOn }).where(eq(meetings.id, created.id)).run();
      }
    }
    // A draft courtyard compact for the council to revise and put to the vote.
    seedDemoCompact(db, councilId, now);
  })();
}

// ---- Follow-up demo (step 6, 落实公示): the two past meetings' resolutions, tasks and ratings. ----

interface DemoTask {
  title: string;
  owner: string;
  /** Days from the seed's `now`; null for no deadline. */
  due: number | null;
  status: 'open' | 'in_progress' | 'done';
  note?: string;
}

const followupPlan: Record<string, { tasks: DemoTask[]; ratings?: [number, number, number]; wish?: string }> = {
  绿化带除草与认领: {
    wish: '东侧绿化带草长得比人高，蚊子多，希望有人管一管',
    tasks: [
      { title: '划分认领段并在公示栏公布名单', owner: '张桂兰', due: -60, status: 'done', note: '5 个楼栋已全部认领' },
      { title: '每月第一个周六集中除草', owner: '各楼栋志愿者', due: -40, status: 'done', note: '第一次除草 18 人参加' },
    ],
    ratings: [21, 3, 1],
  },
  垃圾房异味整治: {
    wish: '垃圾房夏天味道太大，希望多清运几次',
    tasks: [
      { title: '清运频次增加到每天两次', owner: '物业公司', due: -50, status: 'done' },
      { title: '垃圾房安装纱门和排风扇', owner: '物业公司', due: -10, status: 'in_progress', note: '纱门已装，排风扇等待采购' },
    ],
    ratings: [12, 6, 4],
  },
  楼道堆物清理: {
    wish: '2 栋楼道堆满纸箱和旧家具，着火了跑不出去',
    tasks: [
      { title: '组织楼道集中清理日', owner: '赵卫东', due: -20, status: 'done', note: '清出杂物 3 车' },
      { title: '各户签订楼道不堆物承诺书', owner: '刘德华', due: -5, status: 'done' },
    ],
  },
  公共收益月月晒: {
    tasks: [{ title: '每月 5 日前公布广告位和停车收支明细', owner: '周海燕', due: 5, status: 'in_progress', note: '11 月明细已公布' }],
  },
};

/**
 * Not part of seedDemo itself: other tests rely on the plain demo having an empty audit log and
 * no residents' matters. The browser host's --demo can add it after seedDemo.
 *
 * The past meetings as they were held: five members signed in, each matter passed by a show of
 * hands and locked; the resolutions became tasks (one of them now overdue), some were reported
 * back at the next meeting and rated by residents. Residents raised most of the matters, and two
 * more: one declined with a reason, one waiting to be vetted. Runs through the real services
 * (votes, attendance, audit log), so the demo holds nothing the app could not have recorded.
 */
export function seedFollowupDemo(database: DatabaseHandle, now: Date): void {
  const { db, sqlite } = database;
  const councilId = listCouncils(db)[0]!.id;
  const people = listPeople(db, councilId);
  const idOf = (name: string) => people.find((person) => person.name === name)?.id ?? null;
  const members = people.filter((person) => person.roles.includes('member')).slice(0, 5);
  const held = listMeetings(db, councilId)
    .filter((meeting) => meeting.status === 'closed')
    .sort((a, b) => a.date.localeCompare(b.date));
  const day = (offset: number) => localDate(new Date(now.getTime() + offset * 86_400_000));
  sqlite.transaction(() => {
    held.forEach((summary, meetingIndex) => {
      const at = (minutes: number) => new Date(new Date(`${summary.date}T19:00:00`).getTime() + minutes * 60_000);
      // Votes are only taken in a meeting that is on; it is closed again at the end.
      db.update(meetings).set({ status: 'in_progress' }).where(eq(meetings.id, summary.id)).run();
      members.forEach((member, index) => checkIn(db, { meetingId: summary.id, personId: member.id, observer: false, signaturePngBase64: null }, at(-10 + index)));
      const meeting = getMeeting(db, summary.id);
      meeting.agenda.forEach((item, itemIndex) => {
        const start = 20 + itemIndex * 30;
        const vote = openVote(db, { meetingId: meeting.id, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] }, at(start));
        enterCounts(db, { voteId: vote.id, for: 5 - (itemIndex % 2), against: itemIndex % 2, abstain: 0, blank: 0, enteredBy: '王建国' }, at(start + 10));
        closeVote(db, vote.id, at(start + 11));
        lockVote(db, vote.id, at(start + 12));
        const plan = followupPlan[item.title];
        if (!plan) return;
        const later = held[meetingIndex + 1];
        for (const task of plan.tasks) {
          const row = db
            .insert(tasks)
            .values({
              agendaItemId: item.id,
              title: task.title,
              ownerPersonId: idOf(task.owner),
              ownerName: task.owner,
              deadline: task.due === null ? null : day(task.due),
              status: task.status,
              doneAt: task.status === 'done' && task.due !== null ? day(task.due - 2) : null,
              reportedMeetingId: later && task.status === 'done' ? later.id : null,
              reportedAt: later && task.status === 'done' ? new Date(`${later.date}T19:30:00`).toISOString() : null,
              createdAt: at(start + 15).toISOString(),
            })
            .returning({ id: tasks.id })
            .get();
          if (task.note) db.insert(taskNotes).values({ taskId: row.id, text: task.note, personId: null, at: at(start + 60 * 24 * 7).toISOString() }).run();
        }
        const [satisfied, basically, unsatisfied] = plan.ratings ?? [0, 0, 0];
        const answers = [...Array<'satisfied'>(satisfied).fill('satisfied'), ...Array<'basically'>(basically).fill('basically'), ...Array<'unsatisfied'>(unsatisfied).fill('unsatisfied')];
        if (answers.length) db.insert(ratings).values(answers.map((rating) => ({ agendaItemId: item.id, householdId: null, rating, at: now.toISOString() }))).run();
        if (plan.wish) {
          db.insert(wishes)
            .values({ councilId, text: plan.wish, source: 'public', status: 'accepted', agendaItemId: item.id, createdAt: at(-60 * 24 * 10).toISOString() })
            .run();
        }
      });
      db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, summary.id)).run();
    });
    db.insert(wishes)
      .values([
        { councilId, text: '希望院里允许养几只鸡，给孩子看看', source: 'public', status: 'declined', reason: '院落公约不允许饲养家禽，可以去社区农场参观', createdAt: day(-20) + 'T10:00:00.000Z' },
        { councilId, text: '健身器材生锈了，希望刷漆或者更换', category: '设施维修', building: '4 栋', source: 'public', createdAt: day(-2) + 'T09:00:00.000Z' },
      ])
      .run();
  })();
}
