import type { paperArea } from '../../../../shared/api/areas/paper';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { sealExtras } from '../seals/keys';
import { ballotsFile, recordFile, registerFile, reminderFile, verifyRecordFile } from './files';
import {
  absentees,
  askCorrection,
  closeRound,
  confirmCorrection,
  countBallot,
  invalidBallot,
  issueAll,
  issueBallot,
  openRound,
  pendingCorrections,
  postResult,
  printedBallots,
  recordStatus,
  registerLines,
  returnBallot,
  roundOfMeeting,
  scanBallot,
  signRecord,
  startCount,
  tallyOf,
} from './service';

export function paperHandlers(context: AreaContext): AreaHandlers<typeof paperArea> {
  const { db, now } = context;
  const { keyProtector } = sealExtras(context);
  return {
    'paper:open': (input) => openRound(db, input, now()),
    'paper:get': ({ meetingId }) => roundOfMeeting(db, meetingId),
    'paper:ballots': ({ roundId, building }) => printedBallots(db, roundId, building ?? null),
    'paper:register': ({ roundId }) => registerLines(db, roundId),
    'paper:issue': (input) => issueBallot(db, input, now()),
    'paper:issueAll': (input) => issueAll(db, input, now()),
    'paper:return': (input) => returnBallot(db, input, now()),
    'paper:absentees': ({ roundId, building }) => absentees(db, roundId, building ?? null),
    'paper:participation': ({ roundId }) => tallyOf(db, roundId).participation,
    'paper:close': (input) => closeRound(db, input, now()),
    'paper:startCount': (input) => startCount(db, input, now()),
    'paper:scan': (input) => scanBallot(db, input),
    'paper:count': (input) => countBallot(db, input, now()),
    'paper:invalid': (input) => invalidBallot(db, input, now()),
    'paper:correct': (input) => askCorrection(db, input, now()),
    'paper:corrections': ({ roundId }) => pendingCorrections(db, roundId),
    'paper:confirmCorrection': (input) => confirmCorrection(db, input, now()),
    'paper:tally': ({ roundId }) => tallyOf(db, roundId),
    'paper:sign': (input) => signRecord(db, input, now(), keyProtector),
    'paper:recordStatus': ({ roundId }) => recordStatus(db, roundId),
    'paper:post': (input) => postResult(db, input, now()),
    'paper:ballotsDocx': ({ roundId, building }) => ballotsFile(db, roundId, building ?? null),
    'paper:registerDocx': ({ roundId, building }) => registerFile(db, roundId, building ?? null),
    'paper:reminderDocx': ({ roundId, building }) => reminderFile(db, roundId, building ?? null),
    'paper:recordDocx': ({ roundId }) => recordFile(db, roundId),
    'paper:verifyRecord': ({ dataBase64 }) => verifyRecordFile(db, Buffer.from(dataBase64, 'base64')),
  };
}
