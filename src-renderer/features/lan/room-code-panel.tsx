import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { QrCode } from '../../components/qr-code';
import './lan.css';

/**
 * The room's join code on the console: one code for everyone in the courtyard to follow the
 * meeting on their phone (only to watch), shown on the projector as a QR code so latecomers scan
 * it too, valid until the meeting ends or the chair ends it. Personal codes (for the minutes'
 * editors, the door) stay on the access page.
 */
export function RoomCodePanel({ meetingId, onProjector, onShow }: { meetingId: number; onProjector: boolean; onShow: (shown: boolean) => void }) {
  const { t } = useTranslation();
  const room = useQuery('access:roomCode', { meetingId }, { live: true });
  const action = useAction(['access:roomCode']);
  const [ending, setEnding] = useState(false);

  const open = async () => {
    const result = await action.run(call('access:openRoom', { meetingId }));
    if (result.ok) onShow(true);
  };
  const end = async () => {
    const result = await action.run(call('access:endRoom', { meetingId }));
    if (result.ok) {
      setEnding(false);
      if (onProjector) onShow(false);
    }
  };

  const code = room.data;
  return (
    <section className="room-code" aria-labelledby="room-code-title">
      <h2 id="room-code-title">{t('access.room.title')}</h2>
      {!code && (
        <>
          <p className="muted">{t('access.room.explain')}</p>
          <button type="button" onClick={() => void open()} disabled={action.busy}>
            {t('access.room.open')}
          </button>
        </>
      )}
      {code && (
        <div className="room-code-open">
          <QrCode text={code.joinUrl} label={t('access.room.qrLabel')} size={120} />
          <div>
            <p>
              {t('access.room.code')}
              {t('common.colon')}
              <strong data-testid="room-code">{code.code}</strong>
            </p>
            <p role="status" aria-label={t('access.room.joinedLabel')}>
              {t('access.room.joined', { count: code.joined })}
            </p>
            <div className="toolbar">
              <button type="button" aria-pressed={onProjector} onClick={() => onShow(!onProjector)}>
                {onProjector ? t('access.room.hide') : t('access.room.show')}
              </button>
              <button type="button" className="button-quiet" onClick={() => setEnding(true)}>
                {t('access.room.end')}
              </button>
            </div>
          </div>
        </div>
      )}
      {action.error && !ending && <ErrorNote message={action.error} />}
      {ending && (
        <ConfirmDialog
          title={t('access.room.end')}
          message={t('access.room.endMessage', { count: code?.joined ?? 0 })}
          confirmLabel={t('access.room.end')}
          onConfirm={() => void end()}
          onCancel={() => setEnding(false)}
          error={action.error}
        />
      )}
    </section>
  );
}

/** The projector's join screen: the room code big enough to scan from the back rows. */
export function RoomCodeScreen({ meetingId, title }: { meetingId: number; title: string }) {
  const { t } = useTranslation();
  const room = useQuery('access:roomCode', { meetingId }, { live: true });
  const code = room.data;
  return (
    <div className="projector projector-join" aria-label={t('access.room.screenTitle')}>
      <h1>{title}</h1>
      {code ? (
        <>
          <p className="projector-join-lead">{t('access.room.screenLead')}</p>
          <QrCode text={code.joinUrl} label={t('access.room.qrLabel')} size={520} />
          <p className="projector-join-code">
            {t('access.room.code')}
            {t('common.colon')}
            {code.code}
          </p>
          <p>{t('access.room.joined', { count: code.joined })}</p>
        </>
      ) : (
        <p className="projector-join-lead">{room.data === null ? t('access.room.ended') : ''}</p>
      )}
    </div>
  );
}
