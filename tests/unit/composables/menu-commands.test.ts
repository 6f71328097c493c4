// @vitest-environment happy-dom
// The application menu's commands reach the screen that registered them (newest first), app
// commands reach App's handlers, and a screen command with no screen to act on is reported.
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import type { MenuCommand } from '@contract/ipc'
import { installMenuDispatcher, useScreenCommands, type ScreenHandlers } from '../../../src-renderer/src/composables/menu-commands'

function fakePlatform() {
  let listener: ((c: MenuCommand) => void) | null = null
  return {
    onMenuCommand: (l: (c: MenuCommand) => void) => {
      listener = l
      return () => (listener = null)
    },
    send: (c: MenuCommand) => listener?.(c)
  }
}

const screen = (handlers: ScreenHandlers) => defineComponent({ setup: () => (useScreenCommands(handlers), () => h('div')) })

describe('menu command dispatcher', () => {
  it('sends 导出Word and 查找 to the mounted editor screen, and 新建报告 to the app', () => {
    const platform = fakePlatform()
    const app = { 'new-report': vi.fn(), 'backup-to': vi.fn(), 'restore-backup': vi.fn() }
    const unhandled = vi.fn()
    const stop = installMenuDispatcher(platform, app, unhandled)
    const editor = { 'export-word': vi.fn(), find: vi.fn() }
    const wrapper = mount(screen(editor))

    platform.send('export-word')
    platform.send('find')
    platform.send('new-report')
    expect(editor['export-word']).toHaveBeenCalledOnce()
    expect(editor.find).toHaveBeenCalledOnce()
    expect(app['new-report']).toHaveBeenCalledOnce()
    expect(unhandled).not.toHaveBeenCalled()

    platform.send('export-pdf')
    expect(unhandled).toHaveBeenCalledWith('export-pdf')

    wrapper.unmount()
    platform.send('export-word')
    expect(editor['export-word']).toHaveBeenCalledOnce()
    expect(unhandled).toHaveBeenLastCalledWith('export-word')
    stop()
  })

  it('prefers the newest screen that handles a command and falls back to older ones', () => {
    const platform = fakePlatform()
    const stop = installMenuDispatcher(platform, { 'new-report': vi.fn(), 'backup-to': vi.fn(), 'restore-backup': vi.fn() }, vi.fn())
    const outer = { 'save-version': vi.fn(), 'export-pdf': vi.fn() }
    const inner = { 'export-pdf': vi.fn() }
    const a = mount(screen(outer))
    const b = mount(screen(inner))
    platform.send('export-pdf')
    platform.send('save-version')
    expect(inner['export-pdf']).toHaveBeenCalledOnce()
    expect(outer['export-pdf']).not.toHaveBeenCalled()
    expect(outer['save-version']).toHaveBeenCalledOnce()
    b.unmount()
    a.unmount()
    stop()
  })
})
