/**
 * The host as the desktop app starts it (tests/e2e/desktop/start-up.ts runs src-main/index.ts with
 * the electron double), and the browsers around it: the chair's window (a Chromium context holding
 * the cookie main put into the window's session, opening the address the window was told to load)
 * and members who join with a code, as on the LAN.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export interface DesktopHost {
  /** What the console window was told to load: http://127.0.0.1:PORT/ */
  url: string;
  origin: string;
  /** The chair's session main set for that origin (name=value), for calls made outside a page. */
  chairCookie: string;
  cookie: { name: string; value: string };
  output(): string;
  /** Quits the app (app.quit()), waits for the process to end and removes its user-data folder. */
  stop(): Promise<void>;
}

const announced = /^desktop-window (\{.*\})$/m;

/** Runs the desktop start-up in its own Node process, on a user-data folder of its own. */
export async function startDesktopHost(options: { demo?: boolean } = {}): Promise<DesktopHost> {
  const userData = mkdtempSync(join(tmpdir(), 'courtyard-desktop-'));
  const args = ['--import', 'tsx', 'tests/e2e/desktop/start-up.ts', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, XDG_CONFIG_HOME: userData, APPDATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const window = await new Promise<{ url: string; cookie: { name: string; value: string } }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the desktop start-up did not open its window:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = announced.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(JSON.parse(match[1]!) as { url: string; cookie: { name: string; value: string } });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the desktop start-up exited with ${code}:\n${output}`));
    });
  });
  return {
    url: window.url,
    origin: new URL(window.url).origin,
    cookie: window.cookie,
    chairCookie: `${window.cookie.name}=${window.cookie.value}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/**
 * The chair's desktop window, in Chromium: a context of its own holding only the cookie main set
 * (HttpOnly, SameSite=Strict, for the window's origin), on the page the window was told to load.
 */
export async function chairWindow(browser: Browser, desktop: DesktopHost, route = ''): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
  await context.addCookies([{ ...desktop.cookie, url: desktop.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await page.goto(`${desktop.url}${route ? `#${route}` : ''}`);
  return page;
}

/** Opens `meetingId` for joining as minutes editors (the access page's call) and returns the code. */
export async function openForEditors(desktop: DesktopHost, meetingId: number): Promise<string> {
  const response = await fetch(`${desktop.origin}/api/call/access:openLan`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: desktop.chairCookie, Origin: desktop.origin },
    body: JSON.stringify({ input: { meetingId, role: 'editor' } }),
  });
  const result = (await response.json()) as { ok: boolean; value: { code: string } };
  if (!result.ok) throw new Error(`access:openLan failed: ${JSON.stringify(result)}`);
  return result.value.code;
}

/**
 * A member joins with the code through the join page, as from a phone on the LAN (a context of
 * its own, without the chair's cookie), and lands on the meeting's minutes under that name.
 */
export async function joinAsEditor(browser: Browser, origin: string, code: string, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/join?code=${code.replace('-', '')}`);
  await page.getByLabel('您的名字').fill(name);
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await page.locator('.ProseMirror').waitFor();
  return page;
}
