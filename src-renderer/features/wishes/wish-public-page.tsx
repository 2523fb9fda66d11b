import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import { OpenWishes } from './open-wishes';
import './wishes.css';

const categories = ['环境卫生', '消防安全', '停车', '绿化', '设施维修', '邻里关系', '其他'];

/** The page residents reach by the QR code on the notice board: raise a matter, no login. */
export function WishPublicPage({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const intake = useQuery('wish:intake', { councilId });
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [building, setBuilding] = useState('');
  const [name, setName] = useState('');
  const action = useAction(['wish:intake']);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run(call('wish:submit', { councilId, text, category, building, name }));
    if (result.ok) setSent(true);
  };

  if (intake.error) return <main className="wish-page"><ErrorNote message={intake.error.message} /></main>;
  if (!intake.data) return <main className="wish-page" />;
  return (
    <main className="wish-page">
      <h1>{intake.data.councilName}</h1>
      <h2>{t('wish.title')}</h2>
      {!intake.data.open ? (
        <p className="error-note">{t('wish.closed')}</p>
      ) : sent ? (
        <p className="saved-note" role="status">
          {t('wish.thanks')}
        </p>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('wish.title')}>
          <Field label={t('wish.text')}>
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} maxLength={500} required />
          </Field>
          <Field label={t('wish.category')}>
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('wish.noCategory')}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('wish.building')}>
            <input value={building} onChange={(e) => setBuilding(e.target.value)} maxLength={20} />
          </Field>
          <Field label={t('wish.name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={20} />
          </Field>
          {action.error && <ErrorNote message={action.error} />}
          <button type="submit" className="button-primary button-large">
            {t('wish.submit')}
          </button>
        </form>
      )}
      {intake.data.open && <OpenWishes wishes={intake.data.openWishes} onSupported={intake.reload} />}
    </main>
  );
}
