import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { IntakeStatus, PublicWish, Wish } from '../../../../shared/api/areas/wishes';
import { mergeRefusal, mergedSupporters, supportRefusal } from '../../../../shared/domain/process/wish-merge';
import type { Db } from '../../db/client';
import { wishes, wishSupports } from './schema';
import { councilSettings } from '../councils/schema';
import { conflict, HostError, notFound } from '../../core/errors';
import { getCouncilSettings } from '../attendance/service';
import { getCouncil } from '../councils/service';
import { addAgendaItem, getMeeting } from '../meetings/service';
import { walkAcceptedMatter } from '../process/service';

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
  mergedIntoId: row.mergedIntoId,
  createdAt: row.createdAt,
});

/** How many open matters the public page lists, most supported first. */
const publicListLimit = 60;

export function intakeStatus(db: Db, councilId: number): IntakeStatus {
  const council = getCouncil(db, councilId);
  const open = getCouncilSettings(db, councilId).intakeOpen;
  const openWishes: PublicWish[] = open
    ? db
        .select({ id: wishes.id, text: wishes.text, category: wishes.category, supporters: wishes.supporters, status: wishes.status })
        .from(wishes)
        .where(and(eq(wishes.councilId, councilId), inArray(wishes.status, ['new', 'accepted'])))
        .orderBy(desc(wishes.supporters), desc(wishes.id))
        .limit(publicListLimit)
        .all()
        .map((row) => ({ ...row, status: row.status === 'accepted' ? 'accepted' : 'new' }))
    : [];
  return { councilId, councilName: council.name, open, openWishes };
}

/** Opens or closes residents' intake; the rest of the council's settings stay as they are. */
export function setIntake(db: Db, councilId: number, open: boolean): IntakeStatus {
  getCouncil(db, councilId);
  db.insert(councilSettings)
    .values({ councilId, intakeOpen: open })
    .onConflictDoUpdate({ target: councilSettings.councilId, set: { intakeOpen: open } })
    .run();
  return intakeStatus(db, councilId);
}

/** A resident raises a matter on the public page: only while the council has intake open. */
export function submitWish(db: Db, input: ParsedInput<'wish:submit'>, now: Date): { id: number } {
  if (!intakeStatus(db, input.councilId).open) throw conflict('议事会现在没有征集议题，请留意公示栏的通知。');
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
export function acceptWish(db: Db, input: ParsedInput<'wish:accept'>, now: Date): Wish {
  const row = newWish(db, input.wishId);
  const meeting = getMeeting(db, input.meetingId);
  if (meeting.councilId !== row.councilId) throw new HostError('invalid_input', '所选会议不属于本议事会。');
  const title = row.text.length > 30 ? `${row.text.slice(0, 30)}…` : row.text;
  const agenda = addAgendaItem(db, { meetingId: meeting.id, title, text: row.text }).agenda;
  const item = agenda.at(-1)!;
  // Linked first: under 六议 the residents' "me too" count as seconds on the way through 附议.
  db.update(wishes).set({ status: 'accepted', agendaItemId: item.id }).where(eq(wishes.id, row.id)).run();
  walkAcceptedMatter(db, item.id, now);
  return toWish(db.select().from(wishes).where(eq(wishes.id, row.id)).get()!);
}

export function declineWish(db: Db, input: ParsedInput<'wish:decline'>): Wish {
  const row = newWish(db, input.wishId);
  db.update(wishes).set({ status: 'declined', reason: input.reason }).where(eq(wishes.id, row.id)).run();
  return toWish(db.select().from(wishes).where(eq(wishes.id, row.id)).get()!);
}

function wishRow(db: Db, wishId: number) {
  const row = db.select().from(wishes).where(eq(wishes.id, wishId)).get();
  if (!row) throw notFound('议题');
  return row;
}

/** Vetting merges a duplicate into another wish: the supporters add up, the duplicate says where it went. */
export function mergeWish(db: Db, input: ParsedInput<'wish:merge'>): Wish {
  const duplicate = wishRow(db, input.wishId);
  const target = wishRow(db, input.intoWishId);
  const refusal = mergeRefusal(duplicate, target);
  if (refusal) throw conflict(refusal);
  const short = target.text.length > 30 ? `${target.text.slice(0, 30)}…` : target.text;
  db.update(wishes).set({ supporters: mergedSupporters(duplicate, target) }).where(eq(wishes.id, target.id)).run();
  db.update(wishes)
    .set({ status: 'merged', mergedIntoId: target.id, reason: `与“${short}”是同一件事，已合并办理。` })
    .where(eq(wishes.id, duplicate.id))
    .run();
  return toWish(wishRow(db, duplicate.id));
}

/**
 * A resident's "me too" on the public page, only while the council collects matters: once per
 * browser (the page's random id) and once per address (null on the chair's own computer), so a
 * second press, another tab, or new ids sent from the same phone add nothing.
 */
export function supportWish(db: Db, input: ParsedInput<'wish:support'>, address: string | null, now: Date): { id: number; supporters: number } {
  const row = wishRow(db, input.wishId);
  if (!intakeStatus(db, row.councilId).open) throw conflict('议事会现在没有征集议题，请留意公示栏的通知。');
  const refusal = supportRefusal(row);
  if (refusal) throw conflict(refusal);
  const sameSupporter = address === null ? eq(wishSupports.browserId, input.browserId) : or(eq(wishSupports.browserId, input.browserId), eq(wishSupports.address, address));
  const earlier = db.select({ id: wishSupports.id }).from(wishSupports).where(and(eq(wishSupports.wishId, row.id), sameSupporter)).get();
  if (earlier) throw conflict('您已经支持过这个议题。');
  db.insert(wishSupports).values({ wishId: row.id, browserId: input.browserId, address, createdAt: now.toISOString() }).run();
  db.update(wishes).set({ supporters: row.supporters + 1 }).where(eq(wishes.id, row.id)).run();
  return { id: row.id, supporters: row.supporters + 1 };
}
