/**
 * The handler table: every area's handlers (src-main/host/areas/<area>/handlers.ts) joined into one
 * typed map. Mutations run in the dispatcher's transaction (see DispatchOptions.transaction), so a
 * handler only calls its area's services.
 */
import type { Channel, Contract, Output, ParsedInput } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/areas/app';
import type { DatabaseHandle } from '../db/client';
import type { Caller } from './caller';
import { appHandlers } from '../areas/app/handlers';
import { archiveHandlers } from '../areas/archive/handlers';
import { attendanceHandlers } from '../areas/attendance/handlers';
import { auditHandlers } from '../areas/audit/handlers';
import { backupHandlers } from '../areas/backup/handlers';
import { compactsHandlers } from '../areas/compacts/handlers';
import { consoleHandlers } from '../areas/console/handlers';
import { councilsHandlers } from '../areas/councils/handlers';
import { followupHandlers } from '../areas/followup/handlers';
import { lanHandlers } from '../areas/lan/handlers';
import { meetingsHandlers } from '../areas/meetings/handlers';
import { minutesHandlers } from '../areas/minutes/handlers';
import { paperHandlers } from '../areas/paper/handlers';
import { processHandlers } from '../areas/process/handlers';
import { rosterHandlers } from '../areas/roster/handlers';
import { sealsHandlers } from '../areas/seals/handlers';
import { votingHandlers } from '../areas/voting/handlers';
import { wishesHandlers } from '../areas/wishes/handlers';

/**
 * A call's handler. A call in the dispatcher's transaction must answer synchronously (a
 * better-sqlite3 transaction cannot span an await); one that opens its own may await.
 */
export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  caller: Caller,
) => Contract[C]['transaction'] extends 'dispatcher' ? Output<C> : Output<C> | Promise<Output<C>>;

/** One handler per contract call; the mapped type makes a missing or mistyped one a compile error. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one area (e.g. `AreaHandlers<typeof minutesArea>`). */
export type AreaHandlers<A> = { [C in keyof A & Channel]: Handler<C> };

export interface HandlerContext {
  database: DatabaseHandle;
  version: string;
  host: AppInfo['host'];
  /** The clock, passed in so tests can fix the time. */
  now?: () => Date;
  /** Registers clean-up to run when the host closes; handlers that start workers or timers use it. */
  onClose?: (close: () => void | Promise<void>) => void;
}

/** What an area's handler factory gets: the database, the clock, clean-up. */
export interface AreaContext extends HandlerContext {
  db: DatabaseHandle['db'];
  sqlite: DatabaseHandle['sqlite'];
  /** A transaction, only for the calls declared `transaction: 'handler'` (they say why). */
  tx: <T>(work: () => T) => T;
  now: () => Date;
  /** Registers clean-up to run when the host closes (workers, timers, servers). */
  onClose: (close: () => void | Promise<void>) => void;
}

export function createHandlers(context: HandlerContext): Handlers {
  const { database, now = () => new Date(), onClose = () => undefined } = context;
  const { db, sqlite } = database;
  const tx = <T>(work: () => T): T => sqlite.transaction(work)();
  const area: AreaContext = { ...context, db, sqlite, tx, now, onClose };
  return {
    ...appHandlers(area),
    ...councilsHandlers(area),
    ...rosterHandlers(area),
    ...meetingsHandlers(area),
    ...attendanceHandlers(area),
    ...votingHandlers(area),
    ...paperHandlers(area),
    ...consoleHandlers(area),
    ...wishesHandlers(area),
    ...processHandlers(area),
    ...followupHandlers(area),
    ...minutesHandlers(area),
    ...sealsHandlers(area),
    ...compactsHandlers(area),
    ...lanHandlers(area),
    ...backupHandlers(area),
    ...archiveHandlers(area),
    ...auditHandlers(area),
  };
}
