// Remembers where the clerk left the window. A monitor may be unplugged between runs, so the
// saved rectangle is clamped onto a display that exists now, or dropped for the default.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { BrowserWindow, Rectangle } from 'electron'
import { writeFileAtomic } from './atomic-write'
import { DEFAULT_BOUNDS, MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './window'

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean()
})

export type WindowState = z.infer<typeof stateSchema>

/** How much of the window's top strip must be on a display to count as reachable. */
const MIN_VISIBLE = 64

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * Bounds to open with. Size is capped to the work area of the display the window will be on;
 * the position is kept only if the title bar (top strip) is reachable on some display, else the
 * window is centred on the primary display.
 */
export function clampToDisplays(
  state: WindowState | null,
  workAreas: readonly Rectangle[],
  primary: Rectangle
): WindowBounds & { maximized: boolean } {
  const centred = (width: number, height: number, area: Rectangle) => {
    const w = Math.max(Math.min(width, area.width), Math.min(MIN_WIDTH, area.width))
    const h = Math.max(Math.min(height, area.height), Math.min(MIN_HEIGHT, area.height))
    return {
      width: w,
      height: h,
      x: area.x + Math.round((area.width - w) / 2),
      y: area.y + Math.round((area.height - h) / 2)
    }
  }
  if (!state) return { ...centred(DEFAULT_BOUNDS.width, DEFAULT_BOUNDS.height, primary), maximized: false }
  const titleBar: Rectangle = { x: state.x, y: state.y, width: state.width, height: Math.min(MIN_VISIBLE, state.height) }
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area)
    return o.width >= Math.min(MIN_VISIBLE, state.width) && o.height >= Math.min(MIN_VISIBLE / 2, titleBar.height)
  })
  if (!home) return { ...centred(state.width, state.height, primary), maximized: state.maximized }
  const width = Math.max(Math.min(state.width, home.width), Math.min(MIN_WIDTH, home.width))
  const height = Math.max(Math.min(state.height, home.height), Math.min(MIN_HEIGHT, home.height))
  // Pull the window fully inside the work area it mostly belongs to, now that it fits.
  const x = Math.min(Math.max(state.x, home.x), home.x + home.width - width)
  const y = Math.min(Math.max(state.y, home.y), home.y + home.height - height)
  return { x, y, width, height, maximized: state.maximized }
}

/** Saves on move/resize (debounced) and on close; the normal bounds survive maximising. */
export function trackWindowState(window: BrowserWindow, file: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | undefined
  const snapshot = (): WindowState => {
    const bounds = window.getNormalBounds()
    return { ...bounds, maximized: window.isMaximized() }
  }
  const save = () => {
    clearTimeout(timer)
    if (window.isDestroyed()) return
    const data = new TextEncoder().encode(JSON.stringify(snapshot()))
    writeFileAtomic(file, data).catch((error) => console.warn('[window-state] not saved:', error))
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, debounceMs)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('maximize', save)
  window.on('unmaximize', save)
  window.on('close', save)
}
