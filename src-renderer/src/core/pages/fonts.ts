// Font mapping: the faces a profile names (GB2312 faces, 方正小标宋, or the ones Windows ships)
// with free fallbacks for Linux, and the missing-font report shown before export. Names only:
// the app never ships or embeds a font file of its own.
import type { FontMapping, LayoutProfile } from '../layout'

export type FontRole = keyof FontMapping

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  title: '标题',
  body: '正文',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  pageNumber: '页码'
}

/**
 * Substitutes in order of likeness. The Linux ones are TrueType (AR PL UMing/UKai, WenQuanYi
 * Zen Hei), which Chromium embeds as TrueType subsets; CFF-outline CJK fonts would become Type 3.
 */
const SONG_FREE = ['AR PL UMing CN', 'AR PL UMing TW', 'AR PL New Sung']
const KAI_FREE = ['AR PL UKai CN', 'AR PL UKai TW', 'AR PL ZenKai Uni']
const HEI_FREE = ['WenQuanYi Zen Hei', 'WenQuanYi Micro Hei']

export const FONT_FALLBACKS: Record<string, string[]> = {
  方正小标宋简体: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', ...SONG_FREE],
  仿宋_GB2312: ['FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', ...SONG_FREE],
  仿宋: ['FangSong', '仿宋_GB2312', 'STFangsong', ...SONG_FREE],
  楷体_GB2312: ['KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', ...KAI_FREE],
  楷体: ['KaiTi', '楷体_GB2312', 'STKaiti', ...KAI_FREE],
  黑体: ['SimHei', 'STHeiti', ...HEI_FREE],
  宋体: ['SimSun', 'STSong', ...SONG_FREE]
}

/** Fonts known to carry only CFF (PostScript) outlines: Chromium prints them as Type 3. */
const CFF_ONLY = [/noto\s*(sans|serif)\s*(mono\s*)?cjk/i, /source\s*han/i, /思源/, /sarasa/i]

export function isCffOnlyFont(family: string): boolean {
  return CFF_ONLY.some((re) => re.test(family))
}

/** The family itself, then its substitutes. */
export function fontStack(family: string): string[] {
  return [family, ...(FONT_FALLBACKS[family] ?? [])]
}

/** A CSS font-family value: every name quoted, a generic family last. */
export function cssFontFamily(family: string, generic: 'serif' | 'sans-serif' = 'serif'): string {
  return [...fontStack(family).map((f) => `"${f.replace(/"/g, '')}"`), generic].join(', ')
}

/**
 * The face bold runs are printed in: 黑体, a real face. None of the GB/T 9704 body faces (仿宋,
 * 楷体, 宋体, nor their Linux substitutes) has a bold face, and Chromium prints its synthetic bold
 * as Type 3 fonts (stroked text too; a shadow draws the text twice); so the pages show bold
 * as 黑体, at weight 400 like the 黑体 headings so the PDF embeds that face once.
 */
export const BOLD_FACE = '黑体'

export function genericFor(role: FontRole, profile: LayoutProfile): 'serif' | 'sans-serif' {
  return profile.fonts[role] === '黑体' ? 'sans-serif' : 'serif'
}

export interface FontReportEntry {
  /** The face the profile asks for. */
  required: string
  roles: FontRole[]
  installed: boolean
  /** What will be used instead: the first installed substitute, or null (system default). */
  substitute: string | null
  /** The font actually used is CFF-only (known by name): printed PDFs would carry Type 3 text. */
  cffWarning: boolean
}

export interface FontReport {
  entries: FontReportEntry[]
  /** True when every required face is installed. */
  complete: boolean
  messages: string[]
}

/**
 * Which required faces are missing and what replaces each. `isInstalled` answers for one family
 * name (the renderer measures text to decide); `systemDefault` is the face the browser falls back
 * to when no name in the stack is installed, when known.
 */
export function fontReport(profile: LayoutProfile, isInstalled: (family: string) => boolean, systemDefault: string | null = null): FontReport {
  const byFamily = new Map<string, FontRole[]>()
  for (const role of Object.keys(profile.fonts) as FontRole[]) {
    const family = profile.fonts[role]
    byFamily.set(family, [...(byFamily.get(family) ?? []), role])
  }
  const entries: FontReportEntry[] = [...byFamily].map(([required, roles]) => {
    const installed = isInstalled(required)
    const substitute = installed ? null : ((FONT_FALLBACKS[required] ?? []).find((f) => isInstalled(f)) ?? null)
    const used = installed ? required : (substitute ?? systemDefault ?? '')
    return { required, roles, installed, substitute, cffWarning: used !== '' && isCffOnlyFont(used) }
  })
  const messages: string[] = []
  for (const e of entries) {
    const what = `${e.roles.map((r) => FONT_ROLE_LABELS[r]).join('、')}所需字体“${e.required}”`
    if (!e.installed) {
      messages.push(
        e.substitute
          ? `本机没有安装${what}，将用“${e.substitute}”代替。`
          : `本机没有安装${what}，也没有可用的替代字体，将用系统默认字体${systemDefault ? `“${systemDefault}”` : ''}显示。`
      )
    }
    if (e.cffWarning) {
      messages.push(
        `“${e.installed ? e.required : (e.substitute ?? systemDefault)}”是 CFF 轮廓字体，导出的 PDF 中文字会变成 Type 3 字体，打印效果差。请安装 TrueType 字体（如仿宋、楷体、黑体，或 AR PL UMing、文泉驿正黑）后再导出。`
      )
    }
  }
  return { entries, complete: entries.every((e) => e.installed), messages }
}
