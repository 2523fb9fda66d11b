import type { Page } from '@playwright/test';

/** A copy of the minutes editor without the other people's name labels at their cursors. */
const withoutCarets = `const copy = document.querySelector('.ProseMirror').cloneNode(true); copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());`;

/** The text of the minutes as a page shows it, without the others' cursor labels. */
export const minutesText = (page: Page) => page.evaluate(`(() => { ${withoutCarets} return copy.innerText; })()`) as Promise<string>;

/** The text of each paragraph of the minutes, without the others' cursor labels. */
export const minutesParagraphs = (page: Page) =>
  page.evaluate(`(() => { ${withoutCarets} return [...copy.querySelectorAll('p')].map((p) => p.textContent); })()`) as Promise<string[]>;
