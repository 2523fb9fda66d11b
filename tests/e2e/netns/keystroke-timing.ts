/**
 * Keystroke-to-peer timing in the minutes editor, for the peer-latency bench and the browser tests:
 * the writer's page notes the time of each keydown of a character, every reader's page the time
 * each new copy of that character appears in its editor (a MutationObserver). Both read the same
 * system clock (performance.timeOrigin + performance.now()), so the difference is the delay.
 */
import type { Page } from '@playwright/test';

/** Starts noting, in a reader's page, when each new `char` appears in the editor. */
export async function noteArrivals(page: Page, char: string): Promise<void> {
  await page.evaluate(`(() => {
    const char = ${JSON.stringify(char)};
    window.__arrivals ??= {};
    const arrivals = (window.__arrivals[char] = []);
    const editor = document.querySelector('.ProseMirror');
    const count = () => editor.textContent.split(char).length - 1;
    const before = count();
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      for (let k = arrivals.length; k < count() - before; k += 1) arrivals.push(now);
    }).observe(editor, { childList: true, subtree: true, characterData: true });
  })()`);
}

/** Starts noting, in the writer's page, when each `char` key goes down. */
export async function noteKeydowns(page: Page, char: string): Promise<void> {
  await page.evaluate(`(() => {
    const char = ${JSON.stringify(char)};
    window.__sent ??= {};
    const sent = (window.__sent[char] = []);
    window.addEventListener('keydown', (event) => {
      if (event.key === char) sent.push(performance.timeOrigin + performance.now());
    }, true);
  })()`);
}

/**
 * Waits until every reader has seen `total` copies of `char`, then returns the delay of each
 * keystroke from `from` on at each reader, in ms (reader by reader).
 */
export async function keystrokeDelays(writer: Page, readers: Page[], char: string, total: number, from = 0, timeout = 60_000): Promise<number[]> {
  for (const reader of readers) await reader.waitForFunction(`(window.__arrivals?.[${JSON.stringify(char)}]?.length ?? 0) >= ${total}`, undefined, { timeout });
  const sent = (await writer.evaluate(`window.__sent[${JSON.stringify(char)}]`)) as number[];
  const delays: number[] = [];
  for (const reader of readers) {
    const arrivals = (await reader.evaluate(`window.__arrivals[${JSON.stringify(char)}]`)) as number[];
    for (let k = from; k < total; k += 1) delays.push(arrivals[k]! - sent[k]!);
  }
  return delays;
}

/**
 * The writer presses `char` `count` times at the end of the minutes, `pause` ms apart (a person
 * typing; keystrokes pressed at once would be read as one edit), with timing noted on every page.
 * `input` is where the writer types (the editor; the bench's bare page types in a textarea).
 */
export async function typeTimed(writer: Page, readers: Page[], char: string, count: number, pause: number, input = '.ProseMirror'): Promise<void> {
  for (const reader of readers) await noteArrivals(reader, char);
  await writer.locator(input).click();
  await writer.keyboard.press('Control+End');
  await noteKeydowns(writer, char);
  // Held for `pause` before it is let go: the next key goes down that much later.
  for (let k = 0; k < count; k += 1) await writer.keyboard.press(char, { delay: pause });
}
