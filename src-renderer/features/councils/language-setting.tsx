import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../i18n';

/**
 * The interface language, among the settings rather than in the menu bar, where a stray click in
 * the middle of a meeting would switch the chair's screen to English. Each choice is named in its
 * own language, so whoever switched by mistake can find the way back.
 */
export function LanguageSetting() {
  const { t, i18n } = useTranslation();
  // The choice shows at once; the screen follows when that language's strings have loaded (the
  // first switch to English fetches them).
  const [chosen, setChosen] = useState<Language | null>(null);
  const current = chosen ?? (i18n.language === 'en' ? 'en' : 'zh-CN');
  const choose = (language: Language) => {
    setChosen(language);
    void setLanguage(language);
  };
  return (
    <fieldset className="section-title language-setting">
      <legend>
        <h2>{t('council.language')}</h2>
      </legend>
      <label className="check">
        <input type="radio" name="language" checked={current === 'zh-CN'} onChange={() => choose('zh-CN')} lang="zh-CN" />
        <span lang="zh-CN">中文</span>
      </label>
      <label className="check">
        <input type="radio" name="language" checked={current === 'en'} onChange={() => choose('en')} lang="en" />
        <span lang="en">English</span>
      </label>
    </fieldset>
  );
}
