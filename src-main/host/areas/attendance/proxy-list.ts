import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { households, people } from '../roster/schema';
import { proxies } from './schema';

export interface ProxyLine {
  grantor: string;
  household: string | null;
  holder: string;
}

/** The meeting's proxies still in force, by name, in the order they were given: for the minutes and the seal. */
export function proxiesInForce(db: Db, meetingId: number): ProxyLine[] {
  const grantor = alias(people, 'grantor');
  const holder = alias(people, 'holder');
  return db
    .select({ grantor: grantor.name, household: households.code, holder: holder.name })
    .from(proxies)
    .innerJoin(grantor, eq(grantor.id, proxies.grantorId))
    .innerJoin(holder, eq(holder.id, proxies.holderId))
    .leftJoin(households, eq(households.id, grantor.householdId))
    .where(and(eq(proxies.meetingId, meetingId), isNull(proxies.revokedAt)))
    .orderBy(asc(proxies.createdAt), asc(proxies.id))
    .all();
}
