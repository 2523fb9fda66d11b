import type { Channel, Output, ParsedInput } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/types';
import { backupsFolder, createBackup, listBackups, type BackupFile } from '../areas/backup/backups';
import { HostError } from './errors';
import { describeChain, verifyAuditChain } from '../areas/audit/audit-log';
import {
  checkIn,
  checkOut,
  getAttendance,
  getCouncilSettings,
  grantProxy,
  revokeProxy,
  setDefaultVote,
  updateCouncilSettings,
} from '../areas/attendance/service';
import type { DatabaseHandle } from '../db/client';
import { createCouncil, listCouncils, updateCouncil } from '../areas/councils/service';
import { createHousehold, deleteHousehold, listHouseholds, updateHousehold } from '../areas/roster/households';
import {
  addAgendaItem,
  amendAgendaItem,
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItem,
  updateMeeting,
} from '../areas/meetings/service';
import { createPerson, deletePerson, listPeople, searchPeopleInCouncil, updatePerson } from '../areas/roster/people';
import {
  addSpeaker,
  getConsole,
  moveSpeaker,
  nextSpeaker,
  noteSpeaker,
  removeSpeaker,
  setCurrentMatter,
  setLimit,
  setScreen,
  stopSpeaker,
} from '../areas/console/service';
import { acceptWish, declineWish, intakeStatus, listWishes, submitWish } from '../areas/wishes/service';
import { castBallot, closeVote, enterCounts, getVote, listVotes, lockVote, openVote, revote, rollCallVoters } from '../areas/voting/votes';
import { commitRosterImport, previewRosterImport } from '../areas/roster/import';
import { exportRosterXlsx } from '../areas/roster/export';
import type { Caller } from './caller';
import { processHandlers } from '../areas/process/handlers';
import { followupHandlers } from '../areas/followup/handlers';
import { minutesHandlers } from '../areas/minutes/handlers';
import { sealsHandlers } from '../areas/seals/handlers';
import { compactsHandlers } from '../areas/compacts/handlers';
import { accessHandlers } from '../areas/lan/handlers';

/** One handler per contract call; the mapped type makes a missing or mistyped one a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, caller: Caller) => Output<C> | Promise<Output<C>>;
};

/** The handlers of one area's contract (e.g. `AreaHandlers<typeof minutesContract>`). */
export type AreaHandlers<A> = {
  [C in keyof A & Channel]: (input: ParsedInput<C>, caller: Caller) => Output<C> | Promise<Output<C>>;
};

/** What an area's handler factory gets: the database, a transaction wrapper, the clock. */
export interface AreaContext extends HandlerContext {
  db: DatabaseHandle['db'];
  sqlite: DatabaseHandle['sqlite'];
  tx: <T>(work: () => T) => T;
  now: () => Date;
  /** Registers clean-up to run when the host closes (workers, timers, servers). */
  onClose: (close: () => void | Promise<void>) => void;
}

export interface HandlerContext {
  database: DatabaseHandle;
  version: string;
  host: AppInfo['host'];
  /** The clock, passed in so tests can fix the time. */
  now?: () => Date;
  /** Registers clean-up to run when the host closes; handlers that start workers or timers use it. */
  onClose?: (close: () => void | Promise<void>) => void;
}

