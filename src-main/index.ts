/**
 * App lifecycle only: everything else lives in one module per concern, called in order.
 * The desktop app starts the same host as `npm run serve` (startHost) on loopback, and its
 * windows are that host's chair, as a browser on this computer would be after logging in.
 */
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { databaseFileName, defaultPort, defaultUserDataDir } from './host/core/paths';
import { describeBackup } from './host/areas/backup/open-or-recover';
import { DatabaseInUseError } from './host/db/lock';
import { RestoreRefused, startHost, type StartedHost } from './host/core/start-host';
import { setupMenu } from './menu';
import { setupSecurity } from './security';
import { createMainWindow, focusMainWindow, setupProjector, showHost } from './windows';
import { setupSaveFile } from './save-file';
import { setupOpenFile } from './open-file';
import { safeStorageProtector } from './key-protector';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Electron's default for an uncaught error is a dialog with a stack trace; the chair gets a sentence. */
function fail(error: unknown): void {
  console.error(`院落议事：意外错误 （${messageOf(error)}）`);
  dialog.showErrorBox('院落议事出错了', '程序遇到意外错误，需要关闭。已经保存的内容不受影响，请重新打开院落议事。');
  app.exit(1);
}
process.on('uncaughtException', fail);

// The same folder the browser host uses by default, so both open one database.
app.setPath('userData', defaultUserDataDir());

/** better-sqlite3 built for plain Node, not for this Electron: an install problem, not the user's data. */
function isNativeModuleMismatch(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(messageOf(error));
}

const componentMismatchText =
  '桌面版的数据库组件没有安装好，数据没有被改动。请先使用浏览器版（npm run serve），并请管理员重新安装桌面版。';

function cannotOpenText(databasePath: string): string {
  return `无法打开数据文件：\n${databasePath}\n\n请确认这个文件夹可以写入、磁盘没有满、没有别的程序正在使用这个文件，然后重新打开院落议事。`;
}

/** A damaged file: the newest sound backup is offered; the damaged file is kept aside, never overwritten. */
function askToRestore(damage: { message: string }, backup: Parameters<typeof describeBackup>[0]): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: '数据文件已损坏',
    message: damage.message,
    detail: `可以从${describeBackup(backup)}恢复。恢复后，损坏的文件会改名保留在原文件夹，不会被删除或覆盖；备份之后的改动需要重新录入。`,
    buttons: ['从这份备份恢复', '退出'],
    defaultId: 0,
    cancelId: 1,
  });
  return choice === 0;
}

/** Starts the host on this app's database, or says in a dialog why not and returns null. */
async function openHost(): Promise<StartedHost | null> {
  const databasePath = join(app.getPath('userData'), databaseFileName);
  try {
    return await startHost({
      databasePath,
      host: 'desktop',
      // The app's own folder (app.asar when packaged) holds the built pages and the migrations as
      // electron-builder's `files` put them, wherever this module was bundled or is run from.
      webRoot: join(app.getAppPath(), 'out/renderer'),
      // The usual port while it is free: the window's own storage (its language, the name it writes
      // the minutes under, the minutes' local copy) belongs to one origin, port included.
      port: defaultPort,
      portTaken: 'any',
      migrationsFolder: join(app.getAppPath(), 'src-main/host/db/migrations'),
      version: app.getVersion(),
      // The signing key is stored through the system's key store where it offers one.
      keyProtector: safeStorageProtector(),
      log: (message) => console.log(message),
      askToRestore,
    });
  } catch (error) {
    // One writer per file: `npm run serve` on the same database is refused here before anything is read.
    if (error instanceof DatabaseInUseError) {
      dialog.showErrorBox('院落议事没有打开', error.message);
    } else if (error instanceof RestoreRefused) {
      dialog.showErrorBox(
        '院落议事没有打开',
        error.backup
          ? `${error.damage.message}\n\n文件原样保留，没有改动。需要时请重新打开院落议事，选择从备份恢复。`
          : `${error.damage.message}\n\n没有找到完好的备份。文件原样保留，没有改动；请联系管理员。`,
      );
    } else if ((error as NodeJS.ErrnoException).syscall === 'listen') {
      // Only the server's listen fails this way: the database was opened and closed again untouched.
      console.error(`院落议事：本机服务无法启动 （${messageOf(error)}）`);
      dialog.showErrorBox('院落议事无法启动', '院落议事没能在这台电脑上开启它的本机服务，数据没有改动。请重新打开院落议事；如果一直出现，请联系管理员。');
    } else {
      console.error(`院落议事：无法打开数据库 ${databasePath} （${messageOf(error)}）`);
      dialog.showErrorBox('院落议事无法启动', isNativeModuleMismatch(error) ? componentMismatchText : cannotOpenText(databasePath));
    }
    return null;
  }
}

async function start(): Promise<void> {
  const started = await openHost();
  if (!started) {
    app.exit(1);
    return;
  }
  // The server stops and the database closes (its lock given back) within the quit itself.
  app.on('will-quit', () => void started.close());
  setupSecurity();
  setupMenu();
  setupProjector();
  setupSaveFile();
  setupOpenFile();
  await showHost(started.origin, started.issueChairSession());
  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another console already has the database open; it comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // The console is the app: closing it ends the meeting session and closes the database.
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start).catch(fail);
}
