/**
 * Writes a checked import plan inside the caller's transaction. One prepared statement per
 * kind of row, reused for every row: building a query per row (as the query builder does)
 * cost most of a large import's time. Owners are found by what was just written and the
 * roster the plan loaded, never by reading the roster again.
 */
import type Database from 'better-sqlite3';
import type { ImportResult } from '../../../../shared/api/areas/roster';
import { parseHouseholdCode } from '../../../../shared/domain/roster/household-code';
import { pinyinKeys, type PinyinKeys } from '../../../../shared/domain/roster/pinyin-keys';
import { personKey, type Plan } from './import-plan';

function statements(sqlite: Database.Database) {
  return {
    insertHousehold: sqlite.prepare<[number, string, string, string, string, number | null, string]>(
      'INSERT INTO households (council_id, building, unit, room, code, area_centi, tenure) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateHousehold: sqlite.prepare<[number | null, string, string, number]>(
      'UPDATE households SET area_centi = ?, tenure = ?, updated_at = ? WHERE id = ?',
    ),
    insertPerson: sqlite.prepare<[number, number | null, string, string, string, string, string]>(
      'INSERT INTO people (council_id, household_id, name, pinyin_initials, pinyin_full, phone, roles) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertOwner: sqlite.prepare<[number, number]>('INSERT INTO unit_owners (household_id, person_id) VALUES (?, ?)'),
    insertOwnerOnce: sqlite.prepare<[number, number]>('INSERT OR IGNORE INTO unit_owners (household_id, person_id) VALUES (?, ?)'),
  };
}

/** The plan as rows; call inside a transaction, after the plan's checks found nothing. */
export function writePlan(sqlite: Database.Database, councilId: number, plan: Plan, now: Date): ImportResult {
  const write = statements(sqlite);
  const householdIds = new Map<string, number>();
  for (const [code, household] of plan.roster.byCode) householdIds.set(code, household.id);
  let householdsCreated = 0;
  let householdsUpdated = 0;
  const updatedAt = now.toISOString();
  for (const household of plan.households.values()) {
    const { code, existing } = household;
    if (existing === undefined) {
      const { building, unit, room } = parseHouseholdCode(code)!;
      const id = write.insertHousehold.run(councilId, building, unit, room, code, household.areaCenti, household.tenure ?? 'owner').lastInsertRowid;
      householdIds.set(code, Number(id));
      householdsCreated += 1;
    } else if (household.status === 'updated') {
      write.updateHousehold.run(household.areaCenti ?? existing.areaCenti, household.tenure ?? existing.tenure, updatedAt, existing.id);
      householdsUpdated += 1;
    }
  }

  // Namesakes share their keys: each name is spelled out once per import.
  const keysByName = new Map<string, PinyinKeys>();
  const personIds = new Map(plan.roster.peopleIds);
  let peopleCreated = 0;
  for (const entry of plan.entries) {
    if (entry.name === '') continue;
    let keys = keysByName.get(entry.name);
    if (!keys) keysByName.set(entry.name, (keys = pinyinKeys(entry.name)));
    const householdId = entry.code ? householdIds.get(entry.code)! : null;
    const roles = JSON.stringify(entry.roles);
    const id = Number(write.insertPerson.run(councilId, householdId, entry.name, keys.initials, keys.full, entry.phone, roles).lastInsertRowid);
    personIds.set(personKey(entry.code, entry.name), id);
    peopleCreated += 1;
    if (entry.titleHolder) write.insertOwner.run(householdId!, id);
  }

  // The plan checked that every unit and owner named on the sheet 产权 is in the file or the roster.
  for (const title of plan.titles) {
    const ownerId = personIds.get(personKey(title.ownerCode, title.ownerName))!;
    write.insertOwnerOnce.run(householdIds.get(title.code)!, ownerId);
  }
  return { householdsCreated, householdsUpdated, peopleCreated };
}
