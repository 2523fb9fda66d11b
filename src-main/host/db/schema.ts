/**
 * Every table of the database, composed from the areas' own schema.ts files: the one schema object
 * that types `Db` (client.ts). Tables are declared in their area, never here; drizzle-kit reads
 * the same files (drizzle.config.ts).
 */
import * as attendance from '../areas/attendance/schema';
import * as audit from '../areas/audit/schema';
import * as compacts from '../areas/compacts/schema';
import * as consoleTables from '../areas/console/schema';
import * as councils from '../areas/councils/schema';
import * as followup from '../areas/followup/schema';
import * as lan from '../areas/lan/schema';
import * as meetings from '../areas/meetings/schema';
import * as minutes from '../areas/minutes/schema';
import * as paper from '../areas/paper/schema';
import * as processTables from '../areas/process/schema';
import * as roster from '../areas/roster/schema';
import * as seals from '../areas/seals/schema';
import * as voting from '../areas/voting/schema';
import * as wishes from '../areas/wishes/schema';

export const schema = {
  ...councils,
  ...roster,
  ...meetings,
  ...attendance,
  ...audit,
  ...voting,
  ...paper,
  ...consoleTables,
  ...wishes,
  ...processTables,
  ...followup,
  ...minutes,
  ...seals,
  ...compacts,
  ...lan,
};

export type Schema = typeof schema;
