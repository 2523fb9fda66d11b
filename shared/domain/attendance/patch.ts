/**
 * A screen's copy of the sign-in sheet, kept current from the answers of the taps it makes: each
 * answer names the one line or proxy it changed and the counts after it, so the screen patches its
 * copy instead of reading the whole sheet again. The order is the host's: entries by arrival (then
 * person), proxies by when they were recorded (then id).
 */
import type { AbsentHouseholds, AttendanceChange, AttendanceEntry, AttendanceSheet, AttendanceSummary, ProxyGrant } from '../../api/areas/attendance';

function byArrival(a: AttendanceEntry, b: AttendanceEntry): number {
  return a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : a.personId - b.personId;
}

function byRecording(a: ProxyGrant, b: ProxyGrant): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}

/** The counts a change carries, without what it says of the one line. */
export function summaryOf(change: AttendanceSummary): AttendanceSummary {
  const { meetingId, present, observers, membersPresent, membersTotal, householdsRepresented, householdsTotal } = change;
  return { meetingId, present, observers, membersPresent, membersTotal, householdsRepresented, householdsTotal };
}

/** Replaces (or removes, or adds) one item of a sorted list, keeping the order. */
function replaced<T>(list: readonly T[], isIt: (item: T) => boolean, next: T | null, order: (a: T, b: T) => number): T[] {
  const rest = list.filter((item) => !isIt(item));
  if (next === null) return rest;
  const at = rest.findIndex((item) => order(next, item) < 0);
  return at < 0 ? [...rest, next] : [...rest.slice(0, at), next, ...rest.slice(at)];
}

/** The sheet after a tap, from the sheet before it and the tap's answer. Another meeting's answer changes nothing. */
export function patchSheet(sheet: AttendanceSheet, change: AttendanceChange): AttendanceSheet {
  if (sheet.meetingId !== change.meetingId) return sheet;
  const counts = summaryOf(change);
  if (change.kind === 'person') {
    return { ...sheet, ...counts, entries: replaced(sheet.entries, (entry) => entry.personId === change.personId, change.entry, byArrival) };
  }
  return { ...sheet, ...counts, proxies: replaced(sheet.proxies, (proxy) => proxy.id === change.proxyId, change.proxy, byRecording) };
}

/**
 * The households nobody has come for, after a tap: someone with a line on the sheet (signed in,
 * left, on paper) has come for their household. A tap that may bring a household back onto the
 * list (a sign-in taken back, a proxy) or bring others' households off it (the holder of a proxy,
 * by the screen's `proxies`) is answered null: read the list again.
 */
export function patchAbsent(absent: AbsentHouseholds, change: AttendanceChange, proxies: readonly ProxyGrant[]): AbsentHouseholds | null {
  if (change.kind !== 'person' || change.entry === null) return null;
  if (proxies.some((proxy) => proxy.holderId === change.personId)) return null;
  const householdId = change.entry.householdId;
  if (householdId === null) return absent;
  const buildings = absent.buildings
    // Buildings the tap did not touch stay the same objects: a screen redraws only the one it changed.
    .map((building) =>
      building.households.some((household) => household.householdId === householdId)
        ? { ...building, households: building.households.filter((household) => household.householdId !== householdId) }
        : building,
    )
    .filter((building) => building.households.length > 0);
  const householdsAbsent = buildings.reduce((sum, building) => sum + building.households.length, 0);
  return householdsAbsent === absent.householdsAbsent ? absent : { ...absent, buildings, householdsAbsent };
}
