import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, doubleOf, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

const { setupMenu } = await import('../../../src-main/menu');
const { createMainWindow, showHost } = await import('../../../src-main/windows');

/** Every item of the application menu, submenus flattened, in order. */
function menuItems(): MenuItemConstructorOptions[] {
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
  return flatten(state.applicationMenu?.items ?? []);
}

const roles = () => menuItems().flatMap((item) => (item.role ? [item.role] : []));
const projectorItem = () => menuItems().find((item) => item.label === '打开投影画面');

function clickProjectorItem(): void {
  const click = projectorItem()?.click as (() => void) | undefined;
  click?.();
}

const realPlatform = process.platform;
function pretendPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

beforeEach(async () => {
  resetElectron();
  await showHost('http://127.0.0.1:4820', 'chair-session-token');
});
afterEach(() => pretendPlatform(realPlatform));

describe('the application menu (Electron replaced by a test double)', () => {
  it('has 文件，编辑，视图 and 帮助，in Chinese, with the editing roles the keyboard shortcuts need', () => {
    pretendPlatform('linux');
    setupMenu();
    expect(state.applicationMenu?.items.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles()).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'about']));
    for (const item of menuItems()) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('puts the app menu first on macOS', () => {
    pretendPlatform('darwin');
    setupMenu();
    expect(state.applicationMenu?.items.map((item) => item.label)).toEqual(['院落议事', '文件', '编辑', '视图', '帮助']);
  });

  it('offers reload and developer tools while the app is being worked on, never in the packaged app', () => {
    app.isPackaged = false;
    setupMenu();
    expect(roles()).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    app.isPackaged = true;
    setupMenu();
    expect(roles()).not.toContain('reload');
    expect(roles()).not.toContain('forceReload');
    expect(roles()).not.toContain('toggleDevTools');
  });

  it('names the app and its version in the about panel', () => {
    app.version = '1.2.3';
    setupMenu();
    expect(app.aboutPanelOptions).toMatchObject({ applicationName: '院落议事', applicationVersion: '1.2.3' });
  });

  it('opens the projector for the meeting the console shows, with Ctrl+Shift+P', () => {
    setupMenu();
    const consoleWindow = doubleOf(createMainWindow());
    expect(projectorItem()?.accelerator).toBe('CmdOrCtrl+Shift+P');
    consoleWindow.webContents.navigate(`${consoleWindow.webContents.getURL()}#/meetings/12/console`);
    clickProjectorItem();
    expect(state.createdWindows).toHaveLength(2);
    expect(state.createdWindows[1]!.loads.at(-1)?.hash).toBe('/projector/12');
  });

  it('opens nothing when the console is not showing a meeting', () => {
    setupMenu();
    const consoleWindow = doubleOf(createMainWindow());
    consoleWindow.webContents.navigate(`${consoleWindow.webContents.getURL()}#/roster`);
    clickProjectorItem();
    expect(state.createdWindows).toHaveLength(1);
  });
});
