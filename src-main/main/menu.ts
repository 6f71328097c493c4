// The Chinese application menu. Edit commands are native roles (they act on whatever has focus,
// ProseMirror included); report commands go to the renderer as a typed 'menu:command' event.
import { BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import type { AppInfo, IpcEvents, MenuCommand } from '@contract/ipc'
import { WINDOW_TITLE } from './constants'

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  send(command: MenuCommand): void
  showAbout(): void
  openDataFolder(): void
  isDev: boolean
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(cmd)
  })
  const view: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' }
  ]
  if (actions.isDev) {
    view.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload' },
      { label: '开发者工具', role: 'toggleDevTools' }
    )
  }
  return [
    {
      label: '文件(&F)',
      submenu: [
        command('新建报告', 'new-report', 'CmdOrCtrl+N'),
        command('保存版本', 'save-version', 'CmdOrCtrl+S'),
        { type: 'separator' },
        command('导出Word', 'export-word', 'CmdOrCtrl+E'),
        command('导出PDF', 'export-pdf', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('备份到…', 'backup-to'),
        command('从备份恢复…', 'restore-backup'),
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' }
      ]
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        // Ctrl+Y on every platform: it is what clerks know from Word and WPS.
        { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        command('查找', 'find', 'CmdOrCtrl+F')
      ]
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: `关于${WINDOW_TITLE}`, click: () => actions.showAbout() }
      ]
    }
  ]
}

export function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  if (!target || target.isDestroyed()) return
  const payload: IpcEvents['menu:command'] = command
  target.webContents.send('menu:command', payload)
}

export function aboutMessage(info: AppInfo): { title: string; message: string; detail: string } {
  return {
    title: `关于${WINDOW_TITLE}`,
    message: `${WINDOW_TITLE} ${info.version}`,
    detail: [
      '乡镇年度报告编写与审核（离线使用，不联网）。',
      `版本：${info.version}`,
      `数据文件夹：${info.dataPath}`,
      '自动备份：每天一次，保存在数据文件夹的 huibao-data/backups 中（保留最近 30 份）。',
      '手动备份：文件菜单 → 备份到…'
    ].join('\n')
  }
}

export function installMenu(info: AppInfo, isDev: boolean): void {
  const template = buildMenuTemplate({
    isDev,
    send: sendMenuCommand,
    showAbout: () => {
      const parent = BrowserWindow.getFocusedWindow()
      const text = aboutMessage(info)
      const options = { type: 'info' as const, buttons: ['确定'], noLink: true, ...text }
      void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
    },
    openDataFolder: () => void shell.openPath(info.dataPath)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
