/**
 * The door on paper: the printed sign-in sheet (签到表) and roster with every household by
 * building, the signatures on it entered afterwards (纸上签到), and the households nobody has come
 * for yet (未到).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { AbsentHouseholds, AttendanceChange, RollHousehold, RollPerson, SignInRoll } from '../../../../shared/api/areas/attendance';
import { compareHouseholdCodes } from '../../../../shared/domain/roster/household-code';
import { HostError, conflict } from '../../core/errors';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit/audit-log';
import { getMeeting } from '../meetings/service';
import { listPeople } from '../roster/people';
import { households } from '../roster/schema';
import { attendance, proxies } from './schema';
import { assertMeetingOpenForAttendance, clockTime, personOfCouncil } from './service';
import { personChange } from './sheet';

interface Building {
  building: string;
  households: RollHousehold[];
}

/** Every household of the meeting's council by building, in the roster's household order, with its people and who has come. */
function roll(db: Db, meetingId: number): { buildings: Building[]; withoutHousehold: RollPerson[]; total: number } {
  const meeting = getMeeting(db, meetingId);
  const signedIn = new Map(
    db
      .select({ personId: attendance.personId, arrivedAt: attendance.arrivedAt, leftAt: attendance.leftAt, onPaper: attendance.onPaper })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .all()
      .map((row) => [row.personId, row]),
  );
  const holderOf = new Map(
    db
      .select({ grantorId: proxies.grantorId, holderId: proxies.holderId })
      .from(proxies)
      .where(and(eq(proxies.meetingId, meetingId), isNull(proxies.revokedAt)))
      .all()
      .map((grant) => [grant.grantorId, grant.holderId]),
  );
  const units = db
    .select({ id: households.id, code: households.code, building: households.building })
    .from(households)
    .where(eq(households.councilId, meeting.councilId))
    .all()
    .sort((a, b) => compareHouseholdCodes(a.code, b.code));
  const byHousehold = new Map<number, RollHousehold>();
  const buildings: Building[] = [];
  for (const unit of units) {
    const household: RollHousehold = { householdId: unit.id, code: unit.code, arrived: false, people: [] };
    byHousehold.set(unit.id, household);
    if (buildings.at(-1)?.building !== unit.building) buildings.push({ building: unit.building, households: [] });
    buildings.at(-1)!.households.push(household);
  }
  const withoutHousehold: RollPerson[] = [];
  for (const person of listPeople(db, meeting.councilId)) {
    const row = signedIn.get(person.id);
    const line: RollPerson = {
      personId: person.id,
      name: person.name,
      roles: person.roles,
      arrivedAt: row?.arrivedAt ?? null,
      leftAt: row?.leftAt ?? null,
      onPaper: row?.onPaper ?? false,
    };
    const household = person.householdId === null ? undefined : byHousehold.get(person.householdId);
    if (!household) {
      withoutHousehold.push(line);
      continue;
    }
    household.people.push(line);
    const holder = holderOf.get(person.id);
    if (row || (holder !== undefined && signedIn.has(holder))) household.arrived = true;
  }
  return { buildings, withoutHousehold, total: units.length };
}

export function signInRoll(db: Db, meetingId: number): SignInRoll {
  const { buildings, withoutHousehold } = roll(db, meetingId);
  return { buildings, withoutHousehold };
}

/** The households with nobody signed in and no proxy held by someone signed in, by building. */
export function absentHouseholds(db: Db, meetingId: number): AbsentHouseholds {
  const { buildings, total } = roll(db, meetingId);
  const absent = buildings
    .map(({ building, households: units }) => ({
      building,
      households: units
        .filter((household) => !household.arrived)
        .map((household) => ({ householdId: household.householdId, code: household.code, names: household.people.map((person) => person.name) })),
    }))
    .filter((building) => building.households.length > 0);
  return { buildings: absent, householdsAbsent: absent.reduce((sum, building) => sum + building.households.length, 0), householdsTotal: total };
}

/**
 * A signature on the printed sheet entered afterwards, at the time written beside it on the
 * meeting's date (the host's local time, as the minutes print it). The paper is the signature, so
 * the council's pad signature is not asked for.
 */
export function recordPaperSignIn(db: Db, input: ParsedInput<'attendance:recordPaper'>, now: Date): AttendanceChange {
  const meeting = assertMeetingOpenForAttendance(db, input.meetingId, { afterEnd: true });
  const person = personOfCouncil(db, meeting.councilId, input.personId);
  const arrived = new Date(`${meeting.date}T${input.time}:00`);
  if (arrived.getTime() > now.getTime()) {
    throw new HostError('invalid_input', `纸上签到的时间（${meeting.date} ${input.time}）还没到，请核对签到表上写的时间。`);
  }
  const existing = db
    .select({ arrivedAt: attendance.arrivedAt })
    .from(attendance)
    .where(and(eq(attendance.meetingId, input.meetingId), eq(attendance.personId, input.personId)))
    .get();
  if (existing) throw conflict(`${person.name} 已经签到（${clockTime(existing.arrivedAt)}），不必再登记纸上签到。`);
  const observer = person.roles.includes('observer');
  const arrivedAt = arrived.toISOString();
  db.insert(attendance).values({ meetingId: input.meetingId, personId: person.id, observer, arrivedAt, onPaper: true }).run();
  appendAudit(db, {
    kind: 'attendance.paper',
    meetingId: input.meetingId,
    at: now.toISOString(),
    payload: { personId: person.id, name: person.name, household: person.householdCode, observer, at: arrivedAt },
  });
  return personChange(db, input.meetingId, person.id);
}
