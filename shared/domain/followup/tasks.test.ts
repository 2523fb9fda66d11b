import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysLeft, daysOverdue, isOverdue, taskStatuses, transitionTask } from './tasks';
import { chineseDate, chineseTime, chineseWeekday, daysBetween, isDate, localDate } from './dates';

describe('overdue tasks', () => {
  const today = '2026-11-23';
  it.each([
    ['open, deadline yesterday', { status: 'open', deadline: '2026-11-22' }, true, 1],
    ['in progress, deadline a month ago', { status: 'in_progress', deadline: '2026-10-23' }, true, 31],
    ['due today is not overdue yet', { status: 'open', deadline: '2026-11-23' }, false, 0],
    ['deadline tomorrow', { status: 'in_progress', deadline: '2026-11-24' }, false, 0],
    ['done late is not overdue', { status: 'done', deadline: '2026-01-01' }, false, 0],
    ['no deadline is never overdue', { status: 'open', deadline: null }, false, 0],
    ['across a year end', { status: 'open', deadline: '2025-12-31' }, true, 327],
  ] as const)('%s', (_name, task, overdue, days) => {
    expect(isOverdue(task, today)).toBe(overdue);
    expect(daysOverdue(task, today)).toBe(days);
  });

  it('counts days left until the deadline', () => {
    expect(daysLeft({ status: 'open', deadline: '2026-11-30' }, today)).toBe(7);
    expect(daysLeft({ status: 'open', deadline: today }, today)).toBe(0);
    expect(daysLeft({ status: 'done', deadline: '2026-11-30' }, today)).toBeNull();
    expect(daysLeft({ status: 'open', deadline: null }, today)).toBeNull();
  });

  it('a task is overdue exactly when its deadline is before today and it is not done', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...taskStatuses), fc.option(day, { nil: null }), day, (status, deadline, now) => {
        const overdue = isOverdue({ status, deadline }, now);
        expect(overdue).toBe(status !== 'done' && deadline !== null && daysBetween(deadline, now) > 0);
        expect(daysOverdue({ status, deadline }, now) > 0).toBe(overdue);
      }),
    );
  });
});

describe('task status changes', () => {
  it('moves forward without a note and records the day it was done', () => {
    expect(transitionTask('open', 'in_progress', '2026-11-23', '')).toEqual({ ok: true, status: 'in_progress', doneOn: null });
    expect(transitionTask('in_progress', 'done', '2026-11-23', '')).toEqual({ ok: true, status: 'done', doneOn: '2026-11-23' });
    expect(transitionTask('open', 'done', '2026-11-23', '')).toEqual({ ok: true, status: 'done', doneOn: '2026-11-23' });
  });

  it('going back needs a reason', () => {
    const refused = transitionTask('done', 'in_progress', '2026-11-23', ' ');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('请写明原因');
    expect(transitionTask('done', 'in_progress', '2026-11-23', '验收发现仍漏水')).toEqual({ ok: true, status: 'in_progress', doneOn: null });
    expect(transitionTask('in_progress', 'open', '2026-11-23', '').ok).toBe(false);
  });

  it('refuses a change to the same status', () => {
    const same = transitionTask('open', 'open', '2026-11-23', '');
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error).toBe('任务已经是“未开始”了。');
  });

  it('only a done task carries a done date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...taskStatuses), fc.constantFrom(...taskStatuses), fc.string(), (from, to, note) => {
        const result = transitionTask(from, to, '2026-11-23', note);
        if (result.ok) expect(result.doneOn !== null).toBe(result.status === 'done');
      }),
    );
  });
});

describe('dates on notices', () => {
  it('writes dates, weekdays and times as notices do', () => {
    expect(chineseDate('2026-12-02')).toBe('2026年12月2日');
    expect(chineseWeekday('2026-12-02')).toBe('星期三');
    expect(chineseTime('19:00')).toBe('晚上 19:00');
    expect(chineseTime('09:30')).toBe('上午 09:30');
    expect(chineseTime('14:30')).toBe('下午 14:30');
  });

  it('checks calendar dates', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-2-1')).toBe(false);
  });

  it('reads today from the local clock', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
