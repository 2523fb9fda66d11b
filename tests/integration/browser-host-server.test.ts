import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/core/server';
import { tempHost } from './temp-host';
import { logInTo } from './chair-login';

let server: BrowserHost | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const host = tempHost();
  const webRoot = join(host.dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>院落议事</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  server = await startBrowserHost({ host, webRoot, port: 0, bindAddress: '127.0.0.1' });
  chairCookie = await logInTo(server, host);
  return { host, url: server.url };
}

/** The chair's session: loopback alone is not the chair. */
let chairCookie = '';

const post = (url: string, channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}api/call/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: chairCookie, ...headers }, body });

describe('the browser host', () => {
  it('listens on loopback and carries the contract over HTTP', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const created = await (await post(url, 'council:create', JSON.stringify({ input: { name: '平安小区院落议事会' } }))).json();
    expect(created).toMatchObject({ ok: true, value: { name: '平安小区院落议事会' } });
    const listed = (await (await post(url, 'council:list', JSON.stringify({ input: {} }))).json()) as { value: unknown[] };
    expect(listed.value).toHaveLength(1);
  });

  it('answers bad requests with readable errors', async () => {
    const { url } = await start();
    expect(await (await post(url, 'council:list', '{not json')).json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await (await post(url, 'nope:nothing', '{}')).json()).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const wrongType = await fetch(`${url}api/call/council:list`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain', Cookie: chairCookie } });
    expect(wrongType.status).toBe(415);
    const get = await fetch(`${url}api/call/council:list`);
    expect(get.status).toBe(405);
  });

  it('refuses calls from pages of other sites', async () => {
    const { url, host } = await start();
    const response = await post(url, 'council:create', JSON.stringify({ input: { name: '恶意' } }), { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await host.ok('council:list', {})).toEqual([]);
  });

  it('serves the page with a strict CSP, falls back to it for app routes, and never outside its folder', async () => {
    const { url } = await start();
    const page = await fetch(url);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('院落议事');
    expect(await (await fetch(`${url}meetings/3`)).text()).toContain('院落议事');
    expect((await fetch(`${url}assets/app.js`)).headers.get('content-type')).toContain('javascript');
    const traversal = await fetch(`${url}..%2f..%2fcouncil.sqlite`);
    expect(await traversal.text()).not.toContain('SQLite format');
  });

  it('never serves a hidden file or folder (such as the build tool manifest in .vite)', async () => {
    const { url, host } = await start();
    const hidden = join(host.dir, 'web', '.vite');
    mkdirSync(hidden, { recursive: true });
    writeFileSync(join(hidden, 'manifest.json'), '{"secret":"build layout"}');
    writeFileSync(join(host.dir, 'web', 'assets', '.env'), 'KEY=1');
    for (const path of ['.vite/manifest.json', '%2evite/manifest.json', 'assets/.env', 'assets/%2Eenv']) {
      const response = await fetch(`${url}${path}`);
      const body = await response.text();
      expect(body, path).not.toContain('build layout');
      expect(body, path).not.toContain('KEY=1');
    }
  });
});

describe('change events', () => {
  it('tells listeners of each successful change, and of nothing else', async () => {
    const { url } = await start();
    const controller = new AbortController();
    const events = await fetch(`${url}api/events`, { signal: controller.signal, headers: { Cookie: chairCookie } });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const line of decoder.decode(value).split('\n')) if (line.startsWith('data: ')) received.push(line.slice(6));
        if (received.length >= 1) return;
      }
    })();
    await post(url, 'council:list', JSON.stringify({ input: {} }));
    await post(url, 'council:create', JSON.stringify({ input: { name: '' } }));
    await post(url, 'council:create', JSON.stringify({ input: { name: '平安小区' } }));
    await reading;
    controller.abort();
    expect(received.map((line) => JSON.parse(line) as unknown)).toEqual([{ channel: 'council:create', area: 'council' }]);
  });
});
