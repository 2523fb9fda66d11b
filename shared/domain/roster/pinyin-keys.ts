import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name, computed once when the person is saved.
 * `surname: 'head'` reads surnames such as 单 (shan) and 曾 (zeng) the way names are read.
 */
export interface PinyinKeys {
  initials: string;
  full: string;
}

export function pinyinKeys(name: string): PinyinKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return {
    initials: clean.map((s) => s.charAt(0)).join(''),
    full: clean.join(''),
  };
}

