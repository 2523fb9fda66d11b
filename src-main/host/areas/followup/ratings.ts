/** Residents' satisfaction with a resolution: counts from a paper survey, or one household at a time. */
import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import { summarizeRatings, type RatingSummary, type RatingValue } from '../../../../shared/domain/followup/ratings';
import type { Db } from '../../db/client';
import { households } from '../roster/schema';
import { ratings } from './schema';
import { HostError } from '../../core/errors';
import { resolutionItem } from './tasks';

export function ratingSummary(db: Db, agendaItemId: number): RatingSummary {
  return summarizeRatings(db.select({ rating: ratings.rating }).from(ratings).where(eq(ratings.agendaItemId, agendaItemId)).all().map((r) => r.rating));
}

export function addRatingCounts(db: Db, input: ParsedInput<'followup:addRatingCounts'>, now: Date): RatingSummary {
  resolutionItem(db, input.agendaItemId);
  const total = input.satisfied + input.basically + input.unsatisfied;
  if (total === 0) throw new HostError('invalid_input', '请至少填写一项人数。');
  const at = now.toISOString();
  // One row per answer, so counts from paper and answers one by one add up the same way.
  const rows: Array<{ agendaItemId: number; householdId: null; rating: RatingValue; at: string }> = [];
  for (const rating of ['satisfied', 'basically', 'unsatisfied'] as const) {
    for (let i = 0; i < input[rating]; i += 1) rows.push({ agendaItemId: input.agendaItemId, householdId: null, rating, at });
  }
  for (let start = 0; start < rows.length; start += 500) db.insert(ratings).values(rows.slice(start, start + 500)).run();
  return ratingSummary(db, input.agendaItemId);
}

export function addRating(db: Db, input: ParsedInput<'followup:addRating'>, now: Date): RatingSummary {
  const { meeting } = resolutionItem(db, input.agendaItemId);
  const at = now.toISOString();
  if (input.householdId !== null) {
    const household = db.select().from(households).where(eq(households.id, input.householdId)).get();
    if (!household || household.councilId !== meeting.councilId) throw new HostError('invalid_input', '所选户不存在或不属于本议事会。');
    const earlier = db
      .select()
      .from(ratings)
      .where(and(eq(ratings.agendaItemId, input.agendaItemId), eq(ratings.householdId, input.householdId)))
      .get();
    if (earlier) {
      // One answer per household: a second one replaces the first.
      db.update(ratings).set({ rating: input.rating, at }).where(eq(ratings.id, earlier.id)).run();
      return ratingSummary(db, input.agendaItemId);
    }
  }
  db.insert(ratings).values({ agendaItemId: input.agendaItemId, householdId: input.householdId, rating: input.rating, at }).run();
  return ratingSummary(db, input.agendaItemId);
}
