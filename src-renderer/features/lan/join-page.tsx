/**
 * The page a participant reaches by the QR code or the join URL (/join?code=…): the code is
 * filled in from the link, they add their name, and the host answers with a session (kept in
 * an HttpOnly cookie the page never sees) and the role the chair chose.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { call } from '../../api/client';
import { ErrorNote } from '../../components/dialog';
import { Field } from '../../components/field';
import './lan.css';

const nameKey = 'courtyard.join.name';

/** This computer's own names: someone here without a session is most likely the chair, not yet logged in. */
const onThisComputer = ['127.0.0.1', 'localhost', '[::1]'].includes(window.location.hostname);

/** The code as the chair reads it out (ABCD-EF23), whatever form the link carried it in. */
const shown = (code: string) => (/^[A-Za-z0-9]{8}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}`.toUpperCase() : code);

export function JoinPage({ initialCode, onJoined }: { initialCode: string; onJoined: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => shown(initialCode));
  const [name, setName] = useState(() => localStorage.getItem(nameKey) ?? '');
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run(call('access:join', { code, name }));
    if (!result.ok) return;
    localStorage.setItem(nameKey, name.trim());
    onJoined();
  };

  return (
    <main className="join-page">
      <h1>{t('join.title')}</h1>
      <p>{t('join.intro')}</p>
      {onThisComputer && <p className="muted">{t('join.chairHint')}</p>}
      <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('join.title')}>
        <Field label={t('join.code')} hint={t('join.codeHint')}>
          <input
            className="join-code-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            required
          />
        </Field>
        <Field label={t('join.name')} hint={t('join.nameHint')}>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={20} autoComplete="name" required autoFocus={initialCode !== ''} />
        </Field>
        {action.error && <ErrorNote message={action.error} />}
        <button type="submit" className="button-primary" disabled={action.busy}>
          {action.busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </main>
  );
}
