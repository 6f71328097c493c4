import { beforeEach, describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@contract/ipc'
import { aboutMessage, buildMenuTemplate, installMenu, sendMenuCommand } from '../../src-main/main/menu'
import { BrowserWindow, dialog, Menu, resetElectronMock, shell, type MenuItemOptions } from '../mocks/electron'

function build(isDev = false) {
  const sent: MenuCommand[] = []
  const calls = { about: 0, folder: 0 }
  const template = buildMenuTemplate({
    isDev,
    send: (command) => sent.push(command),
    showAbout: () => calls.about++,
    openDataFolder: () => calls.folder++
  })
  return { template, sent, calls }
}

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[]
const find = (template: MenuItemConstructorOptions[], label: string) =>
  template.flatMap(items).find((item) => item.label === label)

describe('application menu', () => {
  beforeEach(() => resetElectronMock())

  it('has the Chinese top-level menus 文件/编辑/视图/帮助', () => {
    expect(build().template.map((menu) => menu.label?.replace(/\(&\w\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助'])
  })

  it.each([
    ['新建报告', 'CmdOrCtrl+N', 'new-report'],
    ['保存版本', 'CmdOrCtrl+S', 'save-version'],
    ['导出PDF', 'CmdOrCtrl+P', 'export-pdf'],
    ['导出Word', 'CmdOrCtrl+E', 'export-word'],
    ['查找', 'CmdOrCtrl+F', 'find']
  ] as const)('%s (%s) sends the %s command to the renderer', (label, accelerator, command) => {
    const { template, sent } = build()
    const item = find(template, label)
    expect(item?.accelerator).toBe(accelerator)
    item?.click?.({} as never, undefined, {} as never)
    expect(sent).toEqual([command])
  })

  it('undo is Ctrl+Z and redo Ctrl+Y, as native edit roles', () => {
    const { template } = build()
    expect(find(template, '撤销')).toMatchObject({ role: 'undo', accelerator: 'CmdOrCtrl+Z' })
    expect(find(template, '重做')).toMatchObject({ role: 'redo', accelerator: 'CmdOrCtrl+Y' })
    expect(find(template, '复制')).toMatchObject({ role: 'copy' })
    expect(find(template, '粘贴')).toMatchObject({ role: 'paste' })
  })

  it('uses each accelerator once', () => {
    const accelerators = build(true).template.flatMap(items).flatMap((item) => (item.accelerator ? [item.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('offers reload and developer tools only in dev', () => {
    expect(find(build(false).template, '开发者工具')).toBeUndefined()
    expect(find(build(false).template, '重新加载')).toBeUndefined()
    expect(find(build(true).template, '开发者工具')).toMatchObject({ role: 'toggleDevTools' })
  })

  it('关于汇报 opens the about box', () => {
    const { template, calls } = build()
    find(template, '关于汇报')?.click?.({} as never, undefined, {} as never)
    expect(calls.about).toBe(1)
  })

  it('the about text names the version and the data folder', () => {
    const text = aboutMessage({ version: '1.4.0', dataPath: 'C:\\Users\\li\\AppData\\Roaming\\Huibao', platform: 'win32' })
    expect(text.title).toBe('关于汇报')
    expect(text.message).toContain('1.4.0')
    expect(text.detail).toContain('C:\\Users\\li\\AppData\\Roaming\\Huibao')
  })

  it('installs a menu Electron accepts, whose about item shows a message box', async () => {
    installMenu({ version: '0.9.0', dataPath: '/data/Huibao', platform: 'linux' }, false)
    const menu = Menu.getApplicationMenu()
    expect(menu).not.toBeNull()
    const all = (menu!.template as MenuItemOptions[]).flatMap((m) => m.submenu ?? [])
    all.find((item) => item.label === '关于汇报')?.click?.()
    const options = dialog.showMessageBox.mock.calls[0].at(-1) as { detail: string; message: string }
    expect(options.message).toContain('0.9.0')
    expect(options.detail).toContain('/data/Huibao')
    all.find((item) => item.label === '打开数据文件夹')?.click?.()
    expect(shell.openPath).toHaveBeenCalledWith('/data/Huibao')
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it("sends 'menu:command' to the focused window, else the first one", () => {
    const first = new BrowserWindow({})
    const second = new BrowserWindow({})
    sendMenuCommand('new-report')
    expect(first.webContents.sent).toEqual([{ channel: 'menu:command', args: ['new-report'] }])
    second.focus()
    sendMenuCommand('find')
    expect(second.webContents.sent).toEqual([{ channel: 'menu:command', args: ['find'] }])
    expect(first.webContents.sent).toHaveLength(1)
  })
})
