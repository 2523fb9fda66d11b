/**
 * The desktop app's start-up, in plain Node, for the browser tests and the peer-latency bench:
 * `electron` resolves to the test double (tests/unit/electron-double/electron.ts), then
 * src-main/index.ts runs exactly as the packaged app runs it. Once its window has been told what
 * to load, one line goes to stdout:
 *
 *   desktop-window {"url":"http://127.0.0.1:PORT/","cookie":{"name":"courtyard_session","value":"…"}}
 *
 * the address the BrowserWindow double was given and the chair's cookie main put into its session
 * for that origin. A Chromium that opens this address with this cookie is the desktop's window, as
 * far as the host can tell. SIGTERM (or SIGINT) quits the app as Electron would (app.quit()).
 *
 * The user-data folder comes from XDG_CONFIG_HOME/APPDATA (as in index.ts); the app folder (what
 * app.getAppPath() answers) is made here: out/renderer is the browser build (out/web), the
 * migrations are the source's. With --demo an empty database gets the demo courtyard first.
 *   node --import tsx tests/e2e/desktop/start-up.ts [--demo]
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { databaseFileName, defaultUserDataDir } from '../../../src-main/host/core/paths';
import { startHost } from '../../../src-main/host/core/start-host';
import { isDatabaseEmpty, seedDemo } from '../../../src-main/host/demo/seed';
import type * as ElectronDouble from '../../unit/electron-double/electron';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const doubleUrl = pathToFileURL(join(root, 'tests/unit/electron-double/electron.ts')).href;

// Every `import … from 'electron'` (index.ts and the shell's modules) gets the double.
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      return specifier === 'electron' ? { url: ${JSON.stringify(doubleUrl)}, shortCircuit: true } : next(specifier, context);
    }`,
  )}`,
);

/** What app.getAppPath() is in the packaged app: the built pages and the migrations, as electron-builder's files lay them out. */
function appFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'courtyard-desktop-app-'));
  mkdirSync(join(folder, 'out'));
  symlinkSync(join(root, 'out/web'), join(folder, 'out/renderer'), 'dir');
  mkdirSync(join(folder, 'src-main/host/db'), { recursive: true });
  symlinkSync(join(root, 'src-main/host/db/migrations'), join(folder, 'src-main/host/db/migrations'), 'dir');
  return folder;
}

/** The demo courtyard in the database the desktop app is about to open (as `serve --demo-plain` seeds it). */
async function seed(databasePath: string, webRoot: string): Promise<void> {
  mkdirSync(dirname(databasePath), { recursive: true });
  const seeding = await startHost({
    databasePath,
    host: 'desktop',
    webRoot,
    port: 0,
    beforeServing: (host) => {
      if (host.host && isDatabaseEmpty(host.host.database)) seedDemo(host.host.database, new Date());
    },
  });
  await seeding.close();
}

async function main(): Promise<void> {
  const { app, state } = (await import(doubleUrl)) as typeof ElectronDouble;
  app.appPath = appFolder();
  if (process.argv.includes('--demo')) await seed(join(defaultUserDataDir(), databaseFileName), join(app.appPath, 'out/renderer'));

  await import('../../../src-main/index');
  const quit = () => {
    app.quit();
    rmSync(app.appPath, { recursive: true, force: true });
    process.exit(app.exitCode ?? 0);
  };
  process.once('SIGTERM', quit);
  process.once('SIGINT', quit);
  app.becomeReady();

  // The start-up ends with the console window told to load the host's page.
  const started = Date.now();
  while (!state.createdWindows[0]?.loads[0] && app.exitCode === null) {
    if (Date.now() - started > 30_000) throw new Error('the desktop start-up opened no window');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (app.exitCode !== null) throw new Error(`the desktop start-up ended with ${app.exitCode}`);
  const load = state.createdWindows[0]!.loads[0]!;
  const cookie = load.cookies.find((set) => new URL(set.url).origin === new URL(load.url).origin);
  if (!cookie?.name || !cookie.value) throw new Error('main set no chair cookie for the window’s origin');
  console.log(`desktop-window ${JSON.stringify({ url: load.url, cookie: { name: cookie.name, value: cookie.value } })}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