export function createHandlers(context: HandlerContext): Handlers {
  const { database, version, host, now = () => new Date(), onClose = () => undefined } = context;
  const { db, sqlite } = database;
  /** Mutations run in one transaction: a rejected call leaves nothing behind. */
  const tx = <T>(work: () => T): T => sqlite.transaction(work)();
  const area: AreaContext = { ...context, db, sqlite, tx, now, onClose };

  return {
    'app:info': () => ({ version, databasePath: database.path, host }),

    'council:list': () => listCouncils(db),
    'council:create': (input) => tx(() => createCouncil(db, input)),
    'council:update': (input) => tx(() => updateCouncil(db, input, now())),

    'household:list': ({ councilId }) => listHouseholds(db, councilId),
    'household:create': (input) => tx(() => createHousehold(db, input)),
    'household:update': (input) => tx(() => updateHousehold(db, input, now())),
    'household:delete': ({ householdId }) => tx(() => deleteHousehold(db, householdId)),

    'person:list': ({ councilId }) => listPeople(db, councilId),
    'person:search': (input) => searchPeopleInCouncil(db, input),
    'person:create': (input) => tx(() => createPerson(db, input)),
    'person:update': (input) => tx(() => updatePerson(db, input, now())),
    'person:delete': ({ personId }) => tx(() => deletePerson(db, personId)),

    'meeting:list': ({ councilId }) => listMeetings(db, councilId),
    'meeting:get': ({ meetingId }) => getMeeting(db, meetingId),
    'meeting:create': (input) => tx(() => createMeeting(db, input)),
    'meeting:update': (input) => tx(() => updateMeeting(db, input, now())),
    'meeting:delete': ({ meetingId }) => tx(() => deleteMeeting(db, meetingId)),

    'agenda:add': (input) => tx(() => addAgendaItem(db, input)),
    'agenda:update': (input) => tx(() => updateAgendaItem(db, input, now())),
    'agenda:amend': (input) => tx(() => amendAgendaItem(db, input, now())),
    'agenda:remove': ({ agendaItemId }) => tx(() => removeAgendaItem(db, agendaItemId)),
    'agenda:reorder': (input) => tx(() => reorderAgenda(db, input)),

    'council:getSettings': ({ councilId }) => getCouncilSettings(db, councilId),
    'council:updateSettings': (input) => tx(() => updateCouncilSettings(db, input)),
    'council:setDefaultVote': (input) => tx(() => setDefaultVote(db, input, now())),

    'attendance:get': ({ meetingId }) => getAttendance(db, meetingId),
    'attendance:checkIn': (input) => tx(() => checkIn(db, input, now())),
    'attendance:checkOut': (input) => tx(() => checkOut(db, input, now())),
    'proxy:grant': (input) => tx(() => grantProxy(db, input, now())),
    'proxy:revoke': ({ proxyId }) => tx(() => revokeProxy(db, proxyId, now())),

    'vote:open': (input) => tx(() => openVote(db, input, now())),
    'vote:get': ({ voteId }) => getVote(db, voteId),
    'vote:list': ({ meetingId }) => listVotes(db, meetingId),
    'vote:voters': ({ voteId }) => rollCallVoters(db, voteId),
    'vote:castBallot': (input) => tx(() => castBallot(db, input, now())),
    'vote:enterCounts': (input) => tx(() => enterCounts(db, input, now())),
    'vote:lock': ({ voteId }) => tx(() => lockVote(db, voteId, now())),
    'vote:revote': (input) => tx(() => revote(db, input, now())),
    'vote:close': ({ voteId }) => tx(() => closeVote(db, voteId, now())),

    'backup:list': () => listBackups(backupsFolder(database.path)).map(toBackupInfo),
    'backup:create': () => toBackupInfo(createBackup(sqlite, backupsFolder(database.path), 'manual', now())),

    'recovery:status': () => ({ damaged: false }),
    'recovery:restoreLatest': () => {
      throw new HostError('conflict', '数据文件完好,不需要恢复。');
    },

    'console:get': ({ meetingId }) => getConsole(db, meetingId, now()),
    'console:setCurrent': (input) => tx(() => setCurrentMatter(db, input, now())),
    'console:setScreen': (input) => tx(() => setScreen(db, input, now())),
    'console:setLimit': (input) => tx(() => setLimit(db, input, now())),
    'speaker:add': (input) => tx(() => addSpeaker(db, input, now())),
    'speaker:remove': ({ speakerId }) => tx(() => removeSpeaker(db, speakerId, now())),
    'speaker:move': (input) => tx(() => moveSpeaker(db, input, now())),
    'speaker:next': ({ meetingId }) => tx(() => nextSpeaker(db, meetingId, now())),
    'speaker:stop': ({ meetingId }) => tx(() => stopSpeaker(db, meetingId, now())),
    'speaker:note': (input) => tx(() => noteSpeaker(db, input, now())),

    'wish:intake': ({ councilId }) => intakeStatus(db, councilId),
    'wish:submit': (input) => tx(() => submitWish(db, input, now())),
    'wish:list': ({ councilId }) => listWishes(db, councilId),
    'wish:accept': (input) => tx(() => acceptWish(db, input, now())),
    'wish:decline': (input) => tx(() => declineWish(db, input)),

    'audit:verify': () => describeChain(verifyAuditChain(sqlite)),

    'roster:previewImport': (input) => previewRosterImport(database, input),
    'roster:commitImport': (input) => commitRosterImport(database, input, now()),
    'roster:exportXlsx': ({ councilId }) => exportRosterXlsx(db, councilId, now()),

    ...processHandlers(area),
    ...followupHandlers(area),
    ...minutesHandlers(area),
    ...sealsHandlers(area),
    ...compactsHandlers(area),
    ...accessHandlers(area),
  };
}

export function toBackupInfo({ fileName, kind, createdAt, sizeBytes }: BackupFile) {
  return { fileName, kind, createdAt, sizeBytes };
}
