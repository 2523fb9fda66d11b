/**
 * The meeting's sign-in sheet and its counts, read in SQL. A tap at the door answers with the one
 * line or proxy it changed and the counts (an AttendanceChange), read by the same statements as the
 * whole sheet, so a screen that patches its sheet with the answer shows what a full read would.
 */
import type { AttendanceChange, AttendanceEntry, AttendanceSheet, AttendanceSummary, ProxyGrant } from '../../../../shared/api/areas/attendance';
import type { Db } from '../../db/client';
import { statementOnce } from '../../db/prepared';
import { getMeeting } from '../meetings/service';

const entriesSql = (where: string) => `SELECT a.person_id AS personId, p.name AS name, p.household_id AS householdId, h.code AS householdCode,
    a.observer AS observer, a.arrived_at AS arrivedAt, a.left_at AS leftAt, a.signature_png IS NOT NULL AS hasSignature, a.on_paper AS onPaper
  FROM attendance a JOIN people p ON p.id = a.person_id LEFT JOIN households h ON h.id = p.household_id
  WHERE a.meeting_id = @meeting ${where}
  ORDER BY a.arrived_at, a.person_id`;

const proxiesSql = (where: string) => `SELECT x.id AS id, x.grantor_id AS grantorId, g.name AS grantorName, gh.code AS grantorHouseholdCode,
    x.holder_id AS holderId, hp.name AS holderName, x.note AS note, x.written_received AS writtenReceived, x.created_at AS createdAt
  FROM proxies x JOIN people g ON g.id = x.grantor_id LEFT JOIN households gh ON gh.id = g.household_id JOIN people hp ON hp.id = x.holder_id
  WHERE x.meeting_id = @meeting AND x.revoked_at IS NULL ${where}
  ORDER BY x.created_at, x.id`;

/**
 * The counts: people in the room (not observers), observers, members in the room, and households
 * represented by someone of theirs in the room or by the holder of a proxy of theirs who is.
 */
const countsSql = `WITH room AS (SELECT person_id, observer FROM attendance WHERE meeting_id = @meeting AND left_at IS NULL),
  voters AS (SELECT p.id, p.household_id, p.roles FROM room r JOIN people p ON p.id = r.person_id WHERE r.observer = 0)
  SELECT
    (SELECT count(*) FROM voters) AS present,
    (SELECT count(*) FROM room WHERE observer = 1) AS observers,
    (SELECT count(*) FROM voters v WHERE EXISTS (SELECT 1 FROM json_each(v.roles) WHERE value = 'member')) AS membersPresent,
    (SELECT count(*) FROM (
      SELECT household_id FROM voters WHERE household_id IS NOT NULL
      UNION SELECT g.household_id FROM proxies x JOIN people g ON g.id = x.grantor_id JOIN voters v ON v.id = x.holder_id
        WHERE x.meeting_id = @meeting AND x.revoked_at IS NULL AND g.household_id IS NOT NULL)) AS householdsRepresented`;

/** The council's members and households: a scan of the whole roster (milliseconds at a large estate). */
const councilTotalsSql = `SELECT
    (SELECT count(*) FROM people WHERE council_id = @council AND EXISTS (SELECT 1 FROM json_each(people.roles) WHERE value = 'member')) AS membersTotal,
    (SELECT count(*) FROM households WHERE council_id = @council) AS householdsTotal`;

// Compiled once per database: a tap at the door runs them all.
const councilOfMeeting = statementOnce('SELECT council_id FROM meetings WHERE id = ?');
const countsStatement = statementOnce(countsSql);
const councilTotalsStatement = statementOnce(councilTotalsSql);
const allEntries = statementOnce(entriesSql(''));
const oneEntry = statementOnce(entriesSql('AND a.person_id = @person'));
const allProxies = statementOnce(proxiesSql(''));
const oneProxy = statementOnce(proxiesSql('AND x.id = @proxy'));

type CouncilTotals = Pick<AttendanceSummary, 'membersTotal' | 'householdsTotal'>;

/**
 * The council totals, kept per database between roster changes: a tap changes no roster, and at a
 * large estate counting the roster again would be most of a tap's cost. The host forgets them after
 * every change that is not attendance, a proxy, a ballot or a paper ballot (forgetCouncilTotals).
 */
const councilTotalsByDb = new WeakMap<Db, Map<number, CouncilTotals>>();

export function forgetCouncilTotals(db: Db): void {
  councilTotalsByDb.delete(db);
}

function councilTotals(db: Db, councilId: number): CouncilTotals {
  let known = councilTotalsByDb.get(db);
  if (!known) councilTotalsByDb.set(db, (known = new Map()));
  let totals = known.get(councilId);
  if (!totals) known.set(councilId, (totals = councilTotalsStatement(db).get({ council: councilId }) as CouncilTotals));
  return totals;
}

type Row<T> = { [K in keyof T]: T[K] extends boolean ? number : T[K] };

function entryOf(row: Row<AttendanceEntry>): AttendanceEntry {
  return { ...row, observer: Boolean(row.observer), hasSignature: Boolean(row.hasSignature), onPaper: Boolean(row.onPaper) };
}

function proxyOf(row: Row<ProxyGrant>): ProxyGrant {
  return { ...row, writtenReceived: Boolean(row.writtenReceived) };
}

/** The counts of a meeting's sheet, in one statement (a few indexed counts, never the rows). */
export function attendanceSummary(db: Db, meetingId: number): AttendanceSummary {
  const councilId = councilOfMeeting(db).pluck().get(meetingId) as number | undefined;
  if (councilId === undefined) getMeeting(db, meetingId); // says which meeting is not there
  const counts = countsStatement(db).get({ meeting: meetingId }) as Omit<AttendanceSummary, 'meetingId' | keyof CouncilTotals>;
  const { membersTotal, householdsTotal } = councilTotals(db, councilId!);
  return { meetingId, present: counts.present, observers: counts.observers, membersPresent: counts.membersPresent, membersTotal, householdsRepresented: counts.householdsRepresented, householdsTotal };
}

/**
 * The meeting's sheet. It reads the people it names and counts the rest in SQL, and never the
 * signature images (only whether there is one).
 */
export function getAttendance(db: Db, meetingId: number): AttendanceSheet {
  const summary = attendanceSummary(db, meetingId);
  const entries = (allEntries(db).all({ meeting: meetingId }) as Array<Row<AttendanceEntry>>).map(entryOf);
  const proxies = (allProxies(db).all({ meeting: meetingId }) as Array<Row<ProxyGrant>>).map(proxyOf);
  return { ...summary, entries, proxies };
}

/** What a tap changed for one person: their line now (null: no longer on the sheet) and the counts. */
export function personChange(db: Db, meetingId: number, personId: number): AttendanceChange {
  const row = oneEntry(db).get({ meeting: meetingId, person: personId }) as Row<AttendanceEntry> | undefined;
  return { ...attendanceSummary(db, meetingId), kind: 'person', personId, entry: row ? entryOf(row) : null };
}

/** What a tap changed for one proxy: the proxy now (null: revoked) and the counts. */
export function proxyChange(db: Db, meetingId: number, proxyId: number): AttendanceChange {
  const row = oneProxy(db).get({ meeting: meetingId, proxy: proxyId }) as Row<ProxyGrant> | undefined;
  return { ...attendanceSummary(db, meetingId), kind: 'proxy', proxyId, proxy: row ? proxyOf(row) : null };
}
