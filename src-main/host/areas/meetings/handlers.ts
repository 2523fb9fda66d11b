import type { meetingsArea } from '../../../../shared/api/areas/meetings';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import {
  addAgendaItem,
  amendAgendaItem,
  createMeeting,
  deleteMeeting,
  endMeeting,
  getMeeting,
  listMeetings,
  removeAgendaItem,
  reorderAgenda,
  startMeeting,
  updateAgendaItem,
  updateMeeting,
} from './service';

export function meetingsHandlers({ db, now }: AreaContext): AreaHandlers<typeof meetingsArea> {
  return {
    'meeting:list': ({ councilId }) => listMeetings(db, councilId),
    'meeting:get': ({ meetingId }) => getMeeting(db, meetingId),
    'meeting:create': (input) => createMeeting(db, input),
    'meeting:update': (input) => updateMeeting(db, input, now()),
    'meeting:start': ({ meetingId }) => startMeeting(db, meetingId, now()),
    'meeting:end': ({ meetingId }) => endMeeting(db, meetingId, now()),
    'meeting:delete': ({ meetingId }) => deleteMeeting(db, meetingId),

    'agenda:add': (input) => addAgendaItem(db, input),
    'agenda:update': (input) => updateAgendaItem(db, input, now()),
    'agenda:amend': (input) => amendAgendaItem(db, input, now()),
    'agenda:remove': ({ agendaItemId }) => removeAgendaItem(db, agendaItemId),
    'agenda:reorder': (input) => reorderAgenda(db, input),
  };
}
