/**
 * 发放回收登记册: per voter, when and how the ballot went out and by whom, and when it came back,
 * signed on the pad or on paper. By building, with the households still to return theirs
 * (for door-to-door reminders, and the printable 催告), and the register sheets as Word.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueHow, PaperRound, RegisterLine } from '../../../shared/api/areas/paper';
import { issueHows } from '../../../shared/api/areas/paper';
import { formatCentiArea } from '../../../shared/domain/roster/floor-area';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { downloadFile } from '../../components/download';
import { Field } from '../../components/field';
import { SignatureDialog } from '../../components/signature-dialog';
import type { ApiResult } from '../../../shared/api/errors';
import type { FilePayload } from '../../../shared/api/kit';
import { dayAndTime } from './when';

type Show = 'all' | 'notIssued' | 'notReturned' | 'returned';
const shows: readonly Show[] = ['all', 'notIssued', 'notReturned', 'returned'];

export function RegisterPanel({ round }: { round: PaperRound }) {
  const { t } = useTranslation();
  const register = useQuery('paper:register', { roundId: round.id }, { live: true });
  const [building, setBuilding] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [search, setSearch] = useState('');
  const [how, setHow] = useState<IssueHow>('door');
  const [by, setBy] = useState('');
  const [box, setBox] = useState('');
  const [signing, setSigning] = useState<RegisterLine | null>(null);
  const action = useAction(['paper:register', 'paper:participation']);
  const open = round.status === 'open';

  const lines = register.data ?? [];
  const buildings = useMemo(() => [...new Set(lines.map((line) => line.building ?? ''))].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })), [lines]);
  const shown = lines.filter(
    (line) =>
      (!building || (line.building ?? '') === building) &&
      (show === 'all' ||
        (show === 'notIssued' && !line.issuedAt) ||
        (show === 'notReturned' && !line.returnedAt) ||
        (show === 'returned' && line.returnedAt)) &&
      (!search.trim() || line.label.includes(search.trim()) || line.units.some((unit) => unit.includes(search.trim()))),
  );
  const buildingInput = building || null;

  const needBy = () => {
    if (by.trim()) return true;
    action.setError(t('paper.register.needBy'));
    return false;
  };
  const issue = (line: RegisterLine) => {
    if (needBy()) void action.run(call('paper:issue', { roundId: round.id, voterKey: line.voterKey, how, by: by.trim() }));
  };
  const returned = (line: RegisterLine, signaturePngBase64: string | null) =>
    void action.run(
      call('paper:return', { roundId: round.id, voterKey: line.voterKey, signaturePngBase64, onPaper: signaturePngBase64 === null, ...(box.trim() ? { box: box.trim() } : {}) }),
    );
  const download = (work: Promise<ApiResult<FilePayload>>) =>
    void action.run(work).then((result) => {
      if (result.ok) void downloadFile(result.value);
    });

  return (
    <section className="paper-section" aria-label={t('paper.register.title')}>
      <div className="paper-register-fields">
        <Field label={t('paper.register.building')}>
          <select value={building} onChange={(e) => setBuilding(e.target.value)}>
            <option value="">{t('paper.register.allBuildings')}</option>
            {buildings.map((name) => (
              <option key={name} value={name}>
                {name || t('paper.register.noBuilding')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('paper.register.show')}>
          <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
            {shows.map((value) => (
              <option key={value} value={value}>
                {t(`paper.register.shows.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('paper.register.search')}>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </Field>
        {open && (
          <>
            <Field label={t('paper.register.issuedBy')}>
              <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={40} />
            </Field>
            <Field label={t('paper.register.how')}>
              <select value={how} onChange={(e) => setHow(e.target.value as IssueHow)}>
                {issueHows.map((value) => (
                  <option key={value} value={value}>
                    {t(`paper.issueHow.${value}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('paper.register.box')}>
              <input value={box} onChange={(e) => setBox(e.target.value)} maxLength={40} placeholder={t('paper.register.boxHint')} />
            </Field>
          </>
        )}
      </div>
      <div className="toolbar">
        {open && (
          <button
            type="button"
            onClick={() => {
              if (needBy()) {
                void action.run(call('paper:issueAll', { roundId: round.id, how, by: by.trim(), building: buildingInput })).then((result) => {
                  if (result.ok) action.setError(undefined);
                });
              }
            }}
          >
            {building ? t('paper.register.issueAllBuilding', { building }) : t('paper.register.issueAll')}
          </button>
        )}
        <button type="button" onClick={() => download(call('paper:registerDocx', { roundId: round.id, building: buildingInput }))}>
          {t('paper.register.sheetsDocx')}
        </button>
        <button type="button" onClick={() => download(call('paper:reminderDocx', { roundId: round.id, building: buildingInput }))}>
          {t('paper.register.reminderDocx')}
        </button>
        <p className="muted paper-register-shown" role="status">
          {t('paper.register.shown', { shown: shown.length, total: lines.length, notReturned: shown.filter((line) => !line.returnedAt).length })}
        </p>
      </div>
      {action.error && <ErrorNote message={action.error} />}
      {register.error && <ErrorNote message={register.error.message} />}
      <table className="paper-register">
        <thead>
          <tr>
            <th>{t('paper.register.voter')}</th>
            <th>{t('paper.register.area')}</th>
            <th>{t('paper.register.issued')}</th>
            <th>{t('paper.register.returned')}</th>
            {open && <th>{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((line) => (
            <tr key={line.voterKey}>
              <td>{line.label}</td>
              <td>{formatCentiArea(line.areaCenti)}</td>
              <td>
                {line.issuedAt
                  ? t('paper.register.issuedLine', { when: dayAndTime(line.issuedAt), how: line.issuedHow ? t(`paper.issueHow.${line.issuedHow}`) : '', by: line.issuedBy ?? '' })
                  : t('paper.register.notIssued')}
              </td>
              <td>
                {line.returnedAt
                  ? (line.hasSignature
                      ? t('paper.register.returnedSigned', { when: dayAndTime(line.returnedAt) })
                      : t('paper.register.returnedOnPaper', { when: dayAndTime(line.returnedAt) })) +
                    (line.returnedBox ? t('common.inParens', { text: line.returnedBox }) : '')
                  : t('paper.register.notReturned')}
              </td>
              {open && (
                <td className="actions">
                  {!line.issuedAt && (
                    <button type="button" onClick={() => issue(line)}>
                      {t('paper.register.issue')}
                    </button>
                  )}
                  {!line.returnedAt && (
                    <>
                      <button type="button" onClick={() => setSigning(line)}>
                        {t('paper.register.returnSign')}
                      </button>
                      <button type="button" onClick={() => returned(line, null)}>
                        {t('paper.register.returnOnPaper')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {signing && (
        <SignatureDialog
          name={signing.label}
          title={t('paper.register.signTitle', { name: signing.label })}
          help={t('paper.register.signHelp')}
          confirmLabel={t('paper.register.signConfirm')}
          onCancel={() => setSigning(null)}
          onDone={(png) => {
            const line = signing;
            setSigning(null);
            returned(line, png);
          }}
        />
      )}
    </section>
  );
}
