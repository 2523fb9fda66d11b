// `npm start`: the desktop app when Electron can run here, otherwise the browser host.
// Whatever happens, the person at the keyboard reads a sentence, never a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopAvailable } from './start-decision.mjs';

const require = createRequire(import.meta.url);
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const unavailableNotice =
  '没有找到 Electron 桌面程序(首次运行需联网下载)或没有显示器,改为启动浏览器版。/ Electron is not available here, starting the browser host instead.';
const launchFailedNotice = '桌面版没有启动成功,改为启动浏览器版。/ The desktop app did not start, starting the browser host instead.';
const manualHint = '浏览器版没有启动成功,请在项目文件夹中手动运行 / Please run this in the project folder: npm run serve -- --demo';

/**
 * Electron that ends unsuccessfully this soon after launch is taken as "could not start"
 * (missing system libraries, a sandbox it cannot set up, a native module built for Node),
 * and the browser host is started instead. Later failures are passed on as they are.
 */
const startupWindowMs = 30_000;

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
let stopping = false;

// On POSIX each child gets its own process group, and a signal goes to the whole group:
// `npm run serve` runs `sh -c "... && tsx ..."`, and sh does not pass SIGTERM on, which
// would leave the server holding its port and the database after we are gone.
const ownGroup = process.platform !== 'win32';

/** @param {NodeJS.Signals} signal */
function signalChild(signal) {
  const child = current;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (ownGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    stopping = true;
    signalChild(signal);
  });
}

/**
 * @param {string} command
 * @param {string[]} commandArgs
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, failedToStart: boolean }>}
 */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: projectRoot, detached: ownGroup, ...options });
      current = child;
      child.once('error', () => {
        current = null;
        resolve({ code: null, signal: null, failedToStart: true });
      });
      child.once('exit', (code, signal) => {
        current = null;
        resolve({ code, signal, failedToStart: false });
      });
    } catch {
      resolve({ code: null, signal: null, failedToStart: true });
    }
  });
}

/** @param {{ code: number | null, signal: NodeJS.Signals | null }} result */
function exitCodeOf(result) {
  if (result.code !== null) return result.code;
  return result.signal ? 128 + (constants.signals[result.signal] ?? 1) : 1;
}

/**
 * Builds with electron-vite and runs the downloaded Electron executable directly
 * (not the `electron` npm wrapper, which would try to download a missing binary).
 *
 * @param {string} binary
 * @returns {Promise<number | null>} the exit code to end with, or null to fall back to the browser host
 */
async function runDesktop(binary) {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = await run(process.execPath, [electronVite, 'build', '--logLevel', 'warn']);
  if (stopping) return exitCodeOf(build);
  if (build.failedToStart || build.code !== 0) return null;

  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and open no window.
  delete env.ELECTRON_RUN_AS_NODE;
  const launchedAt = Date.now();
  const result = await run(binary, [projectRoot, ...args], { env });
  if (stopping || (!result.failedToStart && result.code === 0)) return exitCodeOf(result);
  if (!result.failedToStart && Date.now() - launchedAt > startupWindowMs) return exitCodeOf(result);
  return null;
}

/** `npm run serve -- <args>` through the npm that runs us, so it works the same on every platform. */
async function runBrowserHost() {
  const npmCli = process.env.npm_execpath;
  const serveArgs = ['run', 'serve', '--', ...args];
  const result =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? await run(process.execPath, [npmCli, ...serveArgs])
      : await run('npm', serveArgs, { shell: process.platform === 'win32' });
  if (result.failedToStart || (!stopping && result.code !== 0)) console.error(manualHint);
  return result.failedToStart ? 1 : exitCodeOf(result);
}

async function main() {
  const decision = desktopAvailable();
  if (decision.desktop) {
    const code = await runDesktop(decision.binary);
    if (code !== null) return code;
    if (stopping) return 1;
    console.log(launchFailedNotice);
  } else {
    console.log(unavailableNotice);
  }
  return runBrowserHost();
}

process.on('uncaughtException', () => {
  console.error(manualHint);
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  () => {
    console.error(manualHint);
    process.exit(1);
  },
);
