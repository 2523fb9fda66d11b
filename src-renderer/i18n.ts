import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/join';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'courtyard.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

/** Each language's strings are a chunk of their own: a phone loads only the language it shows. */
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  'zh-CN': () => import('./locales/zh-CN'),
  en: () => import('./locales/en'),
};

async function load(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', (await loaders[language]()).default);
}

/**
 * Ready before the first render (main.tsx awaits it), so no screen ever shows a key or the other
 * language. Chinese is the fallback for a string missing in English, so English loads it too.
 */
export async function startI18n(): Promise<void> {
  const language = savedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([load(language), load('zh-CN')]);
  // Bundles added after init: tell the components bound to the language (none are mounted yet).
  await i18next.changeLanguage(language);
}

export async function setLanguage(language: Language): Promise<void> {
  await load(language);
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export default i18next;
