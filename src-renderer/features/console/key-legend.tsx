import { useTranslation } from 'react-i18next';
import { LetterShortcutsSwitch } from './letter-shortcuts';

/** Every key the chair can use during the meeting, shown on the console (handled in console-page.tsx). */
const keys = [
  { keys: ['N'], label: 'process.keys.nextSpeaker' },
  { keys: ['S'], label: 'process.keys.timer' },
  { keys: ['→'], label: 'process.keys.nextStep' },
  { keys: ['←'], label: 'process.keys.previousStep' },
  { keys: ['B'], label: 'process.keys.blank' },
  { keys: ['P'], label: 'process.keys.break' },
  { keys: ['PageDown', 'PageUp'], label: 'process.keys.matters' },
  { keys: ['O'], label: 'process.keys.projector' },
] as const;

export function KeyLegend() {
  const { t } = useTranslation();
  return (
    <section aria-label={t('process.keys.title')}>
      <h3>{t('process.keys.title')}</h3>
      <dl className="key-legend">
        {keys.map((entry) => (
          <div key={entry.label} style={{ display: 'contents' }}>
            <dt>
              {entry.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' / '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(entry.label)}</dd>
          </div>
        ))}
      </dl>
      <LetterShortcutsSwitch />
      <p className="field-hint">{t('process.keys.lettersHint')}</p>
    </section>
  );
}
