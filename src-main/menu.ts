import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { openProjectorForConsole } from './windows';

const appName = '院落议事';

function macAppMenu(): MenuItemConstructorOptions[] {
  if (process.platform !== 'darwin') return [];
  return [
    {
      label: appName,
      submenu: [
        { role: 'about', label: `关于${appName}` },
        { type: 'separator' },
        { role: 'hide', label: `隐藏${appName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: `退出${appName}` },
      ],
    },
  ];
}

/** Reload and developer tools are for people working on the app, not for the chair. */
function developerItems(): MenuItemConstructorOptions[] {
  if (app.isPackaged) return [];
  return [
    { type: 'separator' },
    { role: 'reload', label: '重新加载' },
    { role: 'toggleDevTools', label: '开发者工具' },
  ];
}

export function setupMenu(): void {
  app.setAboutPanelOptions({ applicationName: appName, applicationVersion: app.getVersion() });

  const template: MenuItemConstructorOptions[] = [
    ...macAppMenu(),
    {
      label: '文件',
      submenu: [{ role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        { type: 'separator' },
        // For the meeting the console shows; full-screen on the second display when one is attached.
        { label: '打开投影画面', accelerator: 'CmdOrCtrl+Shift+P', click: () => openProjectorForConsole() },
        ...developerItems(),
      ],
    },
    {
      label: '帮助',
      submenu: [{ role: 'about', label: `关于${appName}` }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
