import { desc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { IntakeStatus, Wish } from '../../../shared/api/types';
import type { Db } from '../db/client';
import { wishes } from '../db/schema';
import { conflict, HostError, notFound } from '../errors';
import { getCouncilSettings } from './attendance';
import { getCouncil } from './councils';
import { addAgendaItem, getMeeting, updateAgendaStep } from './meetings';

const toWish = (row: typeof wishes.$inferSelect): Wish => ({
  id: row.id,
  councilId: row.councilId,
  text: row.text,
  category: row.category,
  building: row.building,
  name: row.name,
  household: row.household,
  supporters: row.supporters,
  source: row.source,
  status: row.status,
  reason: row.reason,
  agendaItemId: row.agendaItemId,
  createdAt: row.createdAt,
});

export function intakeStatus(db: Db, councilId: number): IntakeStatus {
  const council = getCouncil(db, councilId);
  return { councilId, councilName: council.name, open: getCouncilSettings(db, councilId).intakeOpen };
}

/** A resident raises a matter on the public page: only while the council has intake open. */
export function submitWish(db: Db, input: ParsedInput<'wish:submit'>, now: Date): { id: number } {
  if (!intakeStatus(db, input.councilId).open) throw conflict('议事会现在没有征集议题,请留意公示栏的通知。');
  const row = db
    .insert(wishes)
    .values({ ...input, source: 'public', createdAt: now.toISOString() })
    .returning({ id: wishes.id })
    .get();
  return row;
}

export function listWishes(db: Db, councilId: number): Wish[] {
  getCouncil(db, councilId);
  return db.select().from(wishes).where(eq(wishes.councilId, councilId)).orderBy(desc(wishes.id)).all().map(toWish);
}

function newWish(db: Db, wishId: number) {
  const row = db.select().from(wishes).where(eq(wishes.id, wishId)).get();
  if (!row) throw notFound('议题');
  if (row.status !== 'new') throw conflict('这条议题已经审议过了。');
  return row;
}

/** Vetting accepts a matter onto a meeting's agenda; it arrives there at the announce step. */
export function acceptWish(db: Db, input: ParsedInput<'wish:accept'>): Wish {
  const row = newWish(db, input.wishId);
  const meeting = getMeeting(db, input.meetingId);
  if (meeting.councilId !== row.councilId) throw new HostError('invalid_input', '所选会议不属于本议事会。');
  const title = row.text.length > 30 ? `${row.text.slice(0, 30)}…` : row.text;
  const agenda = addAgendaItem(db, { meetingId: meeting.id, title, text: row.text }).agenda;
  const item = agenda.at(-1)!;
  updateAgendaStep(db, item.id, 2);
  db.update(wishes).set({ status: 'accepted', agendaItemId: item.id }).where(eq(wishes.id, row.id)).run();
  return toWish(db.select().from(wishes).where(eq(wishes.id, row.id)).get()!);
}

export function declineWish(db: Db, input: ParsedInput<'wish:decline'>): Wish {
  const row = newWish(db, input.wishId);
  db.update(wishes).set({ status: 'declined', reason: input.reason }).where(eq(wishes.id, row.id)).run();
  return toWish(db.select().from(wishes).where(eq(wishes.id, row.id)).get()!);
}
