import type { followupContract } from '../../../../shared/api/contracts/followup';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { councilDashboard } from './dashboard';
import { announcementDocx, resultsDocx } from './notice-docx';
import { announcementNotice, postNotice, postResultsNotice, resultsNotice } from './notices';
import { addRating, addRatingCounts } from './ratings';
import { addTask, addTaskNote, deleteTask, reportTask, setTaskStatus, tasksBoard, updateTask } from './tasks';

export function followupHandlers(context: AreaContext): AreaHandlers<typeof followupContract> {
  const { db, tx, now } = context;
  return {
    'followup:notice': ({ meetingId }) => announcementNotice(db, meetingId, now()),
    'followup:exportNotice': ({ meetingId, publicBaseUrl }) => announcementDocx(announcementNotice(db, meetingId, now()), publicBaseUrl),
    'followup:postNotice': (input) => tx(() => postNotice(db, input, now())),

    'followup:tasks': ({ councilId }) => tasksBoard(db, councilId, now()),
    'followup:addTask': (input) => tx(() => addTask(db, input, now())),
    'followup:updateTask': (input) => tx(() => updateTask(db, input, now())),
    'followup:deleteTask': ({ taskId }) => tx(() => deleteTask(db, taskId)),
    'followup:setTaskStatus': (input) => tx(() => setTaskStatus(db, input, now())),
    'followup:addTaskNote': (input) => tx(() => addTaskNote(db, input, now())),
    'followup:reportTask': (input) => tx(() => reportTask(db, input, now())),

    'followup:addRatingCounts': (input) => tx(() => addRatingCounts(db, input, now())),
    'followup:addRating': (input) => tx(() => addRating(db, input, now())),

    'followup:resultsNotice': ({ councilId, meetingId }) => resultsNotice(db, councilId, meetingId, now()),
    'followup:exportResultsNotice': ({ councilId, meetingId }) => resultsDocx(resultsNotice(db, councilId, meetingId, now())),
    'followup:postResultsNotice': (input) => tx(() => postResultsNotice(db, input, now())),

    'followup:dashboard': ({ councilId }) => councilDashboard(db, councilId, now()),
  };
}
