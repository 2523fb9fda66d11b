import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyGrant } from '../../../shared/api/areas/attendance';
import type { AttendanceChange } from '../../../shared/api/areas/attendance';
import type { ApiResult } from '../../../shared/api/errors';
import { call } from '../../api/client';
import { PersonPicker, type PickedPerson } from '../../components/person-picker';

/**
 * Proxies (委托) at the door: who authorises whom, and whether the written authorisation
 * (书面委托书) is in hand. A refused proxy keeps its grantor chosen, so the volunteer can take the
 * letter, tick the box and pick the holder again.
 */
export function ProxyPanel({
  councilId,
  meetingId,
  proxies,
  writtenRequired,
  apply,
}: {
  councilId: number;
  meetingId: number;
  proxies: ProxyGrant[];
  writtenRequired: boolean;
  apply: (work: Promise<ApiResult<AttendanceChange>>, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [grantor, setGrantor] = useState<PickedPerson | null>(null);
  const [written, setWritten] = useState(false);
  const choose = (person: PickedPerson | null) => {
    setGrantor(person);
    setWritten(false);
  };

  return (
    <>
      <h2>{t('checkIn.proxies')}</h2>
      {grantor ? (
        <div className="proxy-form">
          <p>{t('checkIn.proxyFrom', { name: grantor.name, household: grantor.householdCode ?? '' })}</p>
          {writtenRequired && <p className="muted">{t('checkIn.writtenRequired')}</p>}
          <label className="check">
            <input type="checkbox" checked={written} onChange={(event) => setWritten(event.target.checked)} />
            {t('checkIn.written')}
          </label>
          <PersonPicker
            councilId={councilId}
            label={t('checkIn.proxyHolder')}
            onPick={(holder) => {
              void apply(
                call('proxy:grant', { meetingId, grantorId: grantor.id, holderId: holder.id, writtenReceived: written }),
                t('checkIn.proxyGranted', { from: grantor.name, to: holder.name }),
              ).then((granted) => {
                if (granted) choose(null);
              });
            }}
          />
          <button type="button" onClick={() => choose(null)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <PersonPicker councilId={councilId} label={t('checkIn.proxyGrantor')} onPick={choose} />
      )}
      <ul className="proxy-list">
        {proxies.map((proxy) => (
          <li key={proxy.id}>
            {t('checkIn.proxyLine', { from: proxy.grantorName, household: proxy.grantorHouseholdCode ?? '', to: proxy.holderName })}{' '}
            <span className={proxy.writtenReceived ? 'tag' : 'tag tag-missing'}>{proxy.writtenReceived ? t('checkIn.writtenReceived') : t('checkIn.writtenMissing')}</span>
            {!proxy.writtenReceived && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => void apply(call('proxy:receiveWritten', { proxyId: proxy.id }), t('checkIn.writtenNoted', { from: proxy.grantorName }))}
              >
                {t('checkIn.receiveWritten')}
              </button>
            )}
            <button type="button" className="button-quiet" onClick={() => void apply(call('proxy:revoke', { proxyId: proxy.id }), '')}>
              {t('checkIn.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
