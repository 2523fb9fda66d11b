import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether the console's single-letter keys (N, S, B, P, O) act. A choice of this computer, not of
 * the council: a chair whose screen reader or voice input types letters switches them off (WCAG 2.1.4).
 */
const storageKey = 'courtyard.letterShortcuts';
const listeners = new Set<() => void>();

function read(): boolean {
  return localStorage.getItem(storageKey) !== 'off';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLetterShortcuts(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read);
  const set = (value: boolean) => {
    localStorage.setItem(storageKey, value ? 'on' : 'off');
    listeners.forEach((listener) => listener());
  };
  return [on, set];
}

/** The switch, on the console beside the keys and in the settings. */
export function LetterShortcutsSwitch() {
  const { t } = useTranslation();
  const [on, set] = useLetterShortcuts();
  return (
    <label className="check">
      <input type="checkbox" checked={on} onChange={(event) => set(event.target.checked)} />
      {t('process.keys.letters')}
    </label>
  );
}
