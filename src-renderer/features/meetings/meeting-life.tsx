import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/api/areas/meetings';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';

/**
 * The meeting's status and the one button that moves it on: 开始会议 while it is being prepared,
 * 结束会议 (asked first: it cannot be undone) while it is on. The minutes can be signed once it has ended.
 */
export function MeetingLife({ meeting, onChanged }: { meeting: Meeting; onChanged?: () => void }) {
  const { t } = useTranslation();
  const action = useAction(['meeting:get', 'meeting:list']);
  const [ending, setEnding] = useState(false);
  const run = async (channel: 'meeting:start' | 'meeting:end') => {
    const result = await action.run(call(channel, { meetingId: meeting.id }));
    if (result.ok) {
      setEnding(false);
      onChanged?.();
    }
  };

  return (
    <span className="meeting-life">
      <span className={`tag meeting-status-${meeting.status}`} role="status" aria-label={t('meetings.statusLabel')}>
        {t(`status.${meeting.status}`)}
      </span>
      {meeting.status === 'planned' && (
        <button type="button" className="button-primary" disabled={action.busy} onClick={() => void run('meeting:start')}>
          {t('meetings.start')}
        </button>
      )}
      {meeting.status === 'in_progress' && (
        <button type="button" onClick={() => setEnding(true)}>
          {t('meetings.end')}
        </button>
      )}
      {action.error && !ending && <ErrorNote message={action.error} />}
      {ending && (
        <ConfirmDialog
          title={t('meetings.endTitle', { title: meeting.title })}
          message={t('meetings.endMessage')}
          confirmLabel={t('meetings.end')}
          error={action.error}
          onConfirm={() => void run('meeting:end')}
          onCancel={() => setEnding(false)}
        />
      )}
    </span>
  );
}
