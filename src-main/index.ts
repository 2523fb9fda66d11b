/**
 * App lifecycle only: everything else lives in one module per concern, called in order.
 * The database is opened (and migrated) before any window exists.
 */
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { createHost, type Host } from './host/core/host';
import { databaseFileName, defaultUserDataDir } from './host/core/paths';
import { describeBackup, openOrRecover } from './host/areas/backup/open-or-recover';
import { acquireDatabaseLock, DatabaseInUseError, type DatabaseLock } from './host/db/lock';
import { programName } from './host/core/recovery-host';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { setupSecurity } from './security';
import { createMainWindow, focusMainWindow, setupProjector } from './windows';
import { setupSaveFile } from './save-file';
import { safeStorageProtector } from './key-protector';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Electron's default for an uncaught error is a dialog with a stack trace; the chair gets a sentence. */
process.on('uncaughtException', (error) => {
  console.error(`院落议事：意外错误 （${messageOf(error)}）`);
  dialog.showErrorBox('院落议事出错了', '程序遇到意外错误，需要关闭。已经保存的内容不受影响，请重新打开院落议事。');
  app.exit(1);
});

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

function openHost(): Host | null {
  const databasePath = join(app.getPath('userData'), databaseFileName);
  // One writer per file: `npm run serve` on the same database is refused here before anything is read.
  let lock: DatabaseLock;
  try {
    lock = acquireDatabaseLock(databasePath, programName('desktop'));
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    dialog.showErrorBox('院落议事没有打开', error.message);
    return null;
  }
  app.on('will-quit', () => lock.release());
  const open = () =>
    createHost({
      databasePath,
      migrationsFolder: join(app.getAppPath(), 'src-main/host/db/migrations'),
      host: 'desktop',
      version: app.getVersion(),
      // The signing key is stored through the system's key store where it offers one.
      keyProtector: safeStorageProtector(),
    });
  try {
    // A damaged file: the newest sound backup is offered; the damaged file is kept aside, never overwritten.
    const outcome = openOrRecover(databasePath, open, (damage, backup) => {
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
    }, () => new Date());
    if (outcome.kind === 'opened' || outcome.kind === 'restored') return outcome.host;
    lock.release();
    dialog.showErrorBox(
      '院落议事没有打开',
      outcome.kind === 'no-backup'
        ? `${outcome.damage.message}\n\n没有找到完好的备份。文件原样保留，没有改动；请联系管理员。`
        : `${outcome.damage.message}\n\n文件原样保留，没有改动。需要时请重新打开院落议事，选择从备份恢复。`,
    );
    return null;
  } catch (error) {
    lock.release();
    console.error(`院落议事：无法打开数据库 ${databasePath} （${messageOf(error)}）`);
    dialog.showErrorBox('院落议事无法启动', isNativeModuleMismatch(error) ? componentMismatchText : cannotOpenText(databasePath));
    return null;
  }
}

function start(): void {
  const host = openHost();
  if (!host) {
    app.exit(1);
    return;
  }
  app.on('will-quit', () => host.close());
  setupSecurity();
  setupMenu();
  setupIpc(host);
  setupProjector(host);
  setupSaveFile();
  createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another console already has the database open; it comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // The console is the app: closing it ends the meeting session and closes the database.
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
