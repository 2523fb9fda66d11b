import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chairInEveryContext, startHost, tempDatabasePath, type HostProcess } from './host-process';

// The pages are only looked at: one demo host serves the whole file.
chairInEveryContext();
let host: HostProcess;
test.beforeAll(async () => {
  host = await startHost(tempDatabasePath(), { demo: true });
});
test.afterAll(async () => {
  await host.stop();
});

/** Every page of app/routes.tsx on the demo (meeting 3 is the coming one), with its browser title. */
const pages: Array<{ path: string; route: string; title: RegExp }> = [
  { route: '/projector/:meetingId', path: '/projector/3', title: /^投影 · 院落议事会（12 月） · 院落议事$/ },
  { route: '/paper/:meetingId/tally', path: '/paper/3/tally', title: /^唱票投屏 · 院落议事$/ },
  { route: '/paper/:meetingId/count', path: '/paper/3/count', title: /^扫码计票 · 院落议事$/ },
  { route: '/meetings/:meetingId/paper/register', path: '/meetings/3/paper/register', title: /^发放回收登记册 · 院落议事会（12 月） · 院落议事$/ },
  { route: '/meetings/:meetingId/paper', path: '/meetings/3/paper', title: /^书面表决 · 院落议事会（12 月） · 院落议事$/ },
  { route: '/meetings/:meetingId/sign-in-sheet', path: '/meetings/3/sign-in-sheet', title: /^签到表 · 门口签到 · 院落议事$/ },
  { route: '/meetings/:meetingId/sign-in-roster', path: '/meetings/3/sign-in-roster', title: /^到会名册 · 门口签到 · 院落议事$/ },
  { route: '/meetings/:meetingId/check-in', path: '/meetings/3/check-in', title: /^门口签到 · 院落议事会（12 月） · 院落议事$/ },
  { route: '/meetings/:meetingId/vote', path: '/meetings/3/vote', title: / · 院落议事$/ },
  { route: '/meetings/:meetingId/console', path: '/meetings/3/console', title: /^主持会议 · 院落议事会（12 月） · 院落议事$/ },
  { route: '/meetings/:meetingId/minutes', path: '/meetings/3/minutes', title: / · 院落议事$/ },
  { route: '/meetings/:meetingId/sign', path: '/meetings/3/sign', title: / · 院落议事$/ },
  { route: '/meetings/:meetingId/notice', path: '/meetings/3/notice', title: / · 院落议事$/ },
  { route: '/meetings/:meetingId', path: '/meetings/3', title: / · 院落议事$/ },
  { route: '/meetings', path: '/meetings', title: /^会议 · .+ · 院落议事$/ },
  { route: '/roster', path: '/roster', title: /^名册 · .+ · 院落议事$/ },
  { route: '/wishes', path: '/wishes', title: / · 院落议事$/ },
  { route: '/tasks', path: '/tasks', title: / · 院落议事$/ },
  { route: '/results-notice', path: '/results-notice', title: / · 院落议事$/ },
  { route: '/dashboard', path: '/dashboard', title: / · 院落议事$/ },
  { route: '/compacts/:compactId', path: '/compacts/1', title: / · 院落议事$/ },
  { route: '/compacts', path: '/compacts', title: / · 院落议事$/ },
  { route: '/settings', path: '/settings', title: / · 院落议事$/ },
  { route: '/verify', path: '/verify', title: / · 院落议事$/ },
  { route: '/access', path: '/access', title: / · 院落议事$/ },
];

test('the list below is every route of the app', () => {
  const source = readFileSync('src-renderer/app/routes.tsx', 'utf8');
  const routes = [...source.matchAll(/(?:page|bare)\('([^']+)'/g)].map((match) => match[1]);
  expect(pages.map((page) => page.route).sort()).toEqual(routes.sort());
});

/**
 * Buttons whose label breaks between two letters or two Chinese characters (not at a space or
 * punctuation). Page scripts as text: this file is type-checked for Node, without the DOM.
 */
const buttonsBrokenMidWord = `(() => {
  const word = /[\\p{Script=Han}A-Za-z0-9]/u;
  const broken = [];
  const range = document.createRange();
  for (const button of document.querySelectorAll('button, a.button')) {
    if (!button.offsetParent) continue;
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    let previous = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const char = node.data[i];
        if (previous && rect.top > previous.top + 2 && word.test(previous.char) && word.test(char)) broken.push(button.textContent);
        previous = { top: rect.top, char };
      }
    }
  }
  return broken;
})()`;

/** Visible text set smaller than 18 px (the pages' floor for elderly readers), with the size found. */
const textUnder18px = `(() => {
  const small = [];
  for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
    if (!ownText || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    const size = parseFloat(style.fontSize);
    if (size < 17.5) small.push(element.tagName.toLowerCase() + '.' + element.className + ': ' + size + 'px “' + element.textContent.trim().slice(0, 20) + '”');
  }
  return small;
})()`;

for (const { path, title } of pages) {
  test(`${path}: axe finds no WCAG 2.1 A/AA violation, the page has its own title and a skip link first, no button breaks mid-word and no text is under 18 px at 1366×768`, async ({ page }) => {
    await page.goto(`${host.url}#${path}`);
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page).toHaveTitle(title);
    if (!path.startsWith('/projector') && !path.endsWith('/tally')) {
      // First of all that takes the keyboard (a page may put it in its search box from the start).
      await expect(page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').first()).toHaveText('跳到主要内容');
    }
    // At the console laptop's size: no button label breaks inside a word, no text under 18 px.
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.evaluate(buttonsBrokenMidWord)).toEqual([]);
    expect(await page.evaluate(textUnder18px)).toEqual([]);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.passes.length).toBeGreaterThan(5);
    const found = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
    expect(found).toEqual([]);
  });
}
