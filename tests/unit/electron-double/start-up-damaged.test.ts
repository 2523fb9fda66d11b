import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { startHost } from '../../../src-main/host/core/start-host';
import { app, dialog, resetElectron, state } from './electron';
import { desktopUserData } from './user-data';

vi.mock('electron', () => import('./electron'));

const { databasePath, folder } = desktopUserData('start-up-damaged-');

describe('the desktop app’s start-up on a damaged file (Electron replaced by a test double)', () => {
  it('asks in a dialog whether to restore the newest backup before anything is served; a no leaves the file as it is and says so', async () => {
    const earlier = await startHost({ databasePath, host: 'desktop', webRoot: folder, port: 0 });
    await earlier.close();
    writeFileSync(databasePath, 'this is not a database');

    resetElectron();
    await import('../../../src-main/index');
    dialog.messageBoxAnswers.push(1);
    app.becomeReady();
    await vi.waitFor(() => expect(dialog.errorBoxes).toHaveLength(1));
    expect(dialog.messageBoxes).toEqual([expect.objectContaining({ title: '数据文件已损坏', buttons: ['从这份备份恢复', '退出'] })]);
    expect(dialog.errorBoxes[0]).toEqual({ title: '院落议事没有打开', content: expect.stringContaining('文件原样保留，没有改动') });
    expect(app.exitCode).toBe(1);
    expect(state.createdWindows).toHaveLength(0);
    expect(readFileSync(databasePath, 'utf8')).toBe('this is not a database');
    // Nothing was left holding the file.
    const next = await startHost({ databasePath, host: 'browser', webRoot: folder, port: 0 });
    expect(next.host.damaged).not.toBeNull();
    await next.close();
  });
});
