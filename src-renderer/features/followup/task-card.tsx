import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../shared/api/areas/followup';
import type { MeetingSummary } from '../../../shared/api/areas/meetings';
import type { Person } from '../../../shared/api/areas/roster';
import { chineseDate } from '../../../shared/domain/followup/dates';
import type { ApiResult } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { ReasonForm } from '../../components/reason-form';
import { TaskForm } from './task-form';


/** One task: who, by when, how it is going (red when overdue), its notes, and report-back. */
export function TaskCard({
  task,
  people,
  laterMeetings,
  run,
}: {
  task: TaskView;
  people: Person[];
  /** Meetings after the one that resolved the matter, where the task can be reported back. */
  laterMeetings: MeetingSummary[];
  run: (work: Promise<ApiResult<unknown>>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'idle' | 'note' | 'edit' | 'reopen' | 'delete'>('idle');
  const [note, setNote] = useState('');
  const [reportMeeting, setReportMeeting] = useState<number | ''>(laterMeetings[0]?.id ?? '');
  const className = `task ${task.overdue ? 'task-overdue' : task.status === 'done' ? 'task-done' : ''}`;

  return (
    <li className={className} aria-label={task.title}>
      <div className="task-head">
        <span className="task-title">{task.title}</span>
        <span className={`task-status task-status-${task.status}`}>{t(`followup.status.${task.status}`)}</span>
      </div>
      <div className="task-facts">
        <span>
          {t('followup.tasks.owner')}{t('common.colon')}{task.ownerName}
        </span>
        <span>
          {t('followup.tasks.deadline')}{t('common.colon')}{task.deadline ? chineseDate(task.deadline) : t('followup.tasks.noDeadline')}
        </span>
        {task.overdue && <span className="overdue-flag">{t('followup.tasks.overdueDays', { count: task.daysOverdue })}</span>}
        {!task.overdue && task.daysLeft === 0 && <span className="overdue-flag">{t('followup.tasks.dueToday')}</span>}
        {!task.overdue && task.daysLeft !== null && task.daysLeft > 0 && <span>{t('followup.tasks.daysLeft', { count: task.daysLeft })}</span>}
        {task.doneOn && <span>{t('followup.tasks.doneOn', { date: chineseDate(task.doneOn) })}</span>}
        {task.reportedMeetingTitle && (
          <span>{t('followup.tasks.reported', { date: task.reportedMeetingDate ? chineseDate(task.reportedMeetingDate) : '', title: task.reportedMeetingTitle })}</span>
        )}
      </div>
      {task.notes.length > 0 && (
        <ul className="task-notes" aria-label={t('followup.tasks.notes')}>
          {task.notes.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' })}</time>
              {entry.text}
              {entry.personName && <span className="muted">{t('common.inParens', { text: entry.personName })}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="task-actions">
        {task.status === 'open' && (
          <button type="button" onClick={() => void run(call('followup:setTaskStatus', { taskId: task.id, status: 'in_progress' }))}>
            {t('followup.tasks.start')}
          </button>
        )}
        {task.status !== 'done' && (
          <button type="button" className="button-primary" onClick={() => void run(call('followup:setTaskStatus', { taskId: task.id, status: 'done' }))}>
            {t('followup.tasks.finish')}
          </button>
        )}
        {task.status === 'done' && (
          <button type="button" onClick={() => setMode('reopen')}>
            {t('followup.tasks.reopen')}
          </button>
        )}
        <button type="button" onClick={() => setMode(mode === 'note' ? 'idle' : 'note')}>
          {t('followup.tasks.addNote')}
        </button>
        <button type="button" className="button-quiet" onClick={() => setMode('edit')}>
          {t('common.edit')}
        </button>
        {task.reportedMeetingId === null && (
          <button type="button" className="button-quiet" onClick={() => setMode('delete')}>
            {t('common.delete')}
          </button>
        )}
      </div>
      {mode === 'note' && (
        <form
          className="inline-form"
          aria-label={t('followup.tasks.addNote')}
          onSubmit={(event) => {
            event.preventDefault();
            void run(call('followup:addTaskNote', { taskId: task.id, text: note })).then((ok) => {
              if (ok) {
                setNote('');
                setMode('idle');
              }
            });
          }}
        >
          <input aria-label={t('followup.tasks.noteText')} value={note} onChange={(event) => setNote(event.target.value)} required maxLength={1000} autoFocus />
          <button type="submit" className="button-primary">
            {t('common.save')}
          </button>
        </form>
      )}
      <div className="inline-form">
        {task.reportedMeetingId === null ? (
          laterMeetings.length > 0 ? (
            <>
              <label className="inline-field">
                {t('followup.tasks.reportAt')}
                <select value={reportMeeting} onChange={(event) => setReportMeeting(Number(event.target.value))}>
                  {laterMeetings.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.date} {m.title}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={reportMeeting === ''}
                onClick={() => reportMeeting !== '' && void run(call('followup:reportTask', { taskId: task.id, meetingId: reportMeeting }))}
              >
                {t('followup.tasks.report')}
              </button>
            </>
          ) : (
            <span className="muted">{t('followup.tasks.noLaterMeeting')}</span>
          )
        ) : (
          <button type="button" className="button-quiet" onClick={() => void run(call('followup:reportTask', { taskId: task.id, meetingId: null }))}>
            {t('followup.tasks.unreport')}
          </button>
        )}
      </div>
      {mode === 'edit' && (
        <TaskForm
          people={people}
          task={task}
          onCancel={() => setMode('idle')}
          onSubmit={async (draft) => {
            const ok = await run(call('followup:updateTask', { taskId: task.id, ...draft }));
            if (ok) setMode('idle');
            return ok;
          }}
        />
      )}
      {mode === 'reopen' && (
        <ReasonForm
          action={t('followup.tasks.reopen')}
          reasonLabel={t('followup.tasks.reopenReason')}
          onCancel={() => setMode('idle')}
          onSubmit={(reason) =>
            void run(call('followup:setTaskStatus', { taskId: task.id, status: 'in_progress', note: reason })).then((ok) => ok && setMode('idle'))
          }
        />
      )}
      {mode === 'delete' && (
        <ConfirmDialog
          title={t('followup.tasks.delete')}
          message={t('followup.tasks.deleteMessage', { title: task.title })}
          confirmLabel={t('common.delete')}
          onCancel={() => setMode('idle')}
          onConfirm={() => void run(call('followup:deleteTask', { taskId: task.id })).then((ok) => ok && setMode('idle'))}
        />
      )}
    </li>
  );
}
