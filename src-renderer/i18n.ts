import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'courtyard.language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

type Messages = { [key: string]: string | Messages };

/** Each area keeps its strings in locales/areas/<area>.<language>.json; merged over the main files. */
const areaFiles = import.meta.glob<Messages>('./locales/areas/*.json', { eager: true, import: 'default' });

function merge(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return target;
}

function withAreas(base: Messages, language: Language): Messages {
  let merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(areaFiles)) {
    if (path.endsWith(`.${language}.json`)) merged = merge(merged, messages);
  }
  return merged;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: withAreas(zhCN, 'zh-CN') }, en: { translation: withAreas(en, 'en') } },
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
