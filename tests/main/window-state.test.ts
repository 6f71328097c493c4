import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow as ElectronWindow } from 'electron'
import { clampToDisplays, loadWindowState, trackWindowState, type WindowState } from '../../src-main/main/window-state'
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH } from '../../src-main/main/window'
import { BrowserWindow, resetElectronMock } from '../mocks/electron'

const primary = { x: 0, y: 0, width: 1920, height: 1040 }
const right = { x: 1920, y: 0, width: 1280, height: 984 }
const laptop = { x: 0, y: 0, width: 1366, height: 728 }
const state = (s: Partial<WindowState>): WindowState => ({ x: 100, y: 80, width: 1200, height: 800, maximized: false, ...s })

const inside = (b: { x?: number; y?: number; width: number; height: number }, area: typeof primary) =>
  b.x! >= area.x && b.y! >= area.y && b.x! + b.width <= area.x + area.width && b.y! + b.height <= area.y + area.height

describe('clampToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    expect(clampToDisplays(state({}), [primary], primary)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: false })
  })

  it('keeps a window on a secondary display', () => {
    expect(clampToDisplays(state({ x: 2000, y: 50 }), [primary, right], primary)).toMatchObject({ x: 2000, y: 50 })
  })

  it('recentres a window left on a display that was unplugged', () => {
    const result = clampToDisplays(state({ x: 2000, y: 50, maximized: true }), [primary], primary)
    expect(inside(result, primary)).toBe(true)
    expect(result.x).toBe((primary.width - 1200) / 2)
    expect(result.maximized).toBe(true)
  })

  it('recentres a window whose title bar is above the screen', () => {
    expect(inside(clampToDisplays(state({ y: -700 }), [primary], primary), primary)).toBe(true)
  })

  it('shrinks a window bigger than the (smaller) display and pulls it inside', () => {
    const result = clampToDisplays(state({ x: 200, y: 100, width: 1900, height: 1000 }), [laptop], laptop)
    expect(result.width).toBe(laptop.width)
    expect(result.height).toBe(laptop.height)
    expect(inside(result, laptop)).toBe(true)
  })

  it('pulls a half-off-screen window back inside its display', () => {
    const result = clampToDisplays(state({ x: 1500, y: 600 }), [primary], primary)
    expect(inside(result, primary)).toBe(true)
    expect(result.width).toBe(1200)
  })

  it('keeps the minimum size where the display allows it', () => {
    const result = clampToDisplays(state({ width: 300, height: 200 }), [primary], primary)
    expect(result.width).toBe(MIN_WIDTH)
    expect(result.height).toBe(MIN_HEIGHT)
  })

  it('centres the default size on first run', () => {
    const result = clampToDisplays(null, [primary], primary)
    expect(result).toMatchObject({ width: DEFAULT_BOUNDS.width, height: DEFAULT_BOUNDS.height, maximized: false })
    expect(result.x).toBe((primary.width - DEFAULT_BOUNDS.width) / 2)
  })
})

describe('window state file', () => {
  let dir: string
  beforeEach(() => {
    resetElectronMock()
    dir = mkdtempSync(join(tmpdir(), 'huibao-wstate-'))
  })
  afterEach(() => {
    vi.useRealTimers()
    rmSync(dir, { recursive: true, force: true })
  })

  it('ignores a missing, corrupt or wrongly shaped file', () => {
    const file = join(dir, 'window-state.json')
    expect(loadWindowState(file)).toBeNull()
    writeFileSync(file, '{oops')
    expect(loadWindowState(file)).toBeNull()
    writeFileSync(file, JSON.stringify({ x: 'a', y: 0, width: 10, height: 10, maximized: false }))
    expect(loadWindowState(file)).toBeNull()
  })

  it('saves size, position and maximised on close, and reads them back', async () => {
    const file = join(dir, 'window-state.json')
    const window = new BrowserWindow({ x: 10, y: 20, width: 1000, height: 700 })
    trackWindowState(window as unknown as ElectronWindow, file)
    window.bounds = { x: 40, y: 50, width: 1100, height: 750 }
    window.maximized = true
    window.close()
    await vi.waitFor(() => expect(loadWindowState(file)).toEqual({ x: 40, y: 50, width: 1100, height: 750, maximized: true }))
    expect(JSON.parse(readFileSync(file, 'utf8')).maximized).toBe(true)
  })

  it('saves moves and resizes after they settle', async () => {
    vi.useFakeTimers()
    const file = join(dir, 'window-state.json')
    const window = new BrowserWindow({ x: 0, y: 0, width: 1000, height: 700 })
    trackWindowState(window as unknown as ElectronWindow, file, 500)
    window.setBounds({ x: 5, y: 6 })
    expect(loadWindowState(file)).toBeNull()
    vi.advanceTimersByTime(500)
    vi.useRealTimers()
    await vi.waitFor(() => expect(loadWindowState(file)).toMatchObject({ x: 5, y: 6 }))
  })
})
