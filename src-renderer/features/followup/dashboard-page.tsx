import { useTranslation } from 'react-i18next';
import type { Rate } from '../../../shared/domain/followup/dashboard';
import type { Council } from '../../../shared/api/areas/councils';
import { percent } from '../../../shared/domain/followup/ratings';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import './followup.css';

function Figure({ label, value, detail, definition, tone }: { label: string; value: string; detail: string; definition: string; tone?: 'good' | 'low' }) {
  return (
    <div className={`panel figure ${tone ? `figure-${tone}` : ''}`} aria-label={label}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{value}</span>
      <span className="figure-detail">{detail}</span>
      <p className="figure-definition">{definition}</p>
    </div>
  );
}

/** The council's dashboard: where matters stand, and the rates councils report (about 95 % is good). */
export function DashboardPage({ council }: { council: Council }) {
  const { t } = useTranslation();
  const dashboard = useQuery('followup:dashboard', { councilId: council.id }, { live: true });
  if (dashboard.error) return <ErrorNote message={dashboard.error.message} />;
  if (!dashboard.data) return <p className="muted">{t('common.loading')}</p>;
  const data = dashboard.data;
  const tone = (rate: number | null) => (rate === null ? undefined : rate >= data.referenceRate ? 'good' : 'low');
  const rateDetail = (rate: Rate) =>
    rate.rate === null ? t('followup.dashboard.noData') : t('followup.dashboard.detail', { numerator: rate.numerator, denominator: rate.denominator });
  const reference = t('followup.dashboard.reference', { rate: percent(data.referenceRate) });
  const widest = Math.max(1, ...data.mattersByStep.map((step) => step.count));

  return (
    <section>
      <div className="page-header">
        <h1>{t('followup.dashboard.title')}</h1>
        <span className="muted">{t('followup.dashboard.asOf', { date: data.today })}</span>
      </div>
      <div className="dashboard-figures">
        <Figure
          label={t('followup.dashboard.response')}
          value={percent(data.responseRate.rate)}
          detail={`${rateDetail(data.responseRate)} · ${reference}`}
          definition={data.definitions.responseRate}
          tone={tone(data.responseRate.rate)}
        />
        <Figure
          label={t('followup.dashboard.completion')}
          value={percent(data.completionRate.rate)}
          detail={`${rateDetail(data.completionRate)} · ${reference}`}
          definition={data.definitions.completionRate}
          tone={tone(data.completionRate.rate)}
        />
        <Figure
          label={t('followup.dashboard.overdue')}
          value={String(data.tasks.overdue)}
          detail={t('followup.dashboard.tasks', { done: data.tasks.done, total: data.tasks.total, resolutions: data.resolutions })}
          definition={data.definitions.overdue}
          tone={data.tasks.overdue > 0 ? 'low' : data.tasks.total > 0 ? 'good' : undefined}
        />
        <Figure
          label={t('followup.dashboard.satisfaction')}
          value={percent(data.satisfaction.satisfactionRate)}
          detail={
            data.satisfaction.total === 0
              ? t('followup.dashboard.noData')
              : `${t('followup.dashboard.ratingCounts', { ...data.satisfaction })} · ${reference}`
          }
          definition={data.definitions.satisfaction}
          tone={tone(data.satisfaction.satisfactionRate)}
        />
      </div>
      <div className="panel">
        <h2>{t('followup.dashboard.byStep', { count: data.totalMatters })}</h2>
        <div className="step-bars" role="list" aria-label={t('followup.dashboard.byStep', { count: data.totalMatters })}>
          {data.mattersByStep.map((step) => (
            <div key={step.stepIndex} className="step-bar" role="listitem" aria-label={`${step.stepIndex + 1}. ${step.name}${t('common.colon')}${step.count}`}>
              <span>
                {step.stepIndex + 1}. {step.name}
              </span>
              <div className="step-bar-track" aria-hidden="true">
                <div className="step-bar-fill" style={{ width: `${(step.count / widest) * 100}%` }} />
              </div>
              <span className="step-bar-count">{step.count}</span>
            </div>
          ))}
        </div>
        <p className="figure-definition">{data.definitions.mattersByStep}</p>
      </div>
    </section>
  );
}
