// Which fonts this PC has, measured in the page: text set in "<family>, <generic>" is compared
// with the generic alone; any difference in width means the family is installed. (Chromium's
// document.fonts.check answers true for any local name, so it cannot tell.)
import type { LayoutProfile } from '@core/layout'
import { FONT_FALLBACKS, fontReport, type FontReport } from '@core/pages/fonts'

/** CJK and Latin, wide and narrow: two fonts rarely agree on all of these. */
const PROBE = '永和国际汉字测试仿宋楷体黑体 WMiIl10@'
const GENERICS = ['monospace', 'serif', 'sans-serif'] as const

/** CJK fonts a generic family may resolve to, checked to name the system default. */
const DEFAULT_CANDIDATES = [
  'Noto Serif CJK SC',
  'Noto Sans CJK SC',
  'Source Han Serif SC',
  'Source Han Sans SC',
  'AR PL UMing CN',
  'WenQuanYi Zen Hei',
  'SimSun',
  'Microsoft YaHei'
]

export function createFontProbe(doc: Document = document): (family: string) => boolean {
  const ctx = doc.createElement('canvas').getContext('2d')
  const cache = new Map<string, boolean>()
  const width = (font: string) => {
    if (!ctx) return 0
    ctx.font = font
    return ctx.measureText(PROBE).width
  }
  const base = new Map(GENERICS.map((g) => [g, width(`32px ${g}`)]))
  return (family: string) => {
    const hit = cache.get(family)
    if (hit !== undefined) return hit
    const quoted = `"${family.replace(/"/g, '')}"`
    const installed = ctx !== null && GENERICS.some((g) => width(`32px ${quoted}, ${g}`) !== base.get(g))
    cache.set(family, installed)
    return installed
  }
}

/** The CJK font the generic serif family falls back to, when it is one we know. */
export function detectSystemDefault(doc: Document = document): string | null {
  const ctx = doc.createElement('canvas').getContext('2d')
  if (!ctx) return null
  const w = (font: string) => {
    ctx.font = font
    return ctx.measureText(PROBE).width
  }
  const serif = w('32px serif')
  return DEFAULT_CANDIDATES.find((f) => w(`32px "${f}", monospace`) === serif) ?? null
}

export function checkFonts(profile: LayoutProfile, doc: Document = document): FontReport {
  return fontReport(profile, createFontProbe(doc), detectSystemDefault(doc))
}

export { FONT_FALLBACKS }
