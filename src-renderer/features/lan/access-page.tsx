/**
 * The chair opens a meeting for joining over the LAN (route #/access): a role, a join code shown
 * once in large type with its QR code and URL, the people who joined with their role and when they
 * were last seen, and a way to remove one or close joining altogether.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ParticipantRole as ParticipantRoleName, participantRoles } from '../../../shared/api/kit';
import type { LanOpening, ParticipantInfo } from '../../../shared/api/areas/lan';
import type { Council } from '../../../shared/api/areas/councils';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ConfirmDialog, ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import './lan.css';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const validHours = [2, 4, 6, 12, 24] as const;

export function AccessPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const meetings = useQuery('meeting:list', { councilId: council.id });
  const openable = (meetings.data ?? []).filter((meeting) => meeting.status !== 'closed');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const chosen = openable.find((meeting) => meeting.id === meetingId) ?? openable[0];

  return (
    <section className="access-page">
      <div className="page-header">
        <h1>{t('access.title')}</h1>
      </div>
      <p className="access-intro">{t('access.intro')}</p>
      {meetings.error && <ErrorNote message={meetings.error.message} />}
      {meetings.data && openable.length === 0 && <p className="muted">{t('access.noMeetings')}</p>}
      {chosen && (
        <>
          <Field label={t('access.meeting')}>
            <select value={chosen.id} onChange={(event) => setMeetingId(Number(event.target.value))}>
              {openable.map((meeting) => (
                <option key={meeting.id} value={meeting.id}>
                  {meeting.title}{t('common.inParens', { text: meeting.date })}
                </option>
              ))}
            </select>
          </Field>
          <MeetingAccess key={chosen.id} meetingId={chosen.id} />
        </>
      )}
    </section>
  );
}

function MeetingAccess({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const overview = useQuery('access:participants', { meetingId }, { live: true });
  const [role, setRole] = useState<ParticipantRoleName>('viewer');
  const [hours, setHours] = useState<number>(6);
  const [opening, setOpening] = useState<LanOpening | null>(null);
  const action = useAction(['access:participants']);
  const [note, setNote] = useState<string>();
  const [closing, setClosing] = useState(false);
  const [removing, setRemoving] = useState<ParticipantInfo | null>(null);

  // Last seen and online change without any call: look again every 15 seconds.
  const { reload } = overview;
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);

  const open = async () => {
    setNote(undefined);
    // The card of a previous code goes first: two codes on screen at once would be misread.
    setOpening(null);
    const result = await action.run(call('access:openLan', { meetingId, role, validMinutes: hours * 60 }));
    if (result.ok) setOpening(result.value);
  };

  const close = async () => {
    const result = await action.run(call('access:closeLan', { meetingId }));
    if (!result.ok) return;
    setClosing(false);
    setOpening(null);
    setNote(t('access.closed', { codes: result.value.closedCodes, people: result.value.removedParticipants }));
  };

  const remove = async (participant: ParticipantInfo) => {
    const result = await action.run(call('access:remove', { participantId: participant.id }));
    if (!result.ok) return;
    setRemoving(null);
    setNote(t('access.removed', { name: participant.name }));
  };

  const data = overview.data;
  const participants = data?.participants ?? [];
  return (
    <>
      <div className="panel access-open">
        <fieldset className="access-roles">
          <legend>{t('access.role')}</legend>
          {participantRoles.map((name) => (
            <label key={name} className={name === role ? 'access-role access-role-chosen' : 'access-role'}>
              <input type="radio" name="access-role" value={name} checked={name === role} onChange={() => setRole(name)} />
              <span className="access-role-name">{t(`access.roles.${name}`)}</span>
              <span className="access-role-hint">{t(`access.roleHints.${name}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <Field label={t('access.validFor')}>
            <select value={hours} onChange={(event) => setHours(Number(event.target.value))}>
              {validHours.map((count) => (
                <option key={count} value={count}>
                  {t('access.hours', { count })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-actions">
          <button type="button" className="button-primary button-large" onClick={() => void open()} disabled={action.busy}>
            {action.busy ? t('access.opening') : t('access.open')}
          </button>
        </div>
      </div>

      {action.error && <ErrorNote message={action.error} />}
      {note && (
        <p className="saved-note" role="status">
          {note}
        </p>
      )}
      {opening && <JoinCard opening={opening} />}

      <div className="panel">
        <h2>{t('access.openCodes')}</h2>
        <p className={data?.lanOpen ? 'access-lan access-lan-open' : 'access-lan'}>{data?.lanOpen ? t('access.lanOpen') : t('access.lanClosed')}</p>
        {data && data.codes.length === 0 && <p className="muted">{t('access.noCodes')}</p>}
        {data && data.codes.length > 0 && (
          <>
            <ul className="access-codes">
              {data.codes.map((code) => (
                <li key={code.id}>{t('access.codeRow', { role: t(`access.roles.${code.role}`), time: when(code.expiresAt) })}</li>
              ))}
            </ul>
            <button type="button" className="button-danger" onClick={() => setClosing(true)}>
              {t('access.close')}
            </button>
          </>
        )}
      </div>

      <div className="panel">
        <h2>
          {t('access.participants')}{t('common.inParens', { text: participants.length })}
        </h2>
        {participants.length === 0 ? (
          <p className="muted">{t('access.noParticipants')}</p>
        ) : (
          <table className="table access-participants">
            <thead>
              <tr>
                <th>{t('access.name')}</th>
                <th>{t('access.role')}</th>
                <th>{t('access.address')}</th>
                <th>{t('access.lastSeen')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((participant) => (
                <tr key={participant.id}>
                  <td className="name-cell">{participant.name}</td>
                  <td>{t(`access.roles.${participant.role}`)}</td>
                  <td>{participant.address || '—'}</td>
                  <td>
                    <span className={participant.online ? 'access-dot access-dot-online' : 'access-dot'} aria-hidden="true" />
                    {participant.online ? t('access.online') : t('access.offline')} · {when(participant.lastSeenAt)}
                  </td>
                  <td>
                    <button type="button" className="button-quiet" onClick={() => setRemoving(participant)}>
                      {t('access.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {closing && (
        <ConfirmDialog
          title={t('access.close')}
          message={t('access.closeConfirm', { count: participants.length })}
          confirmLabel={t('access.close')}
          onConfirm={() => void close()}
          onCancel={() => setClosing(false)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('access.remove')}
          message={t('access.removeConfirm', { name: removing.name })}
          confirmLabel={t('access.remove')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}

/** The code large enough to read out across a room, the QR code for phones, and the address to type. */
function JoinCard({ opening }: { opening: LanOpening }) {
  const { t } = useTranslation();
  return (
    <div className="panel access-card" aria-label={t('access.codeTitle')}>
      <div className="access-card-text">
        <h2>
          {t('access.codeTitle')} · {t(`access.roles.${opening.role}`)}
        </h2>
        <p className="access-code" data-testid="join-code">
          {opening.code}
        </p>
        <p className="muted">{t('access.codeShownOnce')}</p>
        <p>{t('access.validUntil', { time: when(opening.expiresAt) })}</p>
        {opening.addresses.length === 0 && <p className="error-note">{t('access.noAddress')}</p>}
        <p>{t('access.orOpen')}</p>
        <ul className="access-urls">
          {opening.joinUrls.map((url) => (
            <li key={url}>
              {/* The room key of an editor's link stays out of sight: it is in the QR code. */}
              <code>{url.split('#')[0]}</code>
            </li>
          ))}
        </ul>
      </div>
      <figure className="access-qr">
        <img src={`data:image/png;base64,${opening.qrPngBase64}`} alt={t('access.scan')} />
        <figcaption>{t('access.scan')}</figcaption>
      </figure>
    </div>
  );
}
