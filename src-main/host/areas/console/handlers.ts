import type { consoleArea } from '../../../../shared/api/areas/console';
import type { AreaContext, AreaHandlers } from '../../core/registry';
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
} from './service';

export function consoleHandlers({ db, now }: AreaContext): AreaHandlers<typeof consoleArea> {
  return {
    'console:get': ({ meetingId }) => getConsole(db, meetingId, now()),
    'console:setCurrent': (input) => setCurrentMatter(db, input, now()),
    'console:setScreen': (input) => setScreen(db, input, now()),
    'console:setLimit': (input) => setLimit(db, input, now()),
    'speaker:add': (input) => addSpeaker(db, input, now()),
    'speaker:remove': ({ speakerId }) => removeSpeaker(db, speakerId, now()),
    'speaker:move': (input) => moveSpeaker(db, input, now()),
    'speaker:next': ({ meetingId }) => nextSpeaker(db, meetingId, now()),
    'speaker:stop': ({ meetingId }) => stopSpeaker(db, meetingId, now()),
    'speaker:note': (input) => noteSpeaker(db, input, now()),
  };
}
