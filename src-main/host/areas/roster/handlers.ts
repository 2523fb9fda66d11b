import type { rosterArea } from '../../../../shared/api/areas/roster';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { exportRosterXlsx, rosterTemplateXlsx } from './export';
import { createHousehold, deleteHousehold, listHouseholds, updateHousehold } from './households';
import { commitRosterImport, previewRosterImport } from './import';
import { createPerson, deletePerson, listPeople, updatePerson } from './people';
import { createPeopleSearch } from './people-search';

export function rosterHandlers({ database, db, sqlite, now }: AreaContext): AreaHandlers<typeof rosterArea> {
  const searchPeople = createPeopleSearch(db, sqlite);
  return {
    'household:list': ({ councilId }) => listHouseholds(db, councilId),
    'household:create': (input) => createHousehold(db, input),
    'household:update': (input) => updateHousehold(db, input, now()),
    'household:delete': ({ householdId }) => deleteHousehold(db, householdId),

    'person:list': ({ councilId }) => listPeople(db, councilId),
    'person:search': (input) => searchPeople(input),
    'person:create': (input) => createPerson(db, input),
    'person:update': (input) => updatePerson(db, input, now()),
    'person:delete': ({ personId }) => deletePerson(db, personId),

    'roster:previewImport': (input) => previewRosterImport(database, input),
    'roster:commitImport': (input) => commitRosterImport(database, input, now()),
    'roster:exportXlsx': ({ councilId }) => exportRosterXlsx(db, councilId, now()),
    'roster:templateXlsx': () => rosterTemplateXlsx(),
  };
}
