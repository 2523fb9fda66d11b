import type { followupArea } from '../../../../shared/api/areas/followup';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { councilDashboard } from './dashboard';
import { announcementDocx, resultsDocx } from './notice-docx';
import { announcementNotice, postNotice, postResultsNotice, resultsNotice } from './notices';
import { addRating, addRatingCounts } from './ratings';
import { addTask, addTaskNote, deleteTask, reportTask, setTaskStatus, tasksBoard, updateTask } from './tasks';

export function followupHandlers(context: AreaContext): AreaHandlers<typeof followupArea> {
  const { db, now } = context;
  return {
    'followup:notice': ({ meetingId }) => announcementNotice(db, meetingId, now()),
    'followup:exportNotice': ({ meetingId, publicBaseUrl }) => announcementDocx(announcementNotice(db, meetingId, now()), publicBaseUrl),
    'followup:postNotice': (input) => postNotice(db, input, now()),

    'followup:tasks': ({ councilId }) => tasksBoard(db, councilId, now()),
    'followup:addTask': (input) => addTask(db, input, now()),
    'followup:updateTask': (input) => updateTask(db, input, now()),
    'followup:deleteTask': ({ taskId }) => deleteTask(db, taskId),
    'followup:setTaskStatus': (input) => setTaskStatus(db, input, now()),
    'followup:addTaskNote': (input) => addTaskNote(db, input, now()),
    'followup:reportTask': (input) => reportTask(db, input, now()),

    'followup:addRatingCounts': (input) => addRatingCounts(db, input, now()),
    'followup:addRating': (input) => addRating(db, input, now()),

    'followup:resultsNotice': ({ councilId, meetingId }) => resultsNotice(db, councilId, meetingId, now()),
    'followup:exportResultsNotice': ({ councilId, meetingId }) => resultsDocx(resultsNotice(db, councilId, meetingId, now())),
    'followup:postResultsNotice': (input) => postResultsNotice(db, input, now()),

    'followup:dashboard': ({ councilId }) => councilDashboard(db, councilId, now()),
  };
}
