import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'courtyard.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

type Messages = { [key: string]: string | Messages };

/**
 * Each area keeps its strings beside its pages (features/<area>/<area>.<language>.json; the shell's
 * and the common words in app/app.<language>.json). Each file owns whole top-level namespaces
 * (tests/unit/i18n-keys.test.ts checks that no namespace is in two files), so composing is joining.
 */
const files = import.meta.glob<Messages>(['./app/*.json', './features/*/*.json'], { eager: true, import: 'default' });

function messages(language: Language): Messages {
  const joined: Messages = {};
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith(`.${language}.json`)) Object.assign(joined, content);
  }
  return joined;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: messages('zh-CN') }, en: { translation: messages('en') } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

document.documentElement.lang = savedLanguage();
export default i18next;
