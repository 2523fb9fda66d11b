import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council, CouncilSetup } from '../../../shared/api/areas/councils';
import { useQuery } from '../../api/query';
import './councils.css';

export type FirstRunStep = 'council' | 'members' | 'roster' | 'meeting' | 'notice';

const steps: readonly FirstRunStep[] = ['council', 'members', 'roster', 'meeting', 'notice'];

function isDone(step: FirstRunStep, setup: CouncilSetup): boolean {
  switch (step) {
    case 'council':
      return true;
    case 'members':
      return setup.chairs > 0 && setup.secretaries > 0;
    case 'roster':
      return setup.households > 0;
    case 'meeting':
      return setup.meetings > 0;
    case 'notice':
      return setup.noticesPosted > 0;
  }
}

/**
 * A new office's first evening, in order: the council, its members (the chair and the secretary
 * first), the roster, the first meeting, its notice. Shown on the roster and meetings pages until
 * every step is done, each step with the button that does it where the page has one and a link
 * to the page that has it otherwise. The counts come from the host (council:setup), never the rows.
 */
export function FirstRunPath({ council, actions = {} }: { council: Council; actions?: Partial<Record<FirstRunStep, ReactNode>> }) {
  const { t } = useTranslation();
  const setup = useQuery('council:setup', { councilId: council.id }, { live: true });
  const meetings = useQuery('meeting:list', { councilId: council.id });
  if (!setup.data) return null;
  const data = setup.data;
  const next = steps.find((step) => !isDone(step, data));
  if (!next) return null;
  const firstMeeting = meetings.data?.[0];
  const links: Record<FirstRunStep, string | null> = {
    council: null,
    members: '#/roster',
    roster: '#/roster',
    meeting: '#/meetings',
    notice: firstMeeting ? `#/meetings/${firstMeeting.id}/notice` : null,
  };

  return (
    <section className="panel first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.heading')}</h2>
      <ol className="first-run-steps">
        {steps.map((step) => {
          const done = isDone(step, data);
          const current = step === next;
          const link = links[step];
          return (
            <li key={step} className={done ? 'done' : current ? 'current' : undefined} aria-current={current ? 'step' : undefined}>
              <span className="first-run-mark" aria-hidden="true">
                {done ? '✓' : steps.indexOf(step) + 1}
              </span>
              <div>
                <strong>{t(`firstRun.stepTitle.${step}`)}</strong>
                <span className="visually-hidden">{t('common.colon')}{done ? t('firstRun.doneLabel') : t('firstRun.todoLabel')}</span>
                <p className="muted">{done ? t(`firstRun.stepDone.${step}`, { ...data, name: council.name }) : t(`firstRun.stepText.${step}`)}</p>
                {current && (actions[step] ?? (link && <a className="button button-primary" href={link}>{t(`firstRun.stepGo.${step}`)}</a>))}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
