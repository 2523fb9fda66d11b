import type { DatabaseHandle } from '../db/client';
import { unitOwners } from '../areas/roster/schema';
import { listCouncils } from '../areas/councils/service';
import { listHouseholds } from '../areas/roster/households';
import { listPeople } from '../areas/roster/people';

/**
 * The demo's title deeds, so that an owners' vote (民法典第二百七十八条) shows how owners are counted:
 * each owner-occupied unit is owned by its representative; the first couple found in one unit own it
 * together (one vote); 王建国 also owns the first rented unit (his two units are one vote, the areas
 * added). Deterministic, like the rest of the demo.
 */
export function seedOwnersDemo(database: DatabaseHandle): void {
  const { db, sqlite } = database;
  const councilId = listCouncils(db)[0]!.id;
  const people = listPeople(db, councilId);
  const landlord = people.find((person) => person.name === '王建国');
  sqlite.transaction(() => {
    let jointDone = false;
    let rentedDone = false;
    for (const unit of listHouseholds(db, councilId)) {
      const residents = people.filter((person) => person.householdId === unit.id);
      let owners = residents.filter((person) => person.roles.includes('representative')).slice(0, 1);
      if (unit.tenure === 'tenant') {
        owners = !rentedDone && landlord ? [landlord] : [];
        rentedDone ||= owners.length > 0;
      } else if (!jointDone && residents.length >= 2) {
        owners = residents.slice(0, 2);
        jointDone = true;
      }
      for (const owner of owners) db.insert(unitOwners).values({ householdId: unit.id, personId: owner.id }).run();
    }
  })();
}
